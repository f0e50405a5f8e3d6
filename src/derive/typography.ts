import { NBSP, NNBSP } from './french.js';

const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+[^\s.,;:!?)»]|[\w.+-]+@[\w-]+\.[\w.-]*\w/g;

/**
 * French typography for running text (titles, descriptions, names): Unicode NFC, typographic
 * apostrophe, narrow no-break space (U+202F) before ; ! ? and inside « », no-break space
 * (U+00A0) before :, single spaces, no zero-width characters or soft hyphens. URLs and e-mail addresses are kept exactly as written.
 * Source: Imprimerie nationale, « Lexique des règles typographiques en usage à l'Imprimerie nationale ».
 */
export function frenchText(input: string): string {
  const text = input
    .normalize('NFC')
    // Invisible characters from word processors and web pages: zero-width spaces and joiners,
    // byte-order marks, soft hyphens (hyphenation is encre's job). Removed, never printed.
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '');
  // URLs and e-mail addresses are kept as written; the rules apply to the text between them.
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_OR_EMAIL)) {
    out += typeset(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return (out + typeset(text.slice(last))).trim();
}

function typeset(s: string): string {
  return s
    // A run of spaces becomes one; a no-break space in the run (from encre's own date and
    // number formatting, or typed on purpose) is kept as the one.
    .replace(/[ \t\u00A0\u202F]+/g, (run) => (run.includes('\u202F') ? NNBSP : run.includes('\u00A0') ? NBSP : ' '))
    .replace(/'/g, '’')
    .replace(/[ \u00A0\u202F]?([;!?]+)/g, `${NNBSP}$1`)
    .replace(/[ \u00A0\u202F]?:(?=\s|$)/g, `${NBSP}:`)
    .replace(/«[ \u00A0\u202F]?/g, `«${NNBSP}`)
    .replace(/[ \u00A0\u202F]?»/g, `${NNBSP}»`);
}
