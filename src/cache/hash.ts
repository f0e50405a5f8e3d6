import { createHash } from 'node:crypto';

/**
 * A SHA-256 (hex) of any plain value: objects with sorted keys, Sets and Maps by their
 * entries, byte arrays by their bytes, Dates by their ISO time. Two values with the same
 * hash render the same: used as the key of cached documents and measurements.
 * @throws Error for a function or a symbol inside the value (it cannot be described).
 */
export function hashOf(value: unknown): string {
  const h = createHash('sha256');
  feed(h, value);
  return h.digest('hex');
}

function feed(h: ReturnType<typeof createHash>, v: unknown): void {
  if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean') {
    h.update(`${String(v)};`);
  } else if (typeof v === 'string') {
    h.update(`s${v.length}:`).update(v);
  } else if (typeof v === 'bigint') {
    h.update(`n${v};`);
  } else if (v instanceof Uint8Array) {
    h.update(`b${v.length}:`).update(v);
  } else if (v instanceof Date) {
    h.update(`d${v.toISOString()};`);
  } else if (Array.isArray(v)) {
    h.update(`[${v.length}`);
    for (const x of v) feed(h, x);
    h.update(']');
  } else if (v instanceof Set) {
    h.update(`S${v.size}`);
    for (const x of [...v].map((x) => hashOf(x)).sort()) h.update(x);
  } else if (v instanceof Map) {
    h.update(`M${v.size}`);
    for (const x of [...v].map(([k, x]) => hashOf(k) + hashOf(x)).sort()) h.update(x);
  } else if (typeof v === 'object') {
    const keys = Object.keys(v).sort();
    h.update(`{${keys.length}`);
    for (const k of keys) {
      h.update(`k${k.length}:${k}`);
      feed(h, (v as Record<string, unknown>)[k]);
    }
    h.update('}');
  } else {
    throw new Error(`internal: cannot hash a ${typeof v}`);
  }
}
