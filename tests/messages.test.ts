import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/build.js';
import { ContentError, PreflightError, formatProblem, quote } from '../src/model/errors.js';
import { mergeFailures } from '../src/build/report.js';
import { ROOT, EPOCH } from './helpers/sample.js';

/*
 * Messages a user can read (issue 15, point 5): long values cut with their length, invisible
 * characters in keys shown by code point, the field that makes a card too tall, encre's own
 * words for two YAML documents in a file, a problem of the print and screen files listed once.
 */

/** The tiny content in a folder of its own, its events file replaced by `events`. */
function tinyWith(events: string): string {
  const dir = mkdtempSync(path.join(ROOT, 'tests/.output-messages-'));
  cpSync(path.join(ROOT, 'tests/fixtures/tiny'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'events/34.yaml'), events);
  return dir;
}

/** The error a build of `documents` from `content` ends with. */
async function failure(content: string, documents: string[]): Promise<unknown> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'encre-messages-'));
  return build({ root: ROOT, content: path.relative(ROOT, content), out, documents, sourceDateEpoch: EPOCH }).catch((e: unknown) => e);
}

/** The content problems of a build, as the command line prints them. */
async function problems(content: string): Promise<string[]> {
  const e = await failure(content, ['affiche']);
  expect(e).toBeInstanceOf(ContentError);
  return (e as ContentError).problems.map(formatProblem);
}

const EVENT = '  - id: t-01\n    title: Forum de l\'emploi solidaire\n    commune: Montpellier\n    departement: "34"\n';

describe('messages', () => {
  it('cut a long value to its first and last 32 characters, with its length', async () => {
    const long = `${'a'.repeat(40)}${'b'.repeat(12_097)}${'c'.repeat(40)}`;
    expect(quote(long)).toBe(`"${'a'.repeat(32)}…${'c'.repeat(32)}" (12,177 characters)`);
    expect(quote('short')).toBe('"short"');
    const dir = tinyWith(`events:\n  - id: t-01\n    title: "${long}"\n    commune: Montpellier\n    departement: "34"\n`);
    try {
      const [p] = await problems(dir);
      expect(p).toContain(`received "${'a'.repeat(32)}…${'c'.repeat(32)}" (12,177 characters)`);
      expect(p!.length).toBeLessThan(400);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('show an invisible character in a key by its code point', async () => {
    const dir = tinyWith(`events:\n${EVENT}    \uFEFFtitle: Visite\n`);
    try {
      expect(await problems(dir)).toEqual([
        `${path.relative(ROOT, dir)}/events/34.yaml:6:5 events[0].\uFEFFtitle: unknown field U+FEFF before "title": the name has an invisible character\n  Hint: delete the invisible character (pasted with the text: retype the name): "title"`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('give encre’s own words for two YAML documents in one file', async () => {
    const dir = tinyWith(`events:\n${EVENT}---\nevents: []\n`);
    try {
      expect(await problems(dir)).toEqual([
        `${path.relative(ROOT, dir)}/events/34.yaml:6:1 the file holds more than one YAML document (a line "---" or "..." starts another)\n  Hint: keep one document per file: remove the "---" line and merge what follows, or move it to a file of its own`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('name the field that makes a card taller than a page, and list a problem of the print and screen files once', async () => {
    const address = Array.from({ length: 500 }, (_, i) => `rue ${i}`).join(' ');
    const dir = tinyWith(`events:\n${EVENT}    address: "${address}"\n`);
    try {
      const e = await failure(dir, ['programme']);
      expect(e).toBeInstanceOf(PreflightError);
      const message = (e as Error).message;
      expect(message).toContain(`shorten its address (${address.length.toLocaleString('en')} characters)`);
      expect(message.startsWith('programme.pdf and screen/programme.pdf: ')).toBe(true);
      expect(message.split('\n')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('merge the print and screen files’ problems: shared ones once, the others under their file', () => {
    expect(mergeFailures([
      { file: 'programme.pdf', message: 'programme.pdf:\n  page 4: overflow\n  ink 320 %' },
      { file: 'affiche.pdf', message: 'affiche.pdf: 2 pages' },
      { file: 'screen/programme.pdf', message: 'screen/programme.pdf:\n  page 4: overflow' },
    ])).toBe('programme.pdf and screen/programme.pdf:\n  page 4: overflow\nprogramme.pdf:\n  ink 320 %\naffiche.pdf: 2 pages');
  });
});

