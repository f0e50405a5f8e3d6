// pdfkit ships no types; encre only reaches its prototype (src/render/cmyk.ts).
declare module 'pdfkit' {
  const PDFDocument: { prototype: object };
  export default PDFDocument;
}
