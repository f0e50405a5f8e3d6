import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/sample.js';

/*
 * The product stands alone (issue 15, point 7): every document its files cite is in the
 * repository — no path leading out of it (a print guide in a sibling folder), and every
 * docs/… and Markdown link found where it points.
 */

/** The text files of the repository (tracked or new, not ignored), by path. */
function repositoryFiles(): Map<string, string> {
  const names = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  const texts = new Map<string, string>();
  for (const name of names) {
    if (!/\.(ts|tsx|mjs|js|json|ya?ml|md|typ|txt)$/.test(name) || !existsSync(path.join(ROOT, name))) continue;
    const text = readFileSync(path.join(ROOT, name), 'utf8');
    if (!text.includes('\u0000')) texts.set(name, text);
  }
  return texts;
}

describe('the repository', () => {
  it('cites no document outside itself, and every docs/ file and Markdown link it cites exists', () => {
    const files = repositoryFiles();
    const outside = ['..', 'shared', ''].join('/');
    const leaving: string[] = [];
    const missing: string[] = [];
    for (const [name, text] of files) {
      text.split('\n').forEach((line, i) => {
        if (line.includes(outside)) leaving.push(`${name}:${i + 1}: ${line.trim()}`);
        for (const m of line.matchAll(/\bdocs\/[\w./-]+\.md\b/g)) if (!existsSync(path.join(ROOT, m[0]))) missing.push(`${name}:${i + 1}: ${m[0]}`);
        if (name.endsWith('.md')) {
          for (const m of line.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
            const target = m[1]!;
            if (/^[a-z]+:/.test(target)) continue;
            if (!existsSync(path.resolve(ROOT, path.dirname(name), target))) missing.push(`${name}:${i + 1}: ${target}`);
          }
        }
      });
    }
    expect(leaving).toEqual([]);
    expect(missing).toEqual([]);
    // The print guide is there, with its sources, and the printer profile and theme point to it.
    expect(readFileSync(path.join(ROOT, 'docs/print.md'), 'utf8')).toMatch(/## Sources\n[\s\S]*ISO 15930-7/);
    expect(files.get('printers/offset.yaml')).toContain('docs/print.md');
    expect(files.get('themes/languedoc-roussillon.yaml')).toContain('docs/print.md');
  });
});
