import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { ROOT, EPOCH } from './helpers/sample.js';
import { openPdf } from './helpers/pdf.js';

/** Runs the encre command line as a user would (bin/encre.js), from the folder `cwd`. */
function encre(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/encre.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The boxes of the images placed on every page of a PDF, in pt: width and height. */
function imageBoxes(doc: mupdf.Document): { w: number; h: number }[] {
  const boxes: { w: number; h: number }[] = [];
  for (let i = 0; i < doc.countPages(); i++) {
    const json = JSON.parse(doc.loadPage(i).toStructuredText('preserve-images').asJSON()) as { blocks: { type: string; bbox: { w: number; h: number } }[] };
    boxes.push(...json.blocks.filter((b) => b.type === 'image').map((b) => b.bbox));
  }
  return boxes;
}

/** The width : height ratio of an SVG file, from its viewBox. */
function svgRatio(file: string): number {
  const [, , w, h] = /viewBox="([\d.\s-]+)"/.exec(readFileSync(file, 'utf8'))![1]!.trim().split(/\s+/).map(Number);
  return w! / h!;
}

describe('a campaign folder of its own (encre new)', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'encre-new-'));
  const campaign = path.join(tmp, 'mois-ess-2027');
  const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'encre-elsewhere-'));

  it('writes a campaign folder that builds at once from another folder, with its own logo', () => {
    const made = encre(tmp, 'new', 'mois-ess-2027');
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    for (const f of ['campaign.yaml', 'README.md', 'themes/campagne.yaml']) expect(existsSync(path.join(campaign, f)), f).toBe(true);
    const yaml = readFileSync(path.join(campaign, 'campaign.yaml'), 'utf8');
    const logo = /logo: (\S+)/.exec(yaml)![1]!;
    expect(existsSync(path.join(campaign, logo))).toBe(true);
    expect(readFileSync(path.join(campaign, 'themes/campagne.yaml'), 'utf8')).toMatch(/^extends: /m);
    // The campaign's own events, written into events/.
    const ids = [...readFileSync(path.join(campaign, 'events/evenements.yaml'), 'utf8').matchAll(/- id: (\S+)/g)].map((m) => m[1]);
    expect(ids.length).toBe(2);

    // Built from a folder that has no campaign, no logo and no theme of its own.
    const out = path.join(elsewhere, 'out');
    const built = encre(elsewhere, 'build', '--content', campaign, '--out', out);
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    const ratio = svgRatio(path.join(campaign, logo));
    for (const doc of ['programme', 'affiche', 'flyer', 'dossier-de-presse']) {
      expect(existsSync(path.join(out, `${doc}.pdf`)), doc).toBe(true);
      if (doc === 'flyer') continue; // the tract prints no partners
      // The campaign's logo, placed at its own proportions: an image in the screen file (the
      // print file draws an SVG logo as vectors, tests/print.test.ts).
      const images = imageBoxes(openPdf(new Uint8Array(readFileSync(path.join(out, 'screen', `${doc}.pdf`)))));
      expect(images.some((b) => Math.abs(b.w / b.h - ratio) < 0.1), `${doc}: ${JSON.stringify(images)}`).toBe(true);
    }
    // The programme lists the campaign's events.
    expect(built.out).toContain('2 events');
  });

  it('builds in the campaign folder itself without --content', () => {
    const built = encre(campaign, 'build', 'affiche');
    expect(built.code).toBe(0);
    expect(existsSync(path.join(campaign, 'out/affiche.pdf'))).toBe(true);
  });

  it('refuses a logo path leaving the campaign folder, at its line and column, with the value and a hint', () => {
    writeFileSync(path.join(tmp, 'outside.svg'), readFileSync(path.join(campaign, 'assets/logos/logo.svg')));
    const file = path.join(campaign, 'campaign.yaml');
    const text = readFileSync(file, 'utf8').replace(/logo: \S+/, 'logo: ../outside.svg');
    writeFileSync(file, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('logo: ../outside.svg'));
    const col = lines[line]!.indexOf('../outside.svg') + 1;
    const r = encre(elsewhere, 'build', 'affiche', '--content', campaign, '--out', path.join(elsewhere, 'refused'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`campaign.yaml:${line + 1}:${col} partners[0].logo: "../outside.svg": a path leading out of the campaign folder`);
    expect(r.err).toMatch(/Hint: copy the file into the campaign folder/);
    expect(existsSync(path.join(elsewhere, 'refused'))).toBe(false);
  });

  it('reads the theme\'s font files from the campaign\'s assets/fonts/ first', () => {
    const font = path.join(tmp, 'fonts');
    const c = path.join(font, 'c');
    expect(encre(tmp, 'new', c).code).toBe(0);
    // The campaign's own typeface (Liberation Sans under another name: no such file in encre).
    mkdirSync(path.join(c, 'assets/fonts'), { recursive: true });
    for (const [from, to] of [['Regular', 'Maison-Regular.ttf'], ['Italic', 'Maison-Italic.ttf'], ['Bold', 'Maison-Bold.ttf']]) copyFileSync(path.join(ROOT, `assets/fonts/LiberationSans-${from}.ttf`), path.join(c, 'assets/fonts', to!));
    const faces = (family: string, list: [string, number, string][]) => `    ${family}:\n${list.map(([f, w, s]) => `      - { file: ${f}, fontWeight: ${w}, fontStyle: ${s} }`).join('\n')}\n`;
    appendFileSync(path.join(c, 'themes/campagne.yaml'), `\nfonts:\n  family: Maison\n  display: Maison Display\n  faces:\n${faces('Maison', [['Maison-Regular.ttf', 400, 'normal'], ['Maison-Italic.ttf', 400, 'italic'], ['Maison-Bold.ttf', 600, 'normal'], ['Maison-Bold.ttf', 700, 'normal']])}${faces('Maison Display', [['Maison-Bold.ttf', 700, 'normal'], ['Maison-Bold.ttf', 900, 'normal']])}`);
    const r = encre(elsewhere, 'build', 'affiche', '--content', c, '--out', path.join(font, 'out'), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { files: { fonts: { name: string; embedded: boolean }[] }[] };
    const names = report.files.flatMap((f) => f.fonts.map((x) => x.name));
    expect(names.some((n) => n.includes('LiberationSans'))).toBe(true);
    expect(names.filter((n) => n.includes('Inter'))).toEqual([]);
  });

  it('refuses to write into a folder that is not empty', () => {
    const r = encre(tmp, 'new', 'mois-ess-2027');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^encre: encre new: the folder "mois-ess-2027" is not empty/);
  });
});
