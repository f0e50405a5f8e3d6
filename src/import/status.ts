/**
 * An event's status read from what sources write: a status column (« Annulé », "cancelled",
 * « Complet »…), iCalendar STATUS, or a mark in a text such as a title
 * (« La Chapelle des Carmélites (Annulé) », « ANNULÉ – Concert »).
 */
import type { EventStatus } from '../model/event.js';

/** Words, without accents and in lower case, that name each status (French and English). */
const WORDS: [EventStatus, RegExp][] = [
  ['cancelled', /^(annule|annulee|annules|annulees|annulation|cancel+ed|canceled|cancelled|abgesagt|anulado|annullato)$/],
  ['postponed', /^(reporte|reportee|reportes|reportees|report|postponed|delayed|verschoben|aplazado|rinviato)$/],
  ['full', /^(complet|complete|full|sold out|booked out|ausgebucht|agotado|esaurito)$/],
  ['scheduled', /^(scheduled|confirmed|confirme|confirmee|maintenu|maintenue|prevu|prevue|tentative|a venir|ok)$/],
];

/** Lower case, accents removed, spaces collapsed: "ANNULÉ " → "annule". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The status a whole value names: "Annulé", "ANNULEE", "cancelled", "Reporté", "postponed",
 * "Complet", "sold out", "confirmé", or iCalendar's CANCELLED, CONFIRMED, TENTATIVE.
 * @returns the status, or undefined when the value names none (the caller reports it).
 */
export function parseStatus(value: string): EventStatus | undefined {
  const v = fold(value).replace(/[.!]+$/, '');
  for (const [status, words] of WORDS) if (words.test(v)) return status;
  return undefined;
}

/** A status mark at the start or end of a text: « (Annulé) », « [COMPLET] », « ANNULÉ : », « – reporté ». */
const MARK_END = /\s*(?:[([]\s*([^()[\]]{3,20}?)\s*[)\]]|[-–—:|]\s*(\p{L}[\p{L} ]{2,19}?))\s*[.!]?\s*$/u;
const MARK_START = /^\s*(?:[([]\s*([^()[\]]{3,20}?)\s*[)\]]|(\p{L}[\p{L} ]{2,19}?)\s*(?:[-–—:|!]|\s-\s))\s*/u;

/**
 * A status written in a text, as organisers mark a title: « Concert (Annulé) »,
 * « ANNULÉ : Concert », « Concert – COMPLET », « [Reporté] Concert ». Only a mark set apart
 * (in brackets, or after/before a dash, colon or bar) counts; a word inside the text
 * (« Le spectacle annulé de 1968 ») does not.
 * @returns the status and the text without its mark, or undefined when it has none (or a
 *   mark naming "scheduled").
 */
export function statusInText(text: string): { status: Exclude<EventStatus, 'scheduled'>; text: string } | undefined {
  for (const re of [MARK_END, MARK_START]) {
    const m = re.exec(text);
    if (!m) continue;
    const status = parseStatus(m[1] ?? m[2] ?? '');
    if (status === undefined || status === 'scheduled') continue;
    const rest = (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim();
    if (rest === '') continue;
    return { status, text: rest };
  }
  return undefined;
}

/**
 * When a source gives no status, a mark in the title gives it: « Concert (Annulé) » becomes
 * the title « Concert » with status cancelled, and a warning says so (the importer never
 * changes a title silently). `values` is updated in place.
 */
export function statusFromTitle(values: Map<string, unknown>, warnings: string[]): void {
  if (values.has('status')) return;
  const title = values.get('title');
  if (typeof title !== 'string') return;
  const marked = statusInText(title);
  if (marked === undefined) return;
  values.set('title', marked.text);
  values.set('status', marked.status);
  warnings.push(`status "${marked.status}" read from the title ${JSON.stringify(title)}, printed as ${JSON.stringify(marked.text)} with its mark`);
}
