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
});
