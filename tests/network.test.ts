import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { build } from '../src/build.js';
import { ContentError, formatProblem } from '../src/model/errors.js';
import { downloadImage } from '../src/assets/logos.js';
import { readTheme, themeNames } from '../src/load/theme.js';
import { ROOT, EPOCH } from './helpers/sample.js';

/**
 * Remote logos: refused by default (builds are offline), downloaded with --allow-network
 * (allowNetwork in build()) from a local HTTP server on 127.0.0.1 (an ephemeral port), then
 * placed exactly like a local file.
 */
let server: http.Server;
let base = '';
/** Paths requested from the server, in order. */
const requests: string[] = [];
let png: Buffer;
/** 60 megapixels of one colour: a few kilobytes of PNG, a decompression bomb for a logo. */
let bomb: Buffer;
let dir = '';
let rel = '';

beforeAll(async () => {
  const blue = await sharp({ create: { width: 250, height: 250, channels: 3, background: '#1060c0' } }).png().toBuffer();
  png = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#ffffff' } }).composite([{ input: blue, left: 25, top: 25 }]).png().toBuffer();
  bomb = await sharp({ create: { width: 10_000, height: 6_000, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/logo.png') return void res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length }).end(png);
    if (req.url === '/announced-big.png') return void res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(50 * 1024 * 1024) }).end();
    if (req.url === '/endless.png') {
      // no Content-Length: chunks until the client gives up
      res.writeHead(200, { 'Content-Type': 'image/png' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      return pump();
    }
    if (req.url === '/bomb.png') return void res.writeHead(200, { 'Content-Type': 'image/png' }).end(bomb);
    if (req.url === '/silent.png') return; // never answers
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(ROOT, 'tests/.output-network-'));
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  rel = path.relative(ROOT, dir);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Makes the copy's only partner logo `url`; returns the line:col of the logo value in campaign.yaml. */
function partnerLogo(url: string): string {
  const file = path.join(dir, 'campaign.yaml');
  const text = readFileSync(path.join(ROOT, 'content/campaign.yaml'), 'utf8').replace(/^partners:\n(  .*\n)+/m, `partners:\n  - name: Partenaire distant\n    logo: ${url}\n`);
  writeFileSync(file, text);
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(`logo: ${url}`));
  return `${i + 1}:${lines[i]!.indexOf(url) + 1}`;
}

/** Runs the CLI without blocking this process: the HTTP server above must keep answering. */
function encre(...args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [path.join(ROOT, 'bin/encre.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    c.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('remote logos', () => {
  it('are refused without --allow-network: builds are offline, nothing is downloaded (CLI, exit 1)', async () => {
    const at = partnerLogo(`${base}/logo.png`);
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-offline-'));
    const before = requests.length;
    const r = await encre('build', 'affiche', '--content', rel, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${rel}/campaign.yaml:${at} partners[0].logo: "${base}/logo.png": a remote file, refused: builds are offline (no network access)`);
    expect(r.stderr).toContain('Hint: pass --allow-network to download it');
    expect(requests.length, 'no request reached the server').toBe(before);
  });

  it('are downloaded with allowNetwork and placed like a local file: a CMYK image in the print file', async () => {
    partnerLogo(`${base}/logo.png`);
    const before = requests.length;
    const [affiche] = await build({ root: ROOT, content: rel, out: 'unused', documents: ['affiche'], outputs: ['print'], write: false, allowNetwork: true, sourceDateEpoch: EPOCH });
    expect(requests.slice(before)).toEqual(['/logo.png']);
    const doc = await PDFDocument.load(affiche!.pdf!, { updateMetadata: false });
    const images: PDFRawStream[] = [];
    doc.context.enumerateIndirectObjects().forEach(([, o]) => {
      if (o instanceof PDFRawStream && o.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() === 'Image') images.push(o);
    });
    // the logo, 600 × 300 px, reduced to its placed height: still twice as wide as high
    const logo = images.find((img) => {
      const w = img.dict.lookup(PDFName.of('Width'), PDFNumber).asNumber();
      const h = img.dict.lookup(PDFName.of('Height'), PDFNumber).asNumber();
      return Math.abs(w / h - 2) < 0.02;
    });
    expect(logo, 'the downloaded logo is placed').toBeDefined();
    expect(logo!.dict.get(PDFName.of('ColorSpace'))?.toString()).toBe('/DeviceCMYK');
    const { data, info } = await sharp(Buffer.from(logo!.contents)).toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! + data[i + 3]! > 200) inked++;
    const share = inked / (info.width * info.height);
    expect(share, 'some blue on white: not blank, not a negative').toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.7);
  });

  it('names the file:line, the URL and the HTTP status when the download fails (404), through build() and the CLI', async () => {
    const at = partnerLogo(`${base}/absent.png`);
    const error = await build({ root: ROOT, content: rel, out: 'unused', documents: ['affiche'], write: false, allowNetwork: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map(formatProblem)).toEqual([
      `${rel}/campaign.yaml:${at} partners[0].logo: "${base}/absent.png": cannot download it: the server answered HTTP 404 Not Found\n  Hint: check the address in a browser, or save the file in the campaign folder (e.g. assets/logos/) and give its path from there`,
    ]);
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-404-'));
    const r = await encre('build', 'affiche', '--content', rel, '--out', out, '--allow-network');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${rel}/campaign.yaml:${at} partners[0].logo: "${base}/absent.png": cannot download it: the server answered HTTP 404 Not Found`);
  });

  it('refuses a downloaded decompression bomb like a local one (pixel limit)', async () => {
    const at = partnerLogo(`${base}/bomb.png`);
    const error = await build({ root: ROOT, content: rel, out: 'unused', documents: ['affiche'], write: false, allowNetwork: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map(formatProblem)[0]).toBe(
      `${rel}/campaign.yaml:${at} partners[0].logo: "${base}/bomb.png": 10000 × 6000 pixels, more than the 50 megapixels accepted\n  Hint: resize it: a logo needs about 1,000 pixels across`,
    );
  });

  it('limits the download: time, size (announced or counted), scheme; a refused connection is named', async () => {
    expect(await downloadImage(`${base}/silent.png`, { timeoutMs: 300 })).toMatchObject({ reason: 'cannot download it: no complete answer within 0.3 s' });
    expect(await downloadImage(`${base}/announced-big.png`)).toMatchObject({ reason: 'the server announces 50.0 MB, more than the 20.0 MB a remote logo may be' });
    expect(await downloadImage(`${base}/endless.png`, { maxBytes: 1024 * 1024 })).toMatchObject({ reason: 'the download goes on past that size, more than the 1.0 MB a remote logo may be' });
    expect(await downloadImage('file:///etc/passwd')).toMatchObject({ reason: 'a file: URL: only http:// and https:// URLs can be downloaded' });
    expect(await downloadImage('ftp://127.0.0.1/logo.png')).toMatchObject({ reason: 'a ftp: URL: only http:// and https:// URLs can be downloaded' });
    // a port nobody listens on: the one of a server just closed
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await downloadImage(`http://127.0.0.1:${port}/logo.png`)).toMatchObject({ reason: 'cannot download it: connection refused' });
    const ok = await downloadImage(`${base}/logo.png`);
    expect('bytes' in ok && Buffer.from(ok.bytes).equals(png)).toBe(true);
  });

  it('fonts cannot be remote: every theme names font files under assets/fonts/, read from disk', async () => {
    // Fonts come only from the themes (YAML in themes/, chosen by name or path, never from
    // the content); each face is a file name resolved under assets/fonts/ (the theme schema
    // refuses anything else) and opened with fontkit from disk, so a URL there could only be
    // a missing file, never a download.
    for (const name of themeNames(ROOT)) {
      const { theme } = await readTheme(ROOT, name);
      for (const face of Object.values(theme.fonts.faces).flat()) {
        expect(face.file, `${name}: ${face.file}`).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*\.(otf|ttf|woff2?)$/);
      }
    }
  });
});
