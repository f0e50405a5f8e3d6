import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
const f = process.argv[2];
const font: any = fontkit.create(readFileSync(f));
const space = font.glyphForCodePoint(32).id;
console.log('space gid', space);
function covHas(c: any, g: number): boolean { if (!c) return false; if (c.version === 1) { for (let i=0;i<c.glyphs.length;i++) if (c.glyphs[i]===g) return true; return false;} for (let i=0;i<c.rangeRecords.length;i++){const r=c.rangeRecords[i]; if (g>=r.start&&g<=r.end) return true;} return false; }
function classOf(cd: any, g: number): number { if (!cd) return 0; if (cd.version===1){ const i=g-cd.startGlyph; return i>=0&&i<cd.classValueArray.length?cd.classValueArray[i]:0;} for (let i=0;i<cd.classRangeRecord.length;i++){const r=cd.classRangeRecord[i]; if(g>=r.start&&g<=r.end) return r.class;} return 0; }
for (const tag of ['GSUB','GPOS']) {
  const t = font[tag]; if (!t) continue;
  const ext = tag==='GSUB'?7:9;
  for (let li=0; li<t.lookupList.length; li++) {
    const lk = t.lookupList.get(li);
    const feats = t.featureList.filter((fr: any) => (fr.feature.lookupListIndexes ?? []).includes(li)).map((fr: any) => fr.tag);
    lk.subTables.forEach((s0: any, si: number) => {
      let type = lk.lookupType, s = s0; if (type === ext) { type = s.lookupType; s = s.extension; }
      const hits: string[] = [];
      for (const k of Object.keys(s)) {
        const v = s[k];
        if (k.toLowerCase().includes('coverage')) {
          if (Array.isArray(v) || (v && typeof v.length === 'number' && v.get)) { const arr = Array.isArray(v)?v:v.toArray(); arr.forEach((c: any, i: number) => covHas(c, space) && hits.push(`${k}[${i}]`)); }
          else if (covHas(v, space)) hits.push(k);
        }
        if (k.toLowerCase().includes('classdef')) { const c = classOf(v, space); hits.push(`${k}=class${c}`); }
      }
      if (hits.some(h => !h.endsWith('class0')) || (hits.length && (type===5||type===6||type===7||type===8||type===2))) console.log(tag, li, 'type', type, 'fmt', s.version, feats.join(','), hits.join(' '));
    });
  }
}
