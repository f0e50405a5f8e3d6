// The one-file builds of dependencies encre loads instead of their many-file entries (start-up
// time; src/post/pdf-lib.ts, src/qr/qrcode.ts): the same release, typed as its main entry.
declare module 'pdf-lib/dist/pdf-lib.esm.js' {
  export * from 'pdf-lib';
}
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode';
}
