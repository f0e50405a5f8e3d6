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
    size?: [number, number];
    margin?: number;
  }
  /** Text options encre uses (pdfkit 0.20.1). */
  export interface TextOptions {
    width?: number;
  }
  /** A pdfkit document: a readable stream of PDF bytes, ended by end(). */
  export interface PDFDocumentInstance extends NodeJS.ReadableStream {
    end(): unknown;
    /** The text cursor, pt from the top left corner (the job sheet: src/post/job-sheet.ts). */
    x: number;
    y: number;
    registerFont(name: string, src: string): this;
    font(name: string): this;
    fontSize(size: number): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    moveDown(lines?: number): this;
    addPage(): this;
  }
  const PDFDocument: { prototype: object; new (options: PDFDocumentOptions): PDFDocumentInstance };
  export default PDFDocument;
}
