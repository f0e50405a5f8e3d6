/**
 * The `qrcode` package's encoder alone (`lib/core/qrcode.js`, its `create`): the package's
 * main entry also loads its PNG, SVG and terminal renderers (pngjs: 57 files in all), which
 * encre never uses — it draws the matrix as vectors (src/qr/matrix.ts).
 */
export { create } from 'qrcode/lib/core/qrcode.js';
