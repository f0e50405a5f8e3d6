import { createHash } from 'node:crypto';
import { PDFDocument, PDFName, PDFString, PDFHexString, PDFDict, PDFRef } from './pdf-lib.js';
import { tagSubsetsByContent } from './subset-tags.js';
import { profileStream } from './profile-streams.js';
import { LOAD, SAVE } from './pdflib-options.js';

/** What the post-processing writes, all distances in pt. */
export interface FinaliseOptions {
  /** Finished size. */
  trim: { width: number; height: number };
  /** Bleed on every side (0 for screen files). */
  bleed: number;
  /** Slug beyond the bleed (0 without crop marks). */
  slug: number;
  /** Links and other annotations removed (print files: PDF/X wants none inside the page). */
  stripAnnotations: boolean;
  /** Which rendition this is (printer profile or "screen"): part of the document's ID. */
  rendition: string;
  /** Title, author, subject, keywords and date, repeated in the XMP metadata. */
  info: { title: string; author: string; subject: string; keywords: string; date: Date };
  /** PDF/X identification, for print files that declare it. */
  pdfx?: {
    version: 'PDF/X-4';
    /** The CMYK output profile (ICC bytes) and its print condition. */
    intent: { icc: Uint8Array; identifier: string; condition: string; registry: string };
  };
}

/**
 * Post-processes a rendered PDF with pdf-lib: the page boxes of the print geometry (TrimBox =
 * finished size, BleedBox = trim + bleed, MediaBox = all of it with the slug), and for PDF/X
 * files the OutputIntent with its embedded ICC profile, GTS_PDFXVersion, Trapped, and XMP
 * metadata; font subsets tagged after their glyphs (subset-tags.ts). Dates and IDs come from the build date and the content, never the clock.
 * Sources: ISO 15930-7 (PDF/X-4), ISO 32000-1 §14.11 (page boxes, output intents).
 * @returns the final bytes and the document they were saved from (for preflight).
 */
export async function finalise(bytes: Uint8Array, opts: FinaliseOptions): Promise<{ bytes: Uint8Array; doc: PDFDocument }> {
  const doc = await PDFDocument.load(bytes, LOAD);
  const { trim, bleed, slug } = opts;
  for (const page of doc.getPages()) {
    const { width, height } = page.getMediaBox();
    page.setMediaBox(0, 0, width, height);
    page.setCropBox(0, 0, width, height);
    // Without a slug the BleedBox is the MediaBox, written with the very same numbers.
    if (slug === 0) page.setBleedBox(0, 0, width, height);
    else page.setBleedBox(slug, slug, trim.width + 2 * bleed, trim.height + 2 * bleed);
    page.setTrimBox(slug + bleed, slug + bleed, trim.width, trim.height);
  }
  if (opts.stripAnnotations) dropAnnotations(doc);
  tagSubsetsByContent(doc);
  // react-pdf 4.9 writes the modification date under a non-standard key (ModificationDate):
  // the Info dictionary gets ModDate (ISO 32000-1 §14.3.3), which PDF/X checks against the XMP.
  const info = (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict();
  info.delete(PDFName.of('ModificationDate'));
  doc.setModificationDate(opts.info.date);
  doc.setCreationDate(opts.info.date);
  // Document ID: the same document (title, rendition) keeps its first part; the second part
  // changes with the content, so a corrected file is told apart from the one it replaces.
  const documentId = hexId(`${opts.info.title}\n${opts.rendition}`);
  const instanceId = hexId(createHash('sha256').update(bytes).digest('hex'));
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(documentId), PDFHexString.of(instanceId)]);
  if (opts.pdfx) writePdfx(doc, opts.pdfx, opts.info, uuid(documentId), uuid(instanceId));
  const out = await doc.save(SAVE);
  // PDF/X-4 is based on PDF 1.6; pdf-lib always writes a 1.7 header (same length: offsets hold).
  if (opts.pdfx) out.set(new TextEncoder().encode('%PDF-1.6'), 0);
  // The document just saved, as it was saved (not parsed again: a long programme's PDF takes
  // seconds to parse).
  return { bytes: out, doc };
}

function writePdfx(doc: PDFDocument, x: NonNullable<FinaliseOptions['pdfx']>, meta: FinaliseOptions['info'], documentId: string, instanceId: string): void {
  const ctx = doc.context;
  const profile = profileStream(ctx, x.intent.icc, 4);
  const intent = ctx.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of(x.intent.identifier),
    OutputCondition: PDFString.of(x.intent.condition),
    RegistryName: PDFString.of(x.intent.registry),
    Info: PDFString.of(x.intent.condition),
    DestOutputProfile: ctx.register(profile),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), ctx.obj([intent]));
  const info = (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict();
  info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of(x.version));
  info.set(PDFName.of('Trapped'), PDFName.of('False'));
  const stamp = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.subject)}</rdf:li></rdf:Alt></dc:description>
   <pdf:Keywords>${escapeXml(meta.keywords)}</pdf:Keywords>
   <xmp:CreateDate>${stamp}</xmp:CreateDate>
   <xmp:ModifyDate>${stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>${stamp}</xmp:MetadataDate>
   <xmp:CreatorTool>encre</xmp:CreatorTool>
   <pdf:Producer>encre (react-pdf, pdf-lib)</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>uuid:${documentId}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:${instanceId}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>${x.version}</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
  const metadata = ctx.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(metadata));
}

/** 16 bytes of hex from a text (MD5, as PDF IDs customarily are): same text, same id. */
function hexId(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** A hex id as a UUID string for the XMP. */
function uuid(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}


/**
 * Removes every annotation from the file, not only from its pages: the pages' /Annots, and
 * every annotation object with its action (react-pdf writes link annotations with their
 * jump actions for the contents even where no page lists them). A print file holds no
 * annotation at all (PDF/X: ISO 15930-7 §6.8).
 */
function dropAnnotations(doc: PDFDocument): void {
  for (const page of doc.getPages()) page.node.delete(PDFName.of('Annots'));
  const gone: PDFRef[] = [];
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    // /Type is optional in an annotation (ISO 32000-1 §12.5.2): a link is known by its subtype too.
    if (!(obj instanceof PDFDict) || (obj.get(PDFName.of('Type')) !== PDFName.of('Annot') && obj.get(PDFName.of('Subtype')) !== PDFName.of('Link'))) continue;
    gone.push(ref);
    const action = obj.get(PDFName.of('A'));
    if (action instanceof PDFRef) gone.push(action);
  }
  for (const ref of gone) doc.context.delete(ref);
}
