import { createHash } from 'node:crypto';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Printer } from '../model/printer.js';
import type { Format } from '../units.js';
import { mm } from '../units.js';
import { slugify } from '../import/text.js';

/**
 * The job sheet (« fiche de fabrication »): what a printer files with the order, one entry
 * per file a build wrote, as JSON (out/fiche-de-fabrication.json) and as an A4 PDF
 * (out/fiche-de-fabrication.pdf). Every figure comes from the build itself: the pages and
 * sha256 of the bytes written, the printer profile's bleed, marks, output intent and ink
 * limit, the inks the preflight found, the campaign's `printRun`.
 */

/** Where the print files are copied under the names a printer can tell apart (out/imprimeur/). */
export const DELIVERY_DIR = 'imprimeur';

/** One file of the job sheet. */
export interface JobSheetFile {
  /** Document id: programme, affiche, flyer, dossier-de-presse, programme-imposition. */
  document: string;
  /** What the document is, in French (« Programme », « Affiche »…). */
  title: string;
  /** print: for the printer; screen: light PDF for screens, never to print; office: office proof. */
  use: 'print' | 'screen' | 'office';
  /** Path inside the output folder, as written (« programme.pdf », « screen/programme.pdf »). */
  file: string;
  /**
   * Print files only: the same bytes under a name that carries the campaign, document,
   * format and page count, in out/imprimeur/ (« imprimeur/mois-de-l-ess-2016-programme-A5-32p.pdf »).
   */
  delivery?: string;
  pages: number;
  /** Finished (trim) size: its name and mm. */
  format: { name: string; widthMm: number; heightMm: number };
  /** Binding and finishing, in French (« piqûre à cheval, 8 feuilles pliées »). */
  binding: string;
  /** Copies to print (campaign.yaml printRun), when given. */
  quantity?: number;
  /** Print files: the paper and output condition of the printer profile. */
  paper?: string;
  profile?: { name: string; outputIntent?: string; condition?: string; pdfx?: string };
  /** Inks the preflight found: process colours (« CMYK ») and spot colours by name; RGB for screen files. */
  colours: { process: string; spots: string[] };
  /** Total ink limit of the profile, % (print files). */
  inkLimitPercent?: number;
  /** Highest total ink found in the file, %. */
  maxInkPercent?: number;
  bleedMm: number;
  cropMarks: boolean;
  /** Black text and rules overprinting (print files; see the printer profile's `overprintBlack`). */
  overprintBlack?: boolean;
  bytes: number;
  sha256: string;
}

/** The whole job sheet. */
export interface JobSheet {
  campaign: string;
  region: string;
  edition?: string;
  /** Build date (SOURCE_DATE_EPOCH, or the campaign's start), ISO 8601. */
  date: string;
  printer: { name: string; description: string; paper?: string };
  files: JobSheetFile[];
}

/** What {@link jobSheetFile} needs to know of one written file. */
export interface WrittenFile {
  document: string;
  title: string;
  use: JobSheetFile['use'];
  file: string;
  bytes: Uint8Array;
  pages: number;
  format: Format;
  bleedMm: number;
  cropMarks: boolean;
  colourSpaces: string[];
  spots?: string[];
  /** Process inks used (preflight: « Cyan », « Magenta », « Yellow », « Black »). */
  inks?: string[];
  maxInkPercent?: number;
  overprintBlack?: boolean;
}

/** The process inks' French names. */
const PROCESS_FR: Record<string, string> = { Cyan: 'cyan', Magenta: 'magenta', Yellow: 'jaune', Black: 'noir' };

/** campaign.yaml's printRun keys by document id. */
const PRINT_RUN_KEY: Record<string, 'affiche' | 'programme' | 'tract' | 'dossierDePresse'> = {
  programme: 'programme',
  affiche: 'affiche',
  flyer: 'tract',
  'dossier-de-presse': 'dossierDePresse',
};

/**
 * The binding and finishing of a document, in French, from its page count: the programme is
 * saddle-stitched (pages / 4 sheets folded and stapled: ISO 12647 says nothing of it, it is
 * the usual finish of an A5 booklet of 8–48 pages, docs/print.md), the affiche one sheet
 * printed on one side, the tract one sheet printed both sides, the dossier de presse sheets
 * printed both sides and stapled in a corner.
 */
export function bindingOf(document: string, pages: number): string {
  switch (document) {
    case 'programme':
      return `piqûre à cheval (2 agrafes) : ${pages / 4} feuille${pages / 4 > 1 ? 's' : ''} pliée${pages / 4 > 1 ? 's' : ''} en deux, encartées`;
    case 'affiche':
      return 'feuille simple, recto seul, sans façonnage';
    case 'flyer':
      return 'feuille simple, recto verso, sans pli';
    case 'dossier-de-presse':
      return `${Math.ceil(pages / 2)} feuille${pages > 2 ? 's' : ''} recto verso, agrafage en coin`;
    case 'programme-imposition':
      return `épreuve de bureau : ${pages} faces A4 paysage, recto verso (bord court), à plier et agrafer`;
    default:
      return '—';
  }
}

