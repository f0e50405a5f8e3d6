import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/build.js';
import { ContentError, formatProblem } from '../src/model/errors.js';
import { ROOT } from './helpers/sample.js';

describe('bad content', () => {
  it('reports every problem with file:line:col, what was received and expected, and writes nothing', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-bad-'));
    const error = await build({ root: ROOT, content: 'tests/fixtures/bad-content', out, documents: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const lines = (error as ContentError).problems.map(formatProblem);
    expect(lines).toEqual([
      'tests/fixtures/bad-content/campaign.yaml:6:27 partners[0].logo: file not found: "assets/logos/absent.svg"\n  Hint: logo paths are relative to the project root, e.g. "assets/logos/partner.svg"',
      'tests/fixtures/bad-content/events/34.yaml:5:18 events[0].departement: expected text, received the number 34\n  Hint: put it in quotes: "34"',
      'tests/fixtures/bad-content/events/34.yaml:6:12 events[0].start: expected a date "YYYY-MM-DD" or a date and time "YYYY-MM-DD HH:MM", received "2016-11-15 7pm"',
      'tests/fixtures/bad-content/events/34.yaml:7:10 events[0].url: expected an absolute http(s) URL, e.g. "https://example.org/page", received "www.example.org/forum"',
      'tests/fixtures/bad-content/events/34.yaml:11:18 events[1].departement: expected an INSEE département code such as "34", "2A" or "971", received "99"',
      'tests/fixtures/bad-content/events/34.yaml:14:5 events[1].venu: unknown field "venu"\n  Hint: did you mean "venue"?',
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

  it('reports a YAML syntax error with its line', async () => {
    const error = await build({ root: ROOT, content: 'tests/fixtures/bad-syntax', out: os.tmpdir(), documents: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const [first] = (error as ContentError).problems;
    expect(first?.file).toBe('tests/fixtures/bad-syntax/events/34.yaml');
    expect(formatProblem(first!)).toMatch(/^tests\/fixtures\/bad-syntax\/events\/34.yaml:5:\d+ /);
  });
});

describe('characters the fonts cannot print', () => {
  it('refuses them, naming each character, the event and its file:line', async () => {
    const error = await build({ root: ROOT, content: 'tests/fixtures/bad-glyphs', out: os.tmpdir(), documents: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map(formatProblem)).toEqual([
      'tests/fixtures/bad-glyphs/events/34.yaml:2:1 event t-01 title: the fonts cannot print "中" (U+4E2D), "文" (U+6587): missing from Inter-Regular.otf, Inter-Italic.otf, Inter-SemiBold.otf, Inter-Bold.otf, InterDisplay-Bold.otf, InterDisplay-Black.otf\n  Hint: replace the character, or add a font that has it to layouts/theme.ts (fonts.faces)',
    ]);
  });
});
