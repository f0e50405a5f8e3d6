// pdfkit ships no types; encre reaches its prototype (src/render/cmyk.ts) and creates the
// document react-pdf draws into (src/render/render.ts).
declare module 'pdfkit' {
  /** The options encre passes (pdfkit 0.20.1). */
  export interface PDFDocumentOptions {
    compress?: boolean;
    lang?: string;
    displayTitle?: boolean;
    autoFirstPage?: boolean;
    info?: Record<string, unknown>;
  }
  /** A pdfkit document: a readable stream of PDF bytes, ended by end(). */
  export interface PDFDocumentInstance extends NodeJS.ReadableStream {
    end(): unknown;
  }
  const PDFDocument: { prototype: object; new (options: PDFDocumentOptions): PDFDocumentInstance };
  export default PDFDocument;
}
