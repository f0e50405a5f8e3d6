import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/build.js';
import { ContentError, formatProblem } from '../src/model/errors.js';
import { ROOT } from './helpers/sample.js';

describe('bad content', () => {
  it('reports every problem in one run — each file\'s own and those across files — with file:line:col, received, expected, a hint; writes nothing', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-bad-'));
    const error = await build({ root: ROOT, content: 'tests/fixtures/bad-content', out, documents: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const lines = (error as ContentError).problems.map(formatProblem);
    expect(lines).toEqual([
      'tests/fixtures/bad-content/campaign.yaml:6:27 partners[0].logo: file not found: "assets/logos/absent.svg" (looked for tests/fixtures/bad-content/assets/logos/absent.svg)\n  Hint: logo paths are relative to the campaign folder (the one holding campaign.yaml), e.g. "assets/logos/partner.svg"',
      'tests/fixtures/bad-content/campaign.yaml:7:20 highlights[1]: no event has the id "nope"\n  Hint: highlights list event ids from content/events/*.yaml',
      'tests/fixtures/bad-content/events/34.yaml:5:18 events[0].departement: expected text, received the number 34\n  Hint: put it in quotes: "34"',
      'tests/fixtures/bad-content/events/34.yaml:6:12 events[0].start: expected a date "YYYY-MM-DD" or a date and time "YYYY-MM-DD HH:MM", received "2016-11-15 7pm"',
      'tests/fixtures/bad-content/events/34.yaml:7:10 events[0].url: expected an absolute http(s) URL, e.g. "https://example.org/page", received "www.example.org/forum"\n  Hint: did you mean "https://www.example.org/forum"?',
      'tests/fixtures/bad-content/events/34.yaml:8:9 events[1].id: duplicate id "t-01", first used at tests/fixtures/bad-content/events/34.yaml:2\n  Hint: every event needs its own id: it is part of its URL',
      'tests/fixtures/bad-content/events/34.yaml:11:18 events[1].departement: expected an INSEE département code such as "34", "2A" or "971", received "99"',
      'tests/fixtures/bad-content/events/34.yaml:14:5 events[1].venu: unknown field "venu"\n  Hint: did you mean "venue"?',
      'tests/fixtures/bad-content/events/34.yaml:19:12 events[2].start: "2016-12-02 10:00" is outside the campaign period 2016-11-01 … 2016-11-30\n  Hint: check the month and year',
    ]);
    expect(existsSync(path.join(out, 'programme.pdf'))).toBe(false);
  });

  it('checks across events once each file is valid: duplicate ids, end before start, period, highlights', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-bad-'));
    const content = 'tests/fixtures/bad-cross';
    const error = await build({ root: ROOT, content, out, documents: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map(formatProblem)).toEqual([
      'tests/fixtures/bad-cross/campaign.yaml:6:20 highlights[1]: no event has the id "nope"\n  Hint: highlights list event ids from content/events/*.yaml',
      'tests/fixtures/bad-cross/events/34.yaml:8:9 events[1].id: duplicate id "t-01", first used at tests/fixtures/bad-cross/events/34.yaml:2\n  Hint: every event needs its own id: it is part of its URL',
      'tests/fixtures/bad-cross/events/34.yaml:13:10 events[1].end: the end "2016-11-15 12:00" is before the start "2016-11-15 14:30"\n  Hint: check the day and use 24-hour time',
      'tests/fixtures/bad-cross/events/34.yaml:18:12 events[2].start: "2016-12-02 10:00" is outside the campaign period 2016-11-01 … 2016-11-30\n  Hint: check the month and year',
    ]);
  });

  it('refuses an id longer than 200 characters when the content is loaded, not when the site is written', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-long-id-'));
    try {
      cpSync(path.join(ROOT, 'tests/fixtures/tiny'), dir, { recursive: true });
      const events = path.join(dir, 'events', readdirSync(path.join(dir, 'events'))[0]!);
      const text = readFileSync(events, 'utf8');
      const id = /id: ([a-z0-9-]+)/.exec(text)![1]!;
      writeFileSync(events, text.replace(`id: ${id}`, `id: ${'a'.repeat(201)}`));
      const error = await build({ root: ROOT, content: path.relative(ROOT, dir), out: path.join(dir, 'out'), documents: [] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).problems.map(formatProblem).join('\n')).toMatch(/events\/[^:]+\.yaml:\d+:\d+ events\[0\]\.id: expected at most 200 characters: the id names the event's files on the site/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a YAML syntax error with its line', async () => {
    const error = await build({ root: ROOT, content: 'tests/fixtures/bad-syntax', out: os.tmpdir(), documents: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const [first] = (error as ContentError).problems;
    expect(first?.file).toBe('tests/fixtures/bad-syntax/events/34.yaml');
    expect(formatProblem(first!)).toMatch(/^tests\/fixtures\/bad-syntax\/events\/34.yaml:5:\d+ /);
  });
});

describe('the campaign\'s cover lines', () => {
  it('refuses a name of spaces or invisible characters, and a name or tagline too long for the covers, located', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-cover-lines-'));
    try {
      cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
      const campaign = path.join(dir, 'campaign.yaml');
      const original = readFileSync(campaign, 'utf8');
      for (const [field, value, expected] of [
        ['name', '"   "', /campaign\.yaml:5:7 name: expected some text, received an empty value/],
        ['name', '"\u200B"', /campaign\.yaml:5:7 name: expected some text/],
        ['name', `"${'Mois de l’économie sociale et solidaire '.repeat(2)}"`, /campaign\.yaml:5:7 name: expected at most 60 characters: a longer text does not fit the covers/],
        ['tagline', `"${'Entreprendre autrement, près de chez vous. '.repeat(4)}"`, /campaign\.yaml:\d+:10 tagline: expected at most 160 characters/],
      ] as const) {
        writeFileSync(campaign, original.replace(new RegExp(`^${field}: .*$`, 'm'), `${field}: ${value}`));
        const out = mkdtempSync(path.join(os.tmpdir(), 'encre-cover-lines-'));
        const error = await build({ root: ROOT, content: path.relative(ROOT, dir), out, documents: ['flyer'] }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ContentError);
        expect((error as ContentError).problems.map(formatProblem).join('\n')).toMatch(expected);
        expect(readdirSync(out)).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('characters the fonts cannot print', () => {
  it('refuses them under unprintable: refuse, naming each character, the event or campaign field and its file:line', async () => {
    const error = await build({ root: ROOT, content: 'tests/fixtures/bad-glyphs', out: os.tmpdir(), documents: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map(formatProblem)).toEqual([
      'tests/fixtures/bad-glyphs/events/34.yaml:2:1 event t-01 title: the fonts cannot print "中" (U+4E2D), "文" (U+6587): missing from Inter-Regular.otf, Inter-Italic.otf, Inter-SemiBold.otf, Inter-Bold.otf, InterDisplay-Bold.otf, InterDisplay-Black.otf and from the fallbacks (Noto Emoji, Liberation Sans)\n  Hint: replace the character, or add a font that has it to themes/languedoc-roussillon.yaml (fonts.faces); with unprintable: drop in campaign.yaml (the default) it is left out with a warning',
      'tests/fixtures/bad-glyphs/campaign.yaml:5:20 organiser.name: the fonts cannot print "中" (U+4E2D): missing from Inter-Regular.otf, Inter-Italic.otf, Inter-SemiBold.otf, Inter-Bold.otf, InterDisplay-Bold.otf, InterDisplay-Black.otf and from the fallbacks (Noto Emoji, Liberation Sans)\n  Hint: replace the character, or add a font that has it to themes/languedoc-roussillon.yaml (fonts.faces); with unprintable: drop in campaign.yaml (the default) it is left out with a warning',
    ]);
  });
});

describe('YAML 1.1', () => {
  it('refuses a %YAML 1.1 directive: the file would not mean what its author thinks', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-yaml11-'));
    try {
      mkdirSync(path.join(dir, 'events'), { recursive: true });
      writeFileSync(path.join(dir, 'campaign.yaml'), readFileSync(path.join(ROOT, 'tests/fixtures/tiny/campaign.yaml')));
      writeFileSync(path.join(dir, 'events/a.yaml'), '%YAML 1.1\n---\nevents: []\n');
      const error = await build({ root: ROOT, content: path.relative(ROOT, dir), out: os.tmpdir(), documents: [] }).catch((e: unknown) => e);
      expect((error as ContentError).problems.map(formatProblem)).toEqual([
        `${path.relative(ROOT, dir)}/events/a.yaml:1:1 a "%YAML 1.1" directive: encre reads YAML 1.2 (yes/no stay words, 09 is not octal, 2016-11-15 stays text)\n  Hint: remove the directive line`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('files as they come', () => {
  const write = (dir: string, name: string, bytes: Buffer | string) => {
    mkdirSync(path.join(dir, 'events'), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  };
  const campaign = readFileSync(path.join(ROOT, 'tests/fixtures/tiny/campaign.yaml'));
  const event = (title: string) => `events:\n  - id: t-01\n    title: ${title}\n    commune: Sète\n    departement: "34"\n`;

  it('refuses a Latin-1 file, naming the line of the first byte that is not UTF-8', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-latin1-'));
    try {
      write(dir, 'campaign.yaml', campaign);
      write(dir, 'events/34.yaml', Buffer.from(event('Fête du marché'), 'latin1'));
      const error = await build({ root: ROOT, content: path.relative(ROOT, dir), out: os.tmpdir(), documents: [] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      const [p] = (error as ContentError).problems;
      expect(formatProblem(p!)).toMatch(/events\/34\.yaml:3:\d+ the file is not UTF-8/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads CR-only and CRLF line endings, a byte-order mark, and line breaks inside a text', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-eol-'));
    try {
      write(dir, 'campaign.yaml', '\uFEFF' + campaign.toString().replace(/\n/g, '\r'));
      write(dir, 'events/34.yaml', event('Forum').replace(/\n/g, '\r\n') + '    url: https://mois-ess.example/evenements/t-01\r\n    description: "Une ligne,\\nune autre ligne."\r\n');
      const out = mkdtempSync(path.join(os.tmpdir(), 'encre-eol-'));
      const built = await build({ root: ROOT, content: path.relative(ROOT, dir), out, documents: ['programme'], sourceDateEpoch: '0' });
      expect(built[0]?.pages).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hints the code as written when a département is an unquoted number', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-dep-'));
    try {
      write(dir, 'campaign.yaml', campaign);
      write(dir, 'events/09.yaml', event('Forum').replace('departement: "34"', 'departement: 09'));
      const error = await build({ root: ROOT, content: path.relative(ROOT, dir), out: os.tmpdir(), documents: [] }).catch((e: unknown) => e);
      expect((error as ContentError).problems.map(formatProblem)).toEqual([
        `${path.relative(ROOT, dir)}/events/09.yaml:5:18 events[0].departement: expected text, received the number 09\n  Hint: put it in quotes: "09"`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('text that does not fit', () => {
  it('breaks a word wider than its column inside its frame instead of failing the build (issue 7; the guard: tests/breaking.test.ts)', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-overflow-'));
    await build({ root: ROOT, content: 'tests/fixtures/overflow', out, documents: ['programme'] });
    expect(existsSync(path.join(out, 'programme.pdf'))).toBe(true);
  });
});

describe('one of each content error', () => {
  it('lists them all in one report with line and column, exits 1 and writes nothing (CLI)', async () => {
    const { spawnSync } = await import('node:child_process');
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-all-errors-'));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/encre.js'), 'build', '--content', 'tests/fixtures/all-errors', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const f = 'tests/fixtures/all-errors';
    expect(r.stderr.split('\n').filter((l) => /^tests\//.test(l))).toEqual([
      `${f}/campaign.yaml:6:27 partners[0].logo: file not found: "assets/logos/absent.svg" (looked for ${f}/assets/logos/absent.svg)`,
      `${f}/events/a.yaml:7:10 events[0].url: expected an absolute http(s) URL, e.g. "https://example.org/page", received "www.example.org/forum"`,
      `${f}/events/a.yaml:8:5 events[0].lieu: unknown field "lieu"`,
      `${f}/events/a.yaml:9:9 events[1].id: duplicate id "t-01", first used at ${f}/events/a.yaml:2`,
      `${f}/events/a.yaml:12:18 events[1].departement: expected text, received the number 09`,
      `${f}/events/a.yaml:14:11 events[1].free: expected true or false, received "yes"`,
      `${f}/events/a.yaml:18:18 events[2].departement: expected an INSEE département code such as "34", "2A" or "971", received "99"`,
      `${f}/events/a.yaml:19:12 events[2].start: expected a date "YYYY-MM-DD" or a date and time "YYYY-MM-DD HH:MM", received "20:30"`,
      `${f}/events/a.yaml:24:12 events[3].start: "2016-12-02 10:00" is outside the campaign period 2016-11-01 … 2016-11-30`,
      `${f}/events/a.yaml:30:10 events[4].end: the end "2016-11-20 17:00" is before the start "2016-11-20 18:00"`,
      `${f}/events/b-empty.yaml the file is empty`,
      `${f}/events/c-yaml11.yaml:1:1 a "%YAML 1.1" directive: encre reads YAML 1.2 (yes/no stay words, 09 is not octal, 2016-11-15 stays text)`,
      `${f}/events/d-latin1.yaml:3:13 the file is not UTF-8 (a byte here is not valid UTF-8: the file looks saved as Latin-1 or Windows-1252)`,
    ]);
    expect(r.stderr).toContain('Hint: did you mean "https://www.example.org/forum"?');
    expect(r.stderr).toContain('Hint: put it in quotes: "09"');
    expect(r.stderr).toContain('Hint: give the date and the time, e.g. "2016-11-15 20:30"');
    expect(readdirSync(out)).toEqual([]);
  });
});
