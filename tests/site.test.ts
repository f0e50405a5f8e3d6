import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import ICAL from 'ical.js';
import { build } from '../src/build.js';
import { loadContent } from '../src/load/content.js';
import { fileEnv } from '../src/load/env.js';
import { ContentError, formatProblem } from '../src/model/errors.js';
import { frenchText } from '../src/derive/typography.js';
import { jsonForScript } from '../src/site/jsonld.js';
import { descriptionHtml } from '../src/site/richtext.js';
import { richText } from '../src/derive/rich.js';
import { safeHref } from '../src/site/html.js';
import { ROOT, EPOCH, rawEvents } from './helpers/sample.js';
import { sharedBuild } from './helpers/shared.js';
import { launchChromium } from './helpers/chromium.js';

/**
 * The campaign's website (src/site/): the sample's (from the shared build, which makes it
 * since content/campaign.yaml has a site: block) and a hostile fixture's, opened from
 * file:// in Debian's Chromium (playwright-core; .ci/run installs the chromium package), with
 * axe-core injected for WCAG 2.1 AA.
 */
const BASE_URL = 'https://mois-ess.example.org/';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
type SampleEvent = ReturnType<typeof rawEvents>[number] & { start?: string; end?: string; free?: boolean; price?: string };
const events = rawEvents('content') as SampleEvent[];

let site = '';
let hostile = '';
let tmp = '';
let browser: Browser;

