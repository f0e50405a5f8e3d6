/**
 * Where an event takes place, read from a free-text location such as an iCalendar
 * LOCATION: "Quai des Savoirs, 39 allées Jules Guesde, 31000 Toulouse, France" gives the
 * venue "Quai des Savoirs", the address "39 allées Jules Guesde", the commune "Toulouse" and
 * the département "31" (from the postal code).
 */
import { isDepartementCode } from '../model/departements.js';
import { cleanCell, oneLine } from './text.js';
import { isMostlyUpperCase, titleCase } from './transforms.js';

/** What a location gives; every part optional. */
export interface Place {
  venue?: string;
  address?: string;
  commune?: string;
  departement?: string;
  /** The postal code found, e.g. "31000". */
  postalCode?: string;
}

/**
 * The INSEE département of a French postal code, or undefined when it has none:
 * - "31000" → "31", "09000" → "09" (the first two digits);
 * - Corsica, "20xxx": "2A" (Corse-du-Sud) below 20200, "2B" (Haute-Corse) from 20200;
 * - overseas, "97xxx": the first three digits, "971" Guadeloupe … "976" Mayotte
 *   (97133 Saint-Barthélemy and 97150 Saint-Martin post through Guadeloupe: "971");
 *   "975" (Saint-Pierre-et-Miquelon), "98xxx" (Monaco, the Pacific) are not départements.
 * A postal code names a sorting office, and a few communes are served by one in a
 * neighbouring département: the first digits are a very good guess, not a rule.
 */
export function departementOfPostalCode(postalCode: string): string | undefined {
  if (!/^\d{5}$/.test(postalCode)) return undefined;
  let code: string;
  if (postalCode.startsWith('20')) code = Number(postalCode) < 20200 ? '2A' : '2B';
  else if (postalCode.startsWith('97') || postalCode.startsWith('98')) code = postalCode.slice(0, 3);
  else code = postalCode.slice(0, 2);
  return isDepartementCode(code) ? code : undefined;
}

/** "31000 Toulouse", "31000 TOULOUSE CEDEX 6": a postal code and the commune after it. */
const POSTAL = /(^|[\s,;])(\d{5})\s+(\p{L}[^,;\n]*?)\s*(?=[,;\n]|$)/u;

/**
 * Reads a free-text location. With a postal code followed by a commune ("…, 31000 Toulouse"),
 * the commune (title-cased when written in capitals, "Cedex" and its number dropped) and
 * the département come from it, the text before it, split at commas, gives the venue (first
 * part) and the address (the other parts), and what follows it (", France") is dropped.
 * Without one, the whole location is the venue and neither commune nor département is known.
 */
export function parseLocation(location: string): Place {
  const text = oneLine(cleanCell(location));
  if (text === '') return {};
  const m = POSTAL.exec(text);
  if (!m) return { venue: text };
  const postalCode = m[2] ?? '';
  let commune = (m[3] ?? '').replace(/\s+cedex(\s+\d+)?$/i, '').trim();
  if (isMostlyUpperCase(commune)) commune = titleCase(commune);
  const before = text
    .slice(0, (m.index ?? 0) + (m[1] ?? '').length)
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const place: Place = { postalCode };
  if (before[0] !== undefined) place.venue = before[0];
  if (before.length > 1) place.address = before.slice(1).join(', ');
  if (commune !== '') place.commune = commune;
  const departement = departementOfPostalCode(postalCode);
  if (departement !== undefined) place.departement = departement;
  return place;
}
