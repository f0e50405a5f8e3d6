import { readFileSync, writeFileSync } from 'node:fs';
import * as mupdf from 'mupdf';
const doc = mupdf.Document.openDocument(readFileSync(process.argv[2]!), 'application/pdf');
const pix = doc.loadPage(Number(process.argv[3] ?? 0)).toPixmap(mupdf.Matrix.scale(Number(process.argv[5] ?? 1), Number(process.argv[5] ?? 1)), mupdf.ColorSpace.DeviceRGB, false, true);
writeFileSync(process.argv[4]!, pix.asPNG());