beforeAll(async () => {
  site = path.join(await sharedBuild('sample'), 'site');
  tmp = mkdtempSync(path.join(os.tmpdir(), 'encre-site-'));
  await build({ root: ROOT, content: 'tests/fixtures/site-hostile', out: path.join(tmp, 'hostile'), documents: [], site: 'only', sourceDateEpoch: EPOCH });
  hostile = path.join(tmp, 'hostile/site');
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** What happened while a page was open: console errors, page errors, dialogs, requests that were not file://. */
interface Visit {
  page: Page;
  errors: string[];
  dialogs: string[];
  outside: string[];
  close: () => Promise<void>;
}

/** Opens a file of a site in a fresh page (phone-sized unless told), and records what happens. */
async function visit(file: string, viewport = { width: 375, height: 740 }): Promise<Visit> {
  const context = await browser.newContext({ viewport, javaScriptEnabled: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) outside.push(r.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, errors, dialogs, outside, close: () => context.close() };
}

/**
 * axe-core's WCAG 2.0/2.1 A and AA violations of the page (its source evaluated by the
 * DevTools protocol: the page's CSP forbids scripts, as it should; no preloading, which
 * would fetch the style sheets again, a connection the CSP refuses).
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'], preload: false });
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** The JSON-LD of a page file. */
function jsonLd(file: string): Record<string, unknown> {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`no JSON-LD in ${file}`);
  return JSON.parse(m[1]!) as Record<string, unknown>;
}

/** Every file of a folder, relative paths, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(path.join(dir, f)).isFile()).sort();
}

describe('the sample campaign’s site', () => {
  it('has a home page, a page and a calendar file per event, the campaign as .ics and JSON, the screen programme; event pages under 20 KB', () => {
    const all = files(site);
    for (const f of ['index.html', 'style.css', 'agenda.ics', 'agenda.json', 'programme.pdf']) expect(all, f).toContain(f);
    for (const e of events) {
      expect(all, e.id).toContain(`e/${e.id}/index.html`);
      expect(all, e.id).toContain(`e/${e.id}/${e.id}.ics`);
      expect(readFileSync(path.join(site, `e/${e.id}/index.html`)).length, e.id).toBeLessThan(20_000);
    }
    expect(readFileSync(path.join(site, 'programme.pdf')).equals(readFileSync(path.join(site, '../screen/programme.pdf')))).toBe(true);
    const agenda = JSON.parse(readFileSync(path.join(site, 'agenda.json'), 'utf8')) as { events: { id: string; url: string; start?: string }[] };
    expect(agenda.events.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    for (const e of agenda.events) expect(e.url).toBe(`${BASE_URL}e/${e.id}/`);
    // Every link and resource is relative: the site works from any folder or host.
    for (const f of all.filter((x) => x.endsWith('.html'))) {
      const html = readFileSync(path.join(site, f), 'utf8');
      for (const [, href] of html.matchAll(/(?:href|src)="([^"]*)"/g)) {
        if (/^(https?:|mailto:)/.test(href!)) continue;
        const target = path.join(site, path.dirname(f), href!.split('#')[0]!);
        expect(existsSync(target), `${f} → ${href}`).toBe(true);
      }
    }
  });

  it('opens in Chromium from file://: home and event pages, no console error, no WCAG 2.1 AA violation (axe-core), title, date and place shown, theme styles applied, no request leaving the folder', async () => {
    const home = await visit(path.join(site, 'index.html'));
    try {
      expect(await home.page.locator('h1').innerText()).toContain('Mois de l’ESS');
      expect(await home.page.locator('ol.events > li').count()).toBe(events.length);
      expect(await home.page.locator('a[href="programme.pdf"]').count()).toBe(1);
      expect(await home.page.locator('nav.filters a').count()).toBeGreaterThan(5);
      // The style sheet and the theme's fonts loaded under the page's CSP.
      expect(await home.page.evaluate(() => getComputedStyle(document.querySelector('header.site')!).borderTopColor)).toBe('rgb(232, 84, 42)');
      expect(await home.page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').length)).toBeGreaterThan(0);
      // Responsive: nothing wider than a phone.
      expect(await home.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(await axeViolations(home.page)).toEqual([]);
      expect(home.errors).toEqual([]);
      expect(home.outside).toEqual([]);
    } finally {
      await home.close();
    }
    for (const id of ['herault-02', 'aude-08', 'lozere-02', 'pyrenees-orientales-08']) {
      const e = events.find((x) => x.id === id)!;
      const v = await visit(path.join(site, `e/${id}/index.html`), { width: 1280, height: 900 });
      try {
        const text = (await v.page.locator('main').innerText()).replace(/[\u00A0\u202F]/g, ' ');
        expect(await v.page.locator('h1').innerText()).toBe(frenchText(e.title));
        expect(text).toContain(e.commune);
        const day = Number(e.start!.slice(8, 10));
        expect(text).toMatch(new RegExp(`${day === 1 ? '1ᵉʳ' : day} novembre 2016`));
        expect(await v.page.locator('a[href^="https://www.openstreetmap.org/search?query="]').count()).toBe(1);
        expect(await axeViolations(v.page), id).toEqual([]);
        expect(v.errors, id).toEqual([]);
        expect(v.outside, id).toEqual([]);
      } finally {
        await v.close();
      }
    }
    const filter = await visit(path.join(site, 'f/gratuit/index.html'));
    try {
      expect(await axeViolations(filter.page)).toEqual([]);
      expect(filter.errors).toEqual([]);
      expect(await filter.page.locator('ol.events > li').count()).toBe(events.filter((e) => e.free).length);
    } finally {
      await filter.close();
    }
  });

  it('gives each event an « add to my calendar » file that ical.js reads, at its time in Europe/Paris', () => {
    for (const e of events.filter((x) => x.start)) {
      const cal = new ICAL.Component(ICAL.parse(readFileSync(path.join(site, `e/${e.id}/${e.id}.ics`), 'utf8')) as unknown[]);
      ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
      const vevents = cal.getAllSubcomponents('vevent');
      expect(vevents, e.id).toHaveLength(1);
      const ev = new ICAL.Event(vevents[0]!);
      expect(ev.summary).toBe(frenchText(e.title));
      expect(ev.uid).toBe(`${e.id}@mois-ess.example.org`);
      const [d, t] = e.start!.split(' ');
      const [y, m, day] = d!.split('-').map(Number) as [number, number, number];
      if (t) {
        const [h, min] = t.split(':').map(Number) as [number, number];
        expect(ev.startDate.zone?.tzid).toBe('Europe/Paris');
        expect([ev.startDate.hour, ev.startDate.minute]).toEqual([h, min]);
        // November: Paris is UTC+1.
        expect(ev.startDate.toUnixTime() * 1000, e.id).toBe(Date.UTC(y, m - 1, day, h - 1, min));
      } else {
        expect(ev.startDate.isDate).toBe(true);
        expect(ev.startDate.toString()).toBe(d);
      }
    }
    const all = new ICAL.Component(ICAL.parse(readFileSync(path.join(site, 'agenda.ics'), 'utf8')) as unknown[]);
    expect(all.getAllSubcomponents('vevent')).toHaveLength(events.filter((e) => e.start).length);
  });

  it('carries schema.org Event JSON-LD on every event page, matching the content', () => {
    const EVENT_PROPS = new Set(['@context', '@type', '@id', 'name', 'url', 'description', 'startDate', 'endDate', 'eventStatus', 'eventAttendanceMode', 'location', 'organizer', 'offers', 'inLanguage', 'isAccessibleForFree', 'keywords', 'superEvent']);
    for (const e of events) {
      const ld = jsonLd(path.join(site, `e/${e.id}/index.html`));
      for (const k of Object.keys(ld)) expect(EVENT_PROPS.has(k), `${e.id}: ${k} is a property of schema.org/Event`).toBe(true);
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('Event');
      expect(ld.name).toBe(frenchText(e.title));
      expect(ld.url).toBe(`${BASE_URL}e/${e.id}/`);
      expect(ld.eventStatus).toBe('https://schema.org/EventScheduled');
      expect(ld.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
      for (const [field, value] of [['startDate', e.start], ['endDate', e.end]] as const) {
        if (!value) {
          expect(ld[field], `${e.id} ${field}`).toBeUndefined();
          continue;
        }
        const iso = ld[field] as string;
        // ISO 8601 with Paris's offset in November (+01:00); a date alone stays a date.
        if (value.includes(' ')) {
          expect(iso, e.id).toBe(`${value.replace(' ', 'T')}:00+01:00`);
          expect(new Date(iso).toISOString().slice(0, 16)).toBe(new Date(Date.parse(`${value.replace(' ', 'T')}:00Z`) - 3_600_000).toISOString().slice(0, 16));
        } else expect(iso).toBe(value);
      }
      const location = ld.location as { '@type': string; name: string; address: Record<string, string> };
      expect(location['@type']).toBe('Place');
      expect(location.address['@type']).toBe('PostalAddress');
      expect(location.address.addressLocality).toBe(frenchText(e.commune));
      expect(location.address.addressCountry).toBe('FR');
      const organizer = ld.organizer as { '@type': string; name: string };
      expect(organizer['@type']).toBe('Organization');
      expect(organizer.name).toBe(e.organiser ? frenchText(e.organiser) : expect.any(String));
      const offers = ld.offers as { '@type': string; price?: string; priceCurrency?: string } | undefined;
      if (e.free) expect(offers).toMatchObject({ '@type': 'Offer', price: '0', priceCurrency: 'EUR' });
      else if (e.price) expect(offers?.['@type']).toBe('Offer');
      else expect(offers).toBeUndefined();
    }
  });

  it('makes the same bytes again: encre site alone writes the site the build wrote', async () => {
    const again = path.join(tmp, 'again');
    await build({ root: ROOT, content: 'content', out: again, documents: [], site: 'only', sourceDateEpoch: EPOCH });
    const a = files(site);
    expect(files(path.join(again, 'site'))).toEqual(a);
    for (const f of a) expect(readFileSync(path.join(again, 'site', f)).equals(readFileSync(path.join(site, f))), f).toBe(true);
    // Nothing but the site: encre site writes no PDF of its own.
    expect(readdirSync(again)).toEqual(['site']);
    // A file the site no longer makes (an event since removed) does not stay.
    mkdirSync(path.join(again, 'site/e/ancien'), { recursive: true });
    writeFileSync(path.join(again, 'site/e/ancien/index.html'), 'old');
    await build({ root: ROOT, content: 'content', out: again, documents: [], site: 'only', sourceDateEpoch: EPOCH });
    expect(existsSync(path.join(again, 'site/e/ancien'))).toBe(false);
  });
});

describe('a site made of hostile content', () => {
  const pages = () => files(hostile).filter((f) => f.endsWith('.html'));

  it('runs no script in Chromium, raises no dialog, shows every text as text, and links only to http, https and mailto', async () => {
    expect(pages().length).toBeGreaterThanOrEqual(3);
    for (const f of pages()) {
      const v = await visit(path.join(hostile, f));
      try {
        expect(v.dialogs, f).toEqual([]);
        expect(v.errors, f).toEqual([]);
        expect(v.outside, f).toEqual([]);
        const found = await v.page.evaluate(() => ({
          scripts: [...document.scripts].map((s) => s.type),
          elements: document.querySelectorAll('img, iframe, svg, object, embed, style, b, u, form').length,
          handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
          links: [...document.querySelectorAll('a[href]')].map((a) => ({ protocol: (a as HTMLAnchorElement).protocol, rel: a.getAttribute('rel') ?? '' })),
          csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
          visible: getComputedStyle(document.body).display,
        }));
        expect(found.scripts.every((t) => t === 'application/ld+json'), f).toBe(true);
        expect(found.elements, f).toBe(0);
        expect(found.handlers, f).toEqual([]);
        expect(found.csp).toMatch(/default-src 'none'/);
        expect(found.csp).not.toMatch(/script-src/);
        expect(found.visible).toBe('block');
        for (const l of found.links) {
          expect(['file:', 'http:', 'https:', 'mailto:'], f).toContain(l.protocol);
          if (l.protocol === 'http:' || l.protocol === 'https:' || l.protocol === 'mailto:') expect(l.rel, f).toMatch(/noopener/);
        }
      } finally {
        await v.close();
      }
    }
    const v = await visit(path.join(hostile, 'e/piege-01/index.html'));
    try {
      expect(await v.page.locator('h1').innerText()).toBe('</script><script>alert(1)</script>');
      const main = await v.page.locator('main').innerText();
      // The description's Markdown is read as the card reads it (src/derive/rich.ts): raw HTML
      // keeps its text, not its tags; a javascript: link its text, no link.
      expect(main).toContain('Un lien piégé et un autre');
      expect(await v.page.locator('.description *').count()).toBe(1);
      // Texts that are not rich text show their markup as text.
      expect(await v.page.locator('dl.facts').innerText()).toContain('"><svg onload=alert(1)>');
      expect(await v.page.locator('main a[href^="javascript"]').count()).toBe(0);
    } finally {
      await v.close();
    }
    const links = await visit(path.join(hostile, 'e/piege-02/index.html'));
    try {
      const hrefs = await links.page.locator('.description a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['https://example.org/a?b=1&c=2', 'mailto:contact@example.org', 'https://example.org/page']);
      expect(await links.page.locator('.description a').first().getAttribute('rel')).toBe('nofollow noopener');
      expect(await links.page.locator('.description strong').innerText()).toBe('Gras');
    } finally {
      await links.close();
    }
  });

  it('writes JSON-LD that no string can close, and that parses back to the texts', () => {
    const file = path.join(hostile, 'e/piege-01/index.html');
    const html = readFileSync(file, 'utf8');
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(script).not.toMatch(/<\/script|<!--|<script/i);
    expect(html.match(/<script/g)).toHaveLength(1);
    const ld = jsonLd(file);
    expect(ld.name).toBe('</script><script>alert(1)</script>');
    expect(jsonForScript({ a: '</script><!--\u2028\u2029&' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u2028\\u2029\\u0026"}');
    expect(JSON.parse(jsonForScript({ a: '</script><!--\u2028&' }))).toEqual({ a: '</script><!--\u2028&' });
  });

  it('allows only http, https and mailto links, in any spelling of another scheme', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '//evil.example/x', '']) {
      expect(safeHref(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(descriptionHtml(richText('[x](javascript:alert(1)) <b>y</b> **z** [w](https://example.org/?a=1&b="2")', (t) => t)).value).toBe('<p>x y <strong>z</strong> <a href="https://example.org/?a=1&amp;b=%222%22" rel="nofollow noopener">w</a></p>');
  });

  it('refuses an organiser URL javascript:alert(1) at its line', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-site-'));
    try {
      cpSync(path.join(ROOT, 'tests/fixtures/site-hostile'), dir, { recursive: true });
      const file = path.join(dir, 'events/34.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('url: https://example.org/piege-02?x=\\"><script>alert(1)</script>', 'url: "javascript:alert(1)"'));
      const problems = await loadContent(fileEnv(ROOT, undefined), path.relative(ROOT, dir)).then(() => [], (e: unknown) => (e as ContentError).problems.map(formatProblem));
      expect(problems).toEqual([expect.stringMatching(/events\/34\.yaml:\d+:\d+ events\[1\]\.url: expected an absolute http\(s\) URL.*received "javascript:alert\(1\)"/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('site and QR settings in campaign.yaml', () => {
  /** Problems of a copy of the tiny fixture with `extra` added to its campaign.yaml. */
  async function problemsWith(extra: string): Promise<string[]> {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-site-'));
    try {
      cpSync(path.join(ROOT, 'tests/fixtures/tiny'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'campaign.yaml'), `${readFileSync(path.join(dir, 'campaign.yaml'), 'utf8')}${extra}`);
      return await loadContent(fileEnv(ROOT, undefined), path.relative(ROOT, dir)).then(() => [], (e: unknown) => (e as ContentError).problems.map(formatProblem).map((p) => p.replace(path.relative(ROOT, dir), 'DIR')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('locates a bad baseUrl, an unknown qr.target and a site target without a site, with the value and a hint', async () => {
    expect(await problemsWith('site: { baseUrl: "ftp://mois-ess.example.org/" }\n')).toEqual([
      'DIR/campaign.yaml:8:18 site.baseUrl: expected the absolute http(s) address where out/site/ is published, with no query (?) nor fragment (#), e.g. "https://mois-ess.example.org/", received "ftp://mois-ess.example.org/"\n  Hint: give the address of the folder where out/site/ will be published, e.g. baseUrl: https://mois-ess.example.org/ (every QR code holds it: choose it before printing)',
    ]);
    expect(await problemsWith('site:\n  baseUrl: https://mois-ess.example.org/?page=1\n')).toEqual([expect.stringMatching(/^DIR\/campaign\.yaml:9:12 site\.baseUrl: .*received "https:\/\/mois-ess\.example\.org\/\?page=1"/)]);
    expect(await problemsWith('site: { baseUrl: https://mois-ess.example.org }\nqr: { target: web }\n')).toEqual([
      'DIR/campaign.yaml:9:15 qr.target: expected one of site, event-url, received "web"\n  Hint: write target: site (each code leads to the event\'s page on the campaign\'s site: add site: { baseUrl: https://… }) or target: event-url (each code leads to the event\'s own url)',
    ]);
    expect(await problemsWith('qr: { target: site }\n')).toEqual([expect.stringMatching(/^DIR\/campaign\.yaml:8:15 qr\.target: qr\.target is site, but the campaign declares no site, received "site"\n {2}Hint: write target: site .*add site: \{ baseUrl: https:\/\/… \}/)]);
    expect(await problemsWith('site: { baseUrl: https://mois-ess.example.org }\nqr: { target: event-url }\n')).toEqual([]);
  });

  it('encre site without a site block: exit 1 with the hint', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/encre.js'), 'site', '--content', 'tests/fixtures/tiny', '--out', path.join(tmp, 'none')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tests/fixtures/tiny/campaign.yaml site: encre site: the campaign declares no site');
    expect(r.stderr).toContain('Hint: add to campaign.yaml the address where out/site/ will be published');
  });
});

describe('the site’s parts', () => {
  it('says when an event is cancelled, postponed or full: page, JSON-LD, calendar', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-site-'));
    try {
      cpSync(path.join(ROOT, 'tests/fixtures/tiny'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'campaign.yaml'), `${readFileSync(path.join(dir, 'campaign.yaml'), 'utf8')}site: { baseUrl: "https://tiny.example.org/" }\n`);
      const content = await loadContent(fileEnv(ROOT, undefined), path.relative(ROOT, dir));
      const [{ deriveModel }, { makeSite, eventStatus }, { theme }] = await Promise.all([import('../src/derive/model.js'), import('../src/site/index.js'), import('../layouts/theme.js')]);
      const event = content.events[0]!.value;
      expect(eventStatus(event)).toBe('scheduled');
      const read = (files: { path: string; bytes: Uint8Array | string }[], p: string) => String(files.find((f) => f.path === p)!.bytes);
      for (const [status, notice, schema, ics] of [
        ['cancelled', 'Cet événement est annulé.', 'EventCancelled', 'STATUS:CANCELLED'],
        ['postponed', 'Cet événement est reporté', 'EventPostponed', 'STATUS:TENTATIVE'],
        ['full', 'Cet événement est complet', 'EventScheduled', 'STATUS:CONFIRMED'],
      ] as const) {
        Object.assign(event, { status });
        const files = makeSite(deriveModel(content, new Date(Number(EPOCH) * 1000)), content, theme);
        const page = read(files, `e/${event.id}/index.html`);
        expect(page).toContain(notice);
        expect(page).toContain(`"eventStatus":"https://schema.org/${schema}"`);
        if (status === 'full') expect(page).toContain('"availability":"https://schema.org/SoldOut"');
        expect(read(files, `e/${event.id}/${event.id}.ics`)).toContain(ics);
        expect(read(files, 'index.html')).toContain(`<span class="status">${{ cancelled: 'Annulé', postponed: 'Reporté', full: 'Complet' }[status]}</span>`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes Paris times with the offset of their day, and reads prices', async () => {
    const { isoDateTime } = await import('../src/site/time.js');
    const { priceAmount } = await import('../src/site/jsonld.js');
    expect(isoDateTime('2016-11-15 14:30')).toBe('2016-11-15T14:30:00+01:00');
    expect(isoDateTime('2016-07-14 22:00')).toBe('2016-07-14T22:00:00+02:00');
    expect(isoDateTime('2016-10-30 03:30')).toBe('2016-10-30T03:30:00+01:00');
    expect(isoDateTime('2016-11-15')).toBe('2016-11-15');
    expect(priceAmount('6,50 €')).toBe('6.50');
    expect(priceAmount('5 € / 3 € réduit')).toBe('5');
    expect(priceAmount('participation libre')).toBeUndefined();
  });
});
