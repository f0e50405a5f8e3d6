import { syllables } from '@react-pdf/hyphenate/fr';

/**
 * French hyphenation (Liang patterns shipped as @react-pdf/hyphenate/fr) for running text:
 * splits a word into the parts react-pdf may break between. URLs, e-mail addresses, numbers,
 * capitalised words (names, places) and words shorter than 7 letters are never hyphenated.
 */
export function hyphenateFrench(word: string): string[] {
  if (word.length < 7 || /[\/@.:0-9]/.test(word) || /^[A-ZÀ-Ý]/.test(word) || /\u00AD/.test(word)) return [word];
  return syllables(word);
}

/**
 * Hyphenation for titles and headings: a word is kept whole unless it is a long common noun
 * (12 letters or more, not capitalised), which may break in a narrow column
 * ("cinémato-graphiques") rather than run past it.
 */
export function hyphenateTitle(word: string): string[] {
  return word.length >= 12 ? hyphenateFrench(word) : [word];
}
