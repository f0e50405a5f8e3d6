import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { startDevServer, type DevServer } from '../src/dev/server.js';
import { ROOT } from './helpers/sample.js';
import { launchChromium } from './helpers/chromium.js';

/**
 * The preview as a proofing tool, in Debian's Chromium (playwright-core): facing pages, the K
 * plate alone, a problem's box outlined. The campaign is encre new's (two events, an 8-page
 * programme) with a theme whose safe area is wider than the margins, so that the layout has
 * problems to list (a proof lists them instead of failing).
 */
/** A CMYK colour of 310 % total ink. */
const OVER_LIMIT = [70, 100, 100, 40];
let tmp = '';
let server: DevServer;
let browser: Browser;
let page: Page;

/** The pixels of an element as the browser shows it: RGBA, from a screenshot. */
async function pixelsOf(selector: string): Promise<{ data: Buffer; channels: number }> {
  const png = await page.locator(selector).screenshot();
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, channels: info.channels };
}

/** Waits until every image in `selector` is loaded from a URL matching `src`. */
async function imagesLoaded(selector: string, src: RegExp): Promise<void> {
  await expect
    .poll(async () => page.locator(selector).evaluateAll((imgs, s) => imgs.length > 0 && imgs.every((i) => new RegExp(s).test(i.getAttribute('src') ?? '') && (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0), src.source), { timeout: 60_000 })
    .toBe(true);
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'encre-proof-'));
  const campaign = path.join(tmp, 'campagne');
  const made = spawnSync(process.execPath, [path.join(ROOT, 'bin/encre.js'), 'new', campaign], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
  // A safe area of 20 mm: the covers' text, set 10–15 mm from the trim, leaves it. And a
  // brand colour of 310 % total ink (the cover's ground), over the offset profile's 300 %.
  const themeFile = path.join(campaign, 'themes/campagne.yaml');
  writeFileSync(themeFile, `${readFileSync(themeFile, 'utf8').replace(/^  brand: .*$/m, `  brand: { cmyk: [${OVER_LIMIT.join(', ')}] }`)}\nsafeArea: 20\n`);
  server = await startDevServer({ root: tmp, content: 'campagne', port: 0 });
  await server.ready;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(server.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('encre dev as a proofing tool', () => {
  it('shows the programme as the booklet reads: pages 2 and 3 facing, side by side at the spine', async () => {
    await page.waitForSelector('#doc-programme figure[data-page="3"] img', { timeout: 60_000 });
    const spread = page.locator('#doc-programme .spread').nth(1);
    expect(await spread.locator('figure.page').evaluateAll((f) => f.map((x) => (x as HTMLElement).dataset.page))).toEqual(['2', '3']);
    const [left, right] = await Promise.all([spread.locator('.sheet').nth(0).boundingBox(), spread.locator('.sheet').nth(1).boundingBox()]);
    expect(Math.abs(left!.x + left!.width - right!.x)).toBeLessThan(1); // touching at the spine
    expect(Math.abs(left!.y - right!.y)).toBeLessThan(1);
    expect(Math.abs(left!.height - right!.height)).toBeLessThan(1);
    // The cover is alone, a right-hand page.
    expect(await page.locator('#doc-programme .spread').nth(0).locator('figure.page').count()).toBe(1);
    // Real size: an A5 page is 148 mm wide at 96 CSS px per inch.
    await page.click('[data-zoom="real"]');
    const real = await page.locator('#doc-programme figure[data-page="2"] .sheet').boundingBox();
    expect(Math.abs(real!.width - (148 / 25.4) * 96)).toBeLessThan(2);
    await page.click('[data-zoom="fit"]');
    const fitted = await page.locator('#doc-programme figure[data-page="2"] .sheet').boundingBox();
    expect(fitted!.height).toBeLessThanOrEqual(900);
  });

  it('switches to the K plate alone: the page\'s pixels are grey, where all inks had colour', async () => {
    const img = '#doc-programme figure[data-page="1"] img';
    await page.locator(img).scrollIntoViewIfNeeded();
    await imagesLoaded(img, /^\/page\/programme\/1\.png\?v=\d+&dpi=\d+$/);
    const colour = await pixelsOf(img);
    const coloured = (p: { data: Buffer; channels: number }) => {
      let n = 0;
      for (let i = 0; i < p.data.length; i += p.channels) if (Math.max(p.data[i]!, p.data[i + 1]!, p.data[i + 2]!) - Math.min(p.data[i]!, p.data[i + 1]!, p.data[i + 2]!) > 8) n++;
      return n;
    };
    expect(coloured(colour)).toBeGreaterThan(1000); // the campaign's blue cover
    await page.click('[data-plate="k"]');
    await imagesLoaded(img, /&plate=k$/);
    const k = await pixelsOf(img);
    expect(coloured(k)).toBe(0);
    // The cover's ground, the most common pixel, is the brand colour's K exactly (the file's own CMYK, not converted).
    const counts = new Map<number, number>();
    for (let i = 0; i < k.data.length; i += k.channels) counts.set(k.data[i]!, (counts.get(k.data[i]!) ?? 0) + 1);
    const ground = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    expect(Math.abs(ground - 255 * (1 - OVER_LIMIT[3]! / 100))).toBeLessThanOrEqual(3);
    mkdirSync(path.join(ROOT, 'tests/.output'), { recursive: true });
    writeFileSync(path.join(ROOT, 'tests/.output/dev-proof-k.png'), await page.screenshot());

    // The total ink: the cover's ground, over the printer's limit, in red; the print file's preflight listed.
    await page.click('[data-plate="ink"]');
    await imagesLoaded(img, /&plate=ink$/);
    const ink = await pixelsOf(img);
    let red = 0;
    for (let i = 0; i < ink.data.length; i += ink.channels) if (ink.data[i]! > 200 && ink.data[i + 1]! < 40 && ink.data[i + 2]! < 40) red++;
    expect(red).toBeGreaterThan(1000);
    writeFileSync(path.join(ROOT, 'tests/.output/dev-proof-ink.png'), await page.screenshot());
    const total = OVER_LIMIT.reduce((a, b) => a + b, 0);
    await expect.poll(() => page.locator('#problems li.error').allInnerTexts(), { timeout: 20_000 }).toContainEqual(expect.stringContaining(`print file: total ink reaches ${total} %`));
    await page.click('[data-plate=""]');
  });

  it('lists the layout\'s problems beside the pages; one leads to its page with its box outlined', async () => {
    await page.waitForSelector('#problems a', { timeout: 30_000 });
    const first = page.locator('#problems a').first();
    const text = await first.innerText();
    const [, doc, n] = /^(\S+) p\. (\d+) — /.exec(text)!;
    expect(text).toContain('leaves the safe area');
    await first.click();
    const outline = page.locator(`#doc-${doc} figure[data-page="${n}"] .outline.active`);
    await expect.poll(() => outline.isVisible(), { timeout: 10_000 }).toBe(true);
    const box = (await outline.boundingBox())!;
    const sheet = (await page.locator(`#doc-${doc} figure[data-page="${n}"] .sheet`).boundingBox())!;
    // The box lies on its page and the page is in the window.
    expect(box.width).toBeGreaterThan(2);
    expect(box.x).toBeGreaterThanOrEqual(sheet.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(sheet.x + sheet.width + 1);
    expect(box.y).toBeGreaterThanOrEqual(sheet.y - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(sheet.y + sheet.height + 1);
    expect(sheet.y + sheet.height).toBeGreaterThan(0);
    expect(sheet.y).toBeLessThan(900);
    // Only the chosen problem is outlined.
    expect(await page.locator('.outline.active').count()).toBe(1);
    await page.check('#marks');
    await expect.poll(() => page.locator(`#doc-${doc} figure[data-page="${n}"] .marks .safe`).isVisible()).toBe(true);
    writeFileSync(path.join(ROOT, 'tests/.output/dev-proof.png'), await page.screenshot());
  });
});
