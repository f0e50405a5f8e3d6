import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
const text = "Rencontre des acteurs de l'économie sociale et solidaire — à Montpellier, jeudi 14 novembre : « Entreprendre autrement » AVATAR Tf 2016";
for (const f of ['Inter-Regular.otf','Inter-Bold.otf','InterDisplay-Black.otf','LiberationSans-Regular.ttf']) {
  const t0 = performance.now();
  const font: any = fontkit.create(readFileSync('assets/fonts/'+f));
  const t1 = performance.now();
  font.layout(text);
  const t2 = performance.now();
  font.layout(text + ' bis');
  const t3 = performance.now();
  const gpos = font.directory.tables.GPOS, gsub = font.directory.tables.GSUB;
  console.log(f, 'open', (t1-t0).toFixed(1), 'first', (t2-t1).toFixed(1), 'second', (t3-t2).toFixed(1), 'GPOS', gpos?.length, 'GSUB', gsub?.length);
}
