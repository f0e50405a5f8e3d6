/**
 * Where an event takes place, read from a free-text location such as an iCalendar
 * LOCATION or an address column: "Quai des Savoirs, 39 allées Jules Guesde, 31000 Toulouse,
 * France" gives the venue "Quai des Savoirs", the address "39 allées Jules Guesde", the
 * commune "Toulouse" and the département "31" (from the postal code); "Messehalle, 20355
 * Hamburg, Allemagne" the venue, the commune "Hamburg" and the country "DE" (no
 * département: postal codes are read as French only in France).
 */
import { isDepartementCode } from '../model/departements.js';
import { FRANCE, countryOf } from '../model/countries.js';
import { cleanCell, oneLine } from './text.js';
import { isMostlyUpperCase, titleCase } from './transforms.js';

/** What a location gives; every part optional. */
export interface Place {
  venue?: string;
  address?: string;
  commune?: string;
  departement?: string;
  /** The postal code found, e.g. "31000", "20355", "1000". */
  postalCode?: string;
  /** ISO code of the country the location names when it is not France ("DE"); absent for France. */
  country?: string;
  /** What could not be read, for the report: "no postal code and commune (…, 31000 Toulouse)". */
  problem?: string;
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

/** Words that start a street (French, and a few of the neighbours'): such a text is an address, never a commune. */
const STREET = /^(?:\d+\s*(?:bis|ter|quater|[a-d])?\b[\s,]*)?(?:rue|avenue|av\.?|bd|boulevard|chemin|ch\.|place|pl\.|all[ée]es?|route|rte|impasse|quai|cours|passage|square|esplanade|promenade|parvis|rond-point|voie|sentier|lotissement|lieu-dit|zone|za|zi|zac|r[ée]sidence|cit[ée]|hameau|faubourg|fg|strasse|straße|str\.|platz|weg|gasse|calle|carrer|via|viale|piazza|plaza|avinguda|rua|street|st\.|road|rd\.|lane|chauss[ée]e|steenweg|straat|laan|plein)\b/iu;

/** A street number alone: "8", "12 bis", "12-14". */
const NUMBER_ONLY = /^\d+(?:\s*[-–/]\s*\d+)?(?:\s*(?:bis|ter|quater|[a-d]))?$/i;

/**
 * A postal code and the locality after it, within one part of an address: "31000 Toulouse",
 * "F-31000 Toulouse", "D-20355 Hamburg", "1000 Bruxelles" (4 digits: Belgium, Switzerland,
 * Austria…), "1012 AB Amsterdam". Group 1: what precedes the code in the part.
 */
const POSTAL = /^(.*?)(?:^|\s)(?:[A-Z]{1,2}-)?(\d{5}|\d{4}(?:\s?[A-Z]{2}(?=\s))?)\s+(\p{L}.*)$/u;

/** Lower-cases a commune written in capitals and drops "Cedex 6". */
function communeOf(text: string): string {
  let commune = text.replace(/\s+cedex(\s+\d+)?$/i, '').trim();
  if (isMostlyUpperCase(commune)) commune = titleCase(commune);
  return commune;
}

/**
 * Reads a free-text address or location into its parts:
 * - split at commas, semicolons, line breaks, and a full stop before a postal code
 *   ("8, Rue Daniel Gilard. 56000 Vannes"); a street number alone joins the part after it
 *   ("8 Rue Daniel Gilard");
 * - a last part naming a country (« Allemagne », "Germany", "Deutschland", "DE") gives the
 *   country; France, or none named, is France;
 * - the last part with a postal code followed by a locality gives both ("31000 Toulouse",
 *   "34000 MONTPELLIER CEDEX 2" → "Montpellier"); when what follows the code is a street
 *   ("27500 Avenue des Sports, Pont-Audemer"), it is the address and the commune is the part
 *   after it; a street is never taken for a commune;
 * - in France, the département comes from the postal code (see departementOfPostalCode);
 *   abroad there is none, and a location abroad without a postal code takes its last part as
 *   the locality ("Palais des congrès, Genève, Suisse");
 * - the parts before: the first is the venue unless it is a street ("12 rue X"), the others
 *   the address.
 * A French location without a postal code keeps everything as the venue, and `problem` says
 * what is missing. Never throws.
 */
export function parseLocation(location: string): Place {
  const text = oneLine(cleanCell(location));
  if (text === '') return {};
  let parts = text
    .split(/\s*[,;]\s*|\.\s+(?=(?:[A-Z]{1,2}-)?\d{4,5}\s)/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  // "8, Rue Daniel Gilard": the number joins its street.
  parts = parts.reduce<string[]>((out, p) => {
    const last = out[out.length - 1];
    if (last !== undefined && NUMBER_ONLY.test(last)) out[out.length - 1] = `${last} ${p}`;
    else out.push(p);
    return out;
  }, []);

  const place: Place = {};
  let country = FRANCE;
  const named = parts.length > 1 ? countryOf(parts[parts.length - 1]!) : undefined;
  if (named !== undefined) {
    country = named;
    parts = parts.slice(0, -1);
  }
  if (country !== FRANCE) place.country = country;

  // The last part holding a postal code and a locality.
  let at = -1;
  let m: RegExpExecArray | null = null;
  for (let i = parts.length - 1; i >= 0 && at < 0; i--) {
    const found = POSTAL.exec(parts[i]!);
    if (found && (country !== FRANCE || /^\d{5}$/.test(found[2]!))) {
      at = i;
      m = found;
    }
  }
  let before: string[];
  if (m !== null) {
    const postalCode = m[2]!.replace(/\s+/g, ' ');
    place.postalCode = postalCode;
    const prefix = m[1]!.trim().replace(/[.,]$/, '');
    before = [...parts.slice(0, at), ...(prefix !== '' ? [prefix] : [])];
    const after = parts.slice(at + 1);
    const locality = m[3]!.trim();
    if (STREET.test(locality)) {
      // "27500 Avenue des Sports, Pont-Audemer": the street is the address, the commune follows.
      before.push(locality);
      const next = after.find((p) => !STREET.test(p));
      if (next !== undefined) place.commune = communeOf(next);
      else place.problem = `${JSON.stringify(`${postalCode} ${locality}`)} is a street, not a commune, and no commune follows it`;
    } else {
      place.commune = communeOf(locality);
    }
    if (country === FRANCE) {
      const departement = departementOfPostalCode(postalCode);
      if (departement !== undefined) place.departement = departement;
      else place.problem = `postal code ${postalCode} is not in a French département`;
    }
  } else if (country !== FRANCE && parts.length > 0 && !STREET.test(parts[parts.length - 1]!)) {
    place.commune = communeOf(parts[parts.length - 1]!);
    before = parts.slice(0, -1);
  } else {
    if (parts.length > 0) place.venue = parts.join(', ');
    place.problem = `${JSON.stringify(text)} has no postal code and commune ("…, 31000 Toulouse")${country === FRANCE ? '' : ' nor locality'}`;
    return place;
  }

  if (before.length > 0) {
    const [first, ...rest] = before;
    // A venue may be named like a street (« Quai des Savoirs, 39 allées Jules Guesde »): the
    // first part is taken for a street only when it starts with a number or stands alone.
    if (/^\d/.test(first!) || (rest.length === 0 && STREET.test(first!))) place.address = before.join(', ');
    else {
      place.venue = first!;
      if (rest.length > 0) place.address = rest.join(', ');
    }
  }
  return place;
}
