import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
const runs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const fast = process.argv[3] === 'fast';
const faces = new Map<string, any>();
const file = (ps: string) => 'assets/fonts/' + ps + '.otf';
if (fast) { const { installFastLookups } = await import('./src/render/lookups.js'); installFastLookups(fontkit.create(readFileSync(file('Inter-Regular'))) as any); }
const t0 = performance.now(); let n = 0;
for (const r of runs) { let f = faces.get(r.face); if (!f) faces.set(r.face, f = fontkit.create(readFileSync(file(r.face)))); const run = f.layout(r.text, ...r.rest); n += run.glyphs.length; }
const t1 = performance.now();
// second pass: warm tables, new strings? same strings again (no cache): pure shaping cost warm
for (const r of runs) { const f = faces.get(r.face); f.layout(r.text, ...r.rest); }
const t2 = performance.now();
console.log('glyphs', n, 'cold', (t1-t0).toFixed(0), 'warm', (t2-t1).toFixed(0));
