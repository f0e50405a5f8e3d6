import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { Struct } from 'restructure';
import { installFastStructs } from '../src/render/structs.js';
import { ROOT } from './helpers/sample.js';

/**
 * Every object of a decoded table as text: each own property (hidden ones too) with its
 * attributes and value; `parent` by the path of the object it points to.
 */
function describeTable(root: unknown): string {
  const paths = new Map<object, string>();
  const out: string[] = [];
  const visit = (v: unknown, at: string): void => {
    if (typeof v !== 'object' || v === null) return void out.push(`${at}=${typeof v}:${String(v)}`);
    if (ArrayBuffer.isView(v)) return void out.push(`${at}=bytes:${(v as Uint8Array).length}`);
    const known = paths.get(v);
    if (known !== undefined) return void out.push(`${at}=@${known}`);
    paths.set(v, at);
    // A lazy array decodes its items when asked (fontkit's LazyArray): all of them.
    const items = typeof (v as { toArray?: unknown }).toArray === 'function' ? (v as { toArray(): unknown[] }).toArray() : undefined;
    for (const key of Object.getOwnPropertyNames(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key)!;
      const flags = `${d.enumerable ? 'e' : '-'}${d.writable ? 'w' : '-'}${d.configurable ? 'c' : '-'}${d.get ? 'g' : ''}`;
      if (d.get) out.push(`${at}.${key}[${flags}]`);
      else if (key === 'parent') out.push(`${at}.parent[${flags}]=@${d.value && typeof d.value === 'object' ? (paths.get(d.value) ?? '?') : String(d.value)}`);
      else visit(d.value, `${at}.${key}[${flags}]`);
    }
    if (items) items.forEach((x, i) => visit(x, `${at}#${i}`));
  };
  visit(root, '');
  return out.join('\n');
}

describe('faster struct set-up (src/render/structs.ts)', () => {
  it('decodes the same objects, hidden properties and their attributes included', () => {
    const bytes = readFileSync(path.join(ROOT, 'assets/fonts/Inter-Regular.otf'));
    const tables = (font: unknown) => {
      const f = font as { GSUB: unknown; GPOS: unknown; GDEF: unknown };
      return describeTable({ GSUB: f.GSUB, GPOS: f.GPOS, GDEF: f.GDEF });
    };
    const setup = (Struct as { prototype: { _setup: unknown } }).prototype._setup;
    const shipped = tables(fontkit.create(bytes));
    installFastStructs();
    expect((Struct as { prototype: { _setup: unknown } }).prototype._setup).not.toBe(setup);
    const faster = tables(fontkit.create(bytes));
    const a = shipped.split('\n');
    const b = faster.split('\n');
    expect(a.length).toBeGreaterThan(10_000);
    // The first line that differs, if any (a diff of the whole texts would take minutes).
    const at = a.findIndex((line, i) => line !== b[i]);
    expect(at === -1 && a.length === b.length ? 'the same' : `line ${at}: ${a[at]} ≠ ${b[at]}`).toBe('the same');
  });
});
