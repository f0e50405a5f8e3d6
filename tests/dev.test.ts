import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startDevServer, type DevServer } from '../src/dev/server.js';
import { ROOT } from './helpers/sample.js';
import { launchChromium } from './helpers/chromium.js';

/**
 * The preview server in a real browser: Debian's Chromium, headless, driven by
 * playwright-core (tests/helpers/chromium.ts). The times from a saved change to
 * the page showing it are measured and written to tests/.output/dev-timings.json; the
 * targets (affiche < 1 s, programme < 3 s) are reported, not asserted (no timed tests).
 */
let dir = '';
let server: DevServer;
let browser: Browser;
let page: Page;
const timings: Record<string, number> = {};

function rawGet(url: string, rawPath: string): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    http.get({ host: u.hostname, port: u.port, path: rawPath }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(ROOT, 'tests/.output-dev-'));
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  server = await startDevServer({ root: ROOT, content: path.relative(ROOT, dir), port: 0, log: (l) => process.env.ENCRE_DEBUG && console.log(`[dev] ${Date.now() % 100000} ${l}`) });
  await server.ready;
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(ROOT, 'tests/.output'), { recursive: true });
  writeFileSync(path.join(ROOT, 'tests/.output/dev-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  console.log('encre dev timings (ms):', timings);
});

/** The programme as /state gives it. */
async function programmeState(): Promise<{ version: number; pages: number; pageVersions: number[]; texts: string[] }> {
  const state = (await (await fetch(new URL('/state', server.url))).json()) as { docs: { id: string; version: number; pages: number; pageVersions: number[]; texts: string[] }[] };
  return state.docs.find((d) => d.id === 'programme')!;
}

/** Page `n` of the programme's image at 40 dpi, as base64. */
async function image(n: number): Promise<string> {
  const res = await fetch(new URL(`/page/programme/${n}.png?dpi=40`, server.url));
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer()).toString('base64');
}

