import { NBSP, NNBSP } from './french.js';

const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+[^\s.,;:!?)»]|[\w.+-]+@[\w-]+\.[\w.-]*\w/g;

/**
 * French typography for running text (titles, descriptions, names): Unicode NFC, typographic
 * apostrophe, narrow no-break space (U+202F) before ; ! ? and inside « », no-break space
 * (U+00A0) before :, single spaces, no zero-width characters or soft hyphens. URLs and e-mail addresses are kept exactly as written.
 * Source: Imprimerie nationale, « Lexique des règles typographiques en usage à l'Imprimerie nationale ».
 */
export function frenchText(input: string): string {
  const kept: string[] = [];
  const protectedText = input
    .normalize('NFC')
    // Invisible characters from word processors and web pages: zero-width spaces and joiners,
    // byte-order marks, soft hyphens (hyphenation is encre's job). Removed, never printed.
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(URL_OR_EMAIL, (m) => {
    kept.push(m);
    return `\u0000${kept.length - 1}\u0000`;
  });
  return protectedText
    .replace(/[ \t\u00A0\u202F]+/g, ' ')
    .replace(/'/g, '’')
    .replace(/ ?([;!?]+)/g, `${NNBSP}$1`)
    .replace(/ ?:(?=\s|$)/g, `${NBSP}:`)
    .replace(/« ?/g, `«${NNBSP}`)
    .replace(/ ?»/g, `${NNBSP}»`)
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]!)
    .trim();
}