/**
 * The name of a print file for the printer: campaign and year, document, format and page
 * count, e.g. « mois-de-l-ess-2016-programme-A5-32p.pdf » (the format's name with spaces
 * removed: « 40×60cm »); for part of a campaign (`--filter`), the part's folder after the
 * campaign (« mois-de-l-ess-2016-34-herault-affiche-A3-1p.pdf »), so that the files of a part
 * and of the whole cannot be taken for each other. Lower-case ASCII apart from the format.
 */
export function deliveryName(campaign: string, year: number, document: string, format: Format, pages: number, part?: string): string {
  const name = slugify(campaign.includes(String(year)) ? campaign : `${campaign} ${year}`) + (part ? `-${slugify(part)}` : '');
  // The French name printers use for the flyer: « tract ».
  const doc = document === 'flyer' ? 'tract' : document;
  const size = format.name.replace(/\s+/g, '').replace('×', 'x');
  return `${name}-${doc}-${size}-${pages}p.pdf`;
}

/**
 * One entry of the job sheet for a written file.
 * @param f the file as written (its bytes hashed here, SHA-256, FIPS 180-4).
 * @param printer the printer profile (print files) and its name.
 * @param campaign name, year and printRun of the campaign, and the part built (`--filter`: its folder, « 34-herault »).
 */
export function jobSheetFile(
  f: WrittenFile,
  printer: { name: string; profile: Printer },
  campaign: { name: string; year: number; part?: string; printRun?: Partial<Record<'affiche' | 'programme' | 'tract' | 'dossierDePresse', number>> },
): JobSheetFile {
  const p = printer.profile;
  const print = f.use === 'print';
  const used = (f.inks ?? []).filter((i) => PROCESS_FR[i]);
  const process = used.length > 0 && used.length < 4 ? `${used.map((i) => PROCESS_FR[i]).join(', ')} seul${used.length > 1 ? 's' : ''}` : f.colourSpaces.some((s) => /CMYK/.test(s)) ? 'CMYK (quadrichromie)' : f.colourSpaces.some((s) => /RGB|ICCBased-3/.test(s)) ? 'RGB (écran)' : f.colourSpaces.some((s) => /Gray/.test(s)) ? 'niveaux de gris' : '—';
  const runKey = PRINT_RUN_KEY[f.document];
  const quantity = print && runKey ? campaign.printRun?.[runKey] : undefined;
  return {
    document: f.document,
    title: f.title,
    use: f.use,
    file: f.file.split(path.sep).join('/'),
    delivery: print ? `${DELIVERY_DIR}/${deliveryName(campaign.name, campaign.year, f.document, f.format, f.pages, campaign.part)}` : undefined,
    pages: f.pages,
    format: { name: f.format.name, widthMm: f.format.width, heightMm: f.format.height },
    binding: f.use === 'screen' ? 'aucun : à lire à l’écran' : bindingOf(f.document, f.pages),
    quantity,
    paper: print ? (p.paper ?? p.description) : undefined,
    profile: print ? { name: printer.name, outputIntent: p.outputIntent?.identifier, condition: p.outputIntent?.condition, pdfx: p.pdfx === 'none' ? undefined : p.pdfx } : undefined,
    colours: { process, spots: f.spots ?? [] },
    inkLimitPercent: print ? p.inkLimit : undefined,
    maxInkPercent: print ? f.maxInkPercent : undefined,
    bleedMm: f.bleedMm,
    cropMarks: f.cropMarks,
    overprintBlack: print ? f.overprintBlack : undefined,
    bytes: f.bytes.length,
    sha256: createHash('sha256').update(f.bytes).digest('hex'),
  };
}

/** Sizes of the sheet, pt: A4 portrait, 15 mm margins, body 8.5 pt (a form, not a theme document). */
const PAGE = { width: mm(210), height: mm(297), margin: mm(15) };
const SIZE = { title: 15, head: 10.5, body: 8.5, small: 7 };

/** 4000 → « 4 000 » (no-break space between groups of three digits). */
const groups = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

/** « A5 (148 × 210 mm) » */
const sizeMm = (f: JobSheetFile['format']) => `${f.name} (${f.widthMm} × ${f.heightMm} mm)`;

/**
 * The job sheet as an A4 PDF (pdfkit, the font given embedded): a heading with the campaign,
 * date and printer profile, then one block per file: its names, format, pages, binding,
 * quantity, paper and profile, colours, ink, bleed and marks, and its SHA-256. Screen files
 * are listed last, marked « ne pas imprimer ». Same sheet and date, same bytes.
 * @param fontFile a TrueType/OpenType font (regular) and `boldFile` its bold.
 * @returns the PDF's bytes.
 */
