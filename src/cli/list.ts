import { DOCUMENT_ALIASES, DOCUMENT_IDS } from '../documents/names.js';
import { printerNames } from '../load/printer.js';
import { themeNames } from '../load/theme.js';
import { FORMAT_NAMES } from '../import/formats.js';

/** What each document is, for `encre list`. */
const DOCUMENTS: Record<(typeof DOCUMENT_IDS)[number], string> = {
  programme: 'programme booklet, A5, pages a multiple of 4',
  affiche: 'affiche (poster), 1 page, --format A3 (default), A2 or 40x60',
  flyer: 'tract (flyer), A5, 2 pages',
  'dossier-de-presse': 'dossier de presse, A4',
};

/**
 * What there is to build with (`encre list`): the documents, the themes (the campaign
 * folder's themes/ and encre's), the printer profiles, the affiche formats and the formats
 * `encre import` reads.
 * @param root the folder relative paths are resolved from (the current folder).
 * @param campaign the campaign folder (absolute), when there is one: its themes are listed too.
 * @param posterFormats the affiche formats (layouts/frames.ts POSTER_FORMATS), width × height in mm.
 * @returns the listing, one section per kind, as lines.
 */
export async function listing(root: string, campaign: string | undefined, posterFormats: Record<string, { width: number; height: number }>): Promise<{ documents: { id: string; aliases: string[]; what: string }[]; themes: string[]; printers: string[]; formats: { affiche: { name: string; widthMm: number; heightMm: number }[]; import: { extension: string; what: string }[] } }> {
  return {
    documents: DOCUMENT_IDS.map((id) => ({ id, aliases: Object.entries(DOCUMENT_ALIASES).filter(([, v]) => v === id).map(([k]) => k), what: DOCUMENTS[id] })),
    themes: themeNames(root, campaign),
    printers: await printerNames(),
    formats: {
      affiche: Object.entries(posterFormats).map(([name, f]) => ({ name, widthMm: f.width, heightMm: f.height })),
      import: Object.entries(FORMAT_NAMES).map(([extension, what]) => ({ extension: `.${extension}`, what })),
    },
  };
}

/** The listing as text, one section per kind. */
export function formatListing(l: Awaited<ReturnType<typeof listing>>): string {
  return [
    'documents:',
    ...l.documents.map((d) => `  ${d.id}${d.aliases.length ? ` (${d.aliases.join(', ')})` : ''} — ${d.what}`),
    'themes (--theme, or theme: in campaign.yaml):',
    ...l.themes.map((t) => `  ${t}`),
    'printer profiles (--printer):',
    ...l.printers.map((p) => `  ${p}`),
    'affiche formats (--format):',
    ...l.formats.affiche.map((f) => `  ${f.name} — ${f.widthMm} × ${f.heightMm} mm`),
    'import formats (encre import FILE):',
    ...l.formats.import.map((f) => `  ${f.extension} — ${f.what}`),
  ].join('\n');
}
