/**
 * pdf-lib as encre loads it: its one-file ES build (`dist/pdf-lib.esm.js`, built by pdf-lib
 * from the same release as its CommonJS entry, its dependencies inlined). The
 * CommonJS entry is 136 files: about 0.12 s of every start-up to load, against 0.04 s.
 * Every module of encre imports pdf-lib from here, so that its classes are one set
 * (`instanceof PDFDict`…): a document opened with the package's main entry ('pdf-lib', as
 * tests may) is not one of these — open it with {@link PDFDocument} from here to hand it to
 * encre.
 */
export * from 'pdf-lib/dist/pdf-lib.esm.js';
