import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { campaignTitle, inTerminal, startDevServer, touchedDocuments } from '../src/dev/server.js';
import { ROOT } from './helpers/sample.js';

/*
 * `encre dev` rebuilds when the content folder is outside the current folder (issue 15,
 * point 3), however its path is written; without a browser (tests/dev.test.ts has one).
 */

const ALL_EVENTS = { ids: ['programme', 'affiche', 'flyer', 'dossier-de-presse'], restart: false };
const CAMPAIGN = { ids: ['affiche', 'flyer', 'programme', 'dossier-de-presse'], restart: false };
const NOTHING = { ids: [], restart: false };

describe('the dev server’s watch', () => {
  it('finds the documents a content file touches, the content folder written any way, inside or outside the project', () => {
    const root = '/home/me/project';
    for (const content of ['../x', '../x/', './../x', '/home/me/x', '/home/me/x/', '../y/../x']) {
      expect(touchedDocuments('/home/me/x/campaign.yaml', root, content), content).toEqual(CAMPAIGN);
      expect(touchedDocuments('/home/me/x/events/34.yaml', root, content), content).toEqual(ALL_EVENTS);
      expect(touchedDocuments('/home/me/xy/campaign.yaml', root, content), content).toEqual(NOTHING);
      expect(touchedDocuments('/home/me/project/notes.txt', root, content), content).toEqual(NOTHING);
    }
    for (const content of ['content', './content/', '/home/me/project/content']) {
      expect(touchedDocuments('/home/me/project/content/campaign.yaml', root, content), content).toEqual(CAMPAIGN);
    }
    expect(touchedDocuments('/home/me/project/layouts/affiche/Affiche.tsx', root, '../x')).toEqual({ ids: ['affiche'], restart: true });
    // A theme is data: every document again, in the warm build process (a layout is code: a new process).
    expect(touchedDocuments('/home/me/project/themes/occitanie.yaml', root, 'content')).toEqual({ ids: ['programme', 'affiche', 'flyer', 'dossier-de-presse'], restart: false });
    // A campaign's own font restarts the build process (react-pdf's font store and the faces
    // opened are per process); its logo rebuilds the documents that show partners.
    for (const content of ['content', '../x']) {
      const folder = path.resolve(root, content);
      expect(touchedDocuments(path.join(folder, 'assets/fonts/Own-Bold.otf'), root, content), content).toEqual({ ids: ['programme', 'affiche', 'flyer', 'dossier-de-presse'], restart: true });
      expect(touchedDocuments(path.join(folder, 'assets/logo.png'), root, content), content).toEqual({ ids: ['affiche', 'programme', 'dossier-de-presse'], restart: false });
    }
    // Another campaign's assets feed nothing.
    expect(touchedDocuments('/home/me/project/examples/other/assets/logo.png', root, 'content')).toEqual(NOTHING);
  });

  it('shows an error in the terminal with its located problems, a long one cut with how many lines the browser has', () => {
    const theme = '1 problem in the theme:\nthemes/own.yaml:3:40 colours.brand.rgb: expected a colour "#rrggbb", received "#zz"\n  Hint: e.g. rgb: "#e8542a"';
    expect(inTerminal(theme)).toBe(theme);
    const many = ['40 problems in the content:', ...Array.from({ length: 40 }, (_, i) => `events/34.yaml:${i + 1}:3 title: expected text`)].join('\n');
    const shown = inTerminal(many).split('\n');
    expect(shown.slice(0, 12)).toEqual(many.split('\n').slice(0, 12));
    expect(shown.at(-1)).toBe('… 29 more lines in the browser');
  });

  it('titles the preview with the campaign, not its folder', () => {
    expect(campaignTitle(path.join(ROOT, 'content'))).toBe('Mois de l’ESS · Languedoc-Roussillon');
    expect(campaignTitle(path.join(ROOT, 'tests/fixtures'))).toBe('fixtures');
  });

  it('rebuilds after an edit to a campaign outside the folder it was started from', async () => {
    const top = mkdtempSync(path.join(os.tmpdir(), 'encre-dev-watch-'));
    const project = path.join(top, 'project');
    const content = path.join(top, 'x');
    mkdirSync(project);
    cpSync(path.join(ROOT, 'tests/fixtures/tiny'), content, { recursive: true });
    const lines: string[] = [];
    const server = await startDevServer({ root: project, content: '../x', port: 0, log: (l) => lines.push(l), warn: () => {} });
    try {
      await server.ready;
      expect(lines.filter((l) => l.startsWith('error'))).toEqual([]);
      const before = lines.length;
      const campaign = path.join(content, 'campaign.yaml');
      writeFileSync(campaign, readFileSync(campaign, 'utf8').replace('region: Test', 'region: Ailleurs'));
      const deadline = Date.now() + 120_000;
      while (!lines.slice(before).some((l) => l.startsWith('affiche: rebuilt')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(lines.slice(before)).toContain('changed ../x/campaign.yaml → affiche, flyer, programme, dossier-de-presse');
      expect(lines.slice(before).some((l) => l.startsWith('affiche: rebuilt'))).toBe(true);
    } finally {
      await server.close();
      rmSync(top, { recursive: true, force: true });
    }
  });

  it('lays out in the background a programme it took from the build cache, so that the first edit finds it warm', async () => {
    const top = mkdtempSync(path.join(os.tmpdir(), 'encre-dev-warm-'));
    const content = path.join(top, 'content');
    cpSync(path.join(ROOT, 'tests/fixtures/tiny'), content, { recursive: true });
    const saved = { ENCRE_CACHE: process.env.ENCRE_CACHE, ENCRE_CACHE_DIR: process.env.ENCRE_CACHE_DIR };
    process.env.ENCRE_CACHE = '1';
    process.env.ENCRE_CACHE_DIR = path.join(top, 'cache');
    const start = async () => {
      const lines: string[] = [];
      const server = await startDevServer({ root: top, content: 'content', port: 0, log: (l) => lines.push(l), warn: () => {} });
      await server.ready;
      return { server, lines };
    };
    try {
      // The first start lays the programme out: nothing to do in the background.
      const first = await start();
      await first.server.close();
      expect(first.lines.filter((l) => l.includes('in the background'))).toEqual([]);
      // The second takes it from the build cache, then lays it out.
      const second = await start();
      try {
        const deadline = Date.now() + 120_000;
        while (!second.lines.some((l) => l.startsWith('programme: laid out in the background')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        expect(second.lines.filter((l) => l.startsWith('programme: laid out in the background'))).toHaveLength(1);
      } finally {
        await second.server.close();
      }
    } finally {
      process.env.ENCRE_CACHE = saved.ENCRE_CACHE;
      if (saved.ENCRE_CACHE_DIR === undefined) delete process.env.ENCRE_CACHE_DIR;
      else process.env.ENCRE_CACHE_DIR = saved.ENCRE_CACHE_DIR;
      rmSync(top, { recursive: true, force: true });
    }
  });
});
