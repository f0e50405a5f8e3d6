/**
 * What the bench's peers (Typst, bench/typst.ts; the HTML engines, bench/html.ts) take from
 * encre: the content loaded and validated and the model derived by encre's own code (same
 * grouping, order, French date lines and QR matrices), and each QR symbol as an SVG.
 */
import { fileEnv } from '../src/load/env.js';
import { loadContent, type Content } from '../src/load/content.js';
import { deriveModel, type Model } from '../src/derive/model.js';
import { qrPath, type QrMatrix } from '../src/qr/matrix.js';

/**
 * The content folder `content` (relative to `root`) loaded and its model derived, as a build
 * at `sourceDateEpoch` (seconds) would.
 */
export async function peerModel(root: string, content: string, sourceDateEpoch: number): Promise<{ loaded: Content; model: Model }> {
  const loaded = await loadContent(fileEnv(root, undefined), content);
  return { loaded, model: deriveModel(loaded, new Date(sourceDateEpoch * 1000)) };
}

/**
 * A QR symbol as a standalone SVG (dark modules on white, its quiet zone), its view box in
 * modules; `attributes` added to the <svg> element (e.g. ` class="qr"`).
 */
export function qrSvg(qr: QrMatrix, attributes = ''): string {
  const side = qr.modules + 2 * qr.quietZone;
  return `<svg${attributes} xmlns="http://www.w3.org/2000/svg" viewBox="${-qr.quietZone} ${-qr.quietZone} ${side} ${side}" shape-rendering="crispEdges"><path d="${qrPath(qr)}" fill="#000"/></svg>`;
}