export async function jobSheetPdf(sheet: JobSheet, fontFile: string, boldFile: string, date: Date): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: PAGE.margin,
    compress: true,
    autoFirstPage: true,
    info: { Title: `Fiche de fabrication — ${sheet.campaign}`, Author: 'encre', Creator: 'encre', Producer: 'encre (pdfkit)', CreationDate: date, ModDate: date },
    lang: 'fr-FR',
  });
  const chunks: Buffer[] = [];
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('regular', fontFile);
  doc.registerFont('bold', boldFile);
  const width = PAGE.width - 2 * PAGE.margin;
  const labelWidth = mm(38);
  doc.font('bold').fontSize(SIZE.title).text(`Fiche de fabrication — ${sheet.campaign}`, { width });
  doc.font('regular').fontSize(SIZE.body).text([sheet.region, sheet.edition?.replace('ᵉ', 'e'), `fichiers du ${sheet.date.slice(0, 10)}`].filter(Boolean).join(' · '), { width });
  doc.text(`Profil d’impression : ${sheet.printer.name} — ${sheet.printer.description}`, { width });
  // The paper on its own line: its grammage range is not cut (« 115– ⏎ 170 »).
  if (sheet.printer.paper) doc.text(`Papier : ${unitsWhole(sheet.printer.paper)}`, { width });
  doc.text('Les fichiers à imprimer sont dans le dossier imprimeur/ (mêmes octets que les fichiers d’impression, sous un nom qui donne campagne, document, format et pages). Chaque empreinte SHA-256 permet de vérifier que le fichier reçu est celui-ci (sha256sum\u00a0FICHIER).', { width });
  doc.moveDown(0.8);
  const row = (label: string, value: string, font: 'regular' | 'bold' = 'regular', size = SIZE.body) => {
    const y = doc.y;
    doc.font('bold').fontSize(SIZE.body).text(label, PAGE.margin, y, { width: labelWidth });
    const after = doc.y;
    doc.font(font).fontSize(size).text(unitsWhole(value), PAGE.margin + labelWidth, y, { width: width - labelWidth });
    doc.y = Math.max(after, doc.y);
    doc.x = PAGE.margin;
  };
  const files = [...sheet.files.filter((f) => f.use === 'print'), ...sheet.files.filter((f) => f.use === 'office'), ...sheet.files.filter((f) => f.use === 'screen')];
  for (const f of files) {
    const need = (f.use === 'print' ? 12 : 6) * SIZE.body * 1.3 + SIZE.head * 2;
    if (doc.y + need > PAGE.height - PAGE.margin) doc.addPage();
    doc.font('bold').fontSize(SIZE.head).text(`${f.title} — ${f.use === 'print' ? 'fichier d’impression' : f.use === 'office' ? 'épreuve de bureau (ne pas envoyer)' : 'fichier écran (ne pas imprimer)'}`, PAGE.margin, doc.y, { width });
    doc.moveDown(0.2);
    if (f.delivery) row('Fichier à envoyer', f.delivery, 'bold');
    row(f.delivery ? 'Fichier produit' : 'Fichier', f.file);
    row('Format fini', sizeMm(f.format));
    row('Pages', String(f.pages));
    row('Façonnage', f.binding);
    if (f.use === 'print') row('Quantité', f.quantity !== undefined ? `${groups(f.quantity)} exemplaires` : 'non indiquée (printRun dans campaign.yaml)');
    if (f.paper) row('Papier', f.paper);
    if (f.profile) row('Profil', [f.profile.name, f.profile.outputIntent, f.profile.pdfx].filter(Boolean).join(' · ') + (f.profile.condition ? ` — ${f.profile.condition}` : ''));
    row('Couleurs', [f.colours.process, ...f.colours.spots.map((s) => `ton direct ${s}`)].join(' + '));
    if (f.inkLimitPercent !== undefined) row('Encrage', `maximum ${f.inkLimitPercent} % (atteint : ${f.maxInkPercent ?? 0} %)${f.overprintBlack ? ' ; noir 100 % en surimpression' : ''}`);
    row('Fonds perdus, repères', `${f.bleedMm} mm${f.cropMarks ? ', traits de coupe' : ', sans traits de coupe'}`);
    row('SHA-256', f.sha256, 'regular', SIZE.small);
    row('Taille', `${groups(f.bytes)} octets`);
    doc.moveDown(0.8);
  }
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A grammage kept whole on its line: « 115–170 g/m² » with a no-break space before the unit
 * and the unit's slash as U+2215 DIVISION SLASH (a letter to line breaking, UAX #14; the
 * solidus allows a break after it: « g/ ⏎ m² »). Liberation Sans has the glyph.
 */
function unitsWhole(text: string): string {
  return text.replace(/(\d) ?g\/m²/g, '$1\u00a0g\u2215m²');
}
