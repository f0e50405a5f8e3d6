/**
 * Debian's Chromium for playwright-core (.ci/run installs the chromium package;
 * CHROMIUM_PATH overrides), as the tests that drive a page and bench/dev.ts launch it.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** The Chromium executable: CHROMIUM_PATH, else Debian's. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Starts headless Chromium: no sandbox (containers), no GPU, and nothing fetched by the browser
 * on its own (no QUIC, background networking, component updates or sync). playwright-core is
 * loaded here, on first call, not by the modules that only need CHROMIUM.
 * @throws Error when there is no executable at CHROMIUM
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
