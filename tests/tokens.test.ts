import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/sample.js';

/** Every .tsx component under layouts/ (themes excluded: they hold the tokens). */
function components(dir = path.join(ROOT, 'layouts')): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === 'themes' ? [] : components(p);
    return p.endsWith('.tsx') ? [p] : [];
  });
}

describe('the look lives in the theme', () => {
  it('components hold no raw colour and no numeric font size', () => {
    const offenders: string[] = [];
    for (const file of components()) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (/['"]#[0-9a-f]{3,8}['"]|rgb\(|cmyk\(/i.test(line) || /fontSize:\s*\d/.test(line)) offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(components().length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
  it('the programme\'s event card and events page hold no raw distance: every padding, gap and QR placement is a theme token', () => {
    // The card's settings are the theme's `card` block (issue 13); the other components are
    // still to be converted (their raw mm are listed in the closing note of that issue).
    const offenders: string[] = [];
    for (const file of ['layouts/components/EventCard.tsx', 'layouts/programme/EventsPage.tsx']) {
      readFileSync(path.join(ROOT, file), 'utf8').split('\n').forEach((line, i) => {
        if (/mm\(\s*-?\d/.test(line) || /(?:padding|margin|gap)\w*:\s*-?\d/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