describe('encre dev', () => {
  it('listens on 127.0.0.1 only and serves every page of every document', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await page.waitForSelector('#doc-programme figure[data-page="32"] img', { timeout: 30_000 });
    for (const id of ['programme', 'affiche', 'flyer', 'dossier-de-presse']) expect(await page.locator(`#doc-${id} img`).count()).toBeGreaterThan(0);
    const img = page.locator('#doc-affiche img').first();
    await img.scrollIntoViewIfNeeded(); // pages are shown fitted to the window and load as they come into view
    await expect.poll(async () => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 20_000 }).toBe(true);
  });

  it('refuses paths outside its routes: ".." in any encoding (400), anything else (404)', async () => {
    for (const p of ['/../../package.json', '/page/../../package.json', '/%2e%2e/%2e%2e/package.json', '/page/.%2E/%2e./package.json', '/%E0%A4%A']) {
      expect(await rawGet(server.url, p), p).toBe(400);
    }
    for (const p of ['/page/programme/999.png', '/content/campaign.yaml', '/%252e%252e/package.json']) {
      expect(await rawGet(server.url, p), p).toBe(404);
    }
    // the malformed requests left the server serving (more of them: tests/dev-server.test.ts)
    expect(await rawGet(server.url, '/state')).toBe(200);
  });

  it('shows a saved change to the affiche, then to an event in the programme', async () => {
    const campaign = path.join(dir, 'campaign.yaml');
    writeFileSync(campaign, readFileSync(campaign, 'utf8').replace(/^tagline: .*$/m, 'tagline: Accroche changée à la volée'));
    let t0 = Date.now();
    await page.waitForSelector('#doc-affiche img[alt*="Accroche changée à la volée"]', { timeout: 30_000 });
    timings.affiche = Date.now() - t0;

    // measured from an idle server: one saved change, one wait
    await expect.poll(async () => (await page.evaluate(async () => (await (await fetch('/state')).json()).building)), { timeout: 30_000 }).toBe(false);
    const events = path.join(dir, 'events/34-herault.yaml');
    const text = readFileSync(events, 'utf8');
    const title = /title: (.+)/.exec(text)![1]!;
    const before = await programmeState();
    const images: string[] = [];
    for (let n = 1; n <= before.pages; n++) images.push(await image(n));
    writeFileSync(events, text.replace(`title: ${title}`, 'title: Titre modifié en direct'));
    if (process.env.ENCRE_DEBUG) console.log(`[test] ${Date.now() % 100000} wrote the event`);
    t0 = Date.now();
    await page.waitForSelector('#doc-programme img[alt*="Titre modifié en direct"]', { timeout: 30_000 });
    timings.programme = Date.now() - t0;

    // The page may show drawn ahead of the file (src/dev/ahead.ts): the server idle, the file has come.
    await expect.poll(async () => (await page.evaluate(async () => (await (await fetch('/state')).json()).building)), { timeout: 30_000 }).toBe(false);
    // Only the page that changed has the new build's version (the browser asks again for it
    // alone) and a new image; the cover keeps its version and its very image.
    await expect.poll(async () => (await programmeState()).version, { timeout: 30_000 }).toBeGreaterThan(before.version);
    const after = await programmeState();
    const at = after.texts.findIndex((t) => t.includes('Titre modifié en direct')) + 1;
    expect(at).toBeGreaterThan(1);
    expect(after.pageVersions[at - 1]).toBe(after.version);
    expect(after.pageVersions[0]).toBe(before.pageVersions[0]);
    expect(after.pageVersions.filter((v) => v === after.version).length).toBeLessThan(after.pages);
    expect(await image(at)).not.toBe(images[at - 1]);
    expect(await image(1)).toBe(images[0]);
    // The page on screen shows the new build's image, loaded.
    const img = page.locator(`#p-programme-${at} img`);
    await img.scrollIntoViewIfNeeded();
    await expect.poll(async () => img.evaluate((el: HTMLImageElement, v) => el.complete && el.naturalWidth > 0 && el.currentSrc.includes(`v=${v}&`), after.version), { timeout: 20_000 }).toBe(true);
  });

  it('shows a content error with its file:line in the page, keeps running, and recovers', async () => {
    const events = path.join(dir, 'events/11-aude.yaml');
    const good = readFileSync(events, 'utf8');
    writeFileSync(events, good.replace(/departement: "11"/, 'departement: "99"'));
    await page.waitForSelector('#error', { state: 'visible', timeout: 30_000 });
    expect(await page.locator('#error').innerText()).toMatch(/events\/11-aude\.yaml:\d+:\d+ events\[\d+\]\.departement: expected an INSEE département code/);
    expect(await rawGet(server.url, '/state')).toBe(200);
    writeFileSync(events, good);
    await page.waitForSelector('#error', { state: 'hidden', timeout: 30_000 });
  });

  it('serves the campaign\'s site beside the previews, rebuilt with the programme, with its CSP', async () => {
    await expect.poll(async () => (await page.evaluate(async () => (await (await fetch('/state')).json()).building)), { timeout: 30_000 }).toBe(false);
    const get = (p: string) => page.evaluate(async (u) => {
      const r = await fetch(u);
      return { status: r.status, type: r.headers.get('content-type'), csp: r.headers.get('content-security-policy'), text: await r.text() };
    }, p);
    const home = await get('/site/');
    expect(home.status).toBe(200);
    expect(home.type).toMatch(/^text\/html/);
    expect(home.csp).toMatch(/default-src 'none'/);
    expect(home.text).toContain('<h1>Mois de l’ESS');
    // The event edited above, as its page on the site now shows it.
    const event = await get('/site/e/herault-01/');
    expect(event.status).toBe(200);
    expect(event.text).toContain('<h1>Titre modifié en direct</h1>');
    expect((await get('/site/agenda.ics')).type).toMatch(/^text\/calendar/);
    expect((await get('/site/e/nope/')).status).toBe(404);
    expect(await rawGet(server.url, '/site/../package.json')).toBe(400);
  });
});
