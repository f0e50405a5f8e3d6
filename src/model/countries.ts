/**
 * Countries (ISO 3166-1 alpha-2 codes) and the areas an event is filed under: its French
 * département, or its country when it takes place abroad. Country names come from the ICU
 * data Node is built with (Intl.DisplayNames), in French for print and in several languages
 * for reading addresses (« Allemagne », "Germany", "Deutschland").
 */
import { departement, departementSortKey, isDepartementCode } from './departements.js';

/** The country of an event without one: France. */
export const FRANCE = 'FR';

/**
 * Codes ICU names that are not ISO 3166-1 country codes: the EU, the UN, "Unknown Region",
 * codes withdrawn from ISO 3166-1 that ICU maps to their successor (DD → Allemagne, YU, CS,
 * SU…), and exceptional reservations (Ceuta, Canaries, Clipperton…).
 */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'UK', 'QO', 'DD', 'YU', 'CS', 'SU', 'BU', 'TP', 'ZR', 'FX', 'AN', 'NT', 'YD', 'VD', 'DY', 'HV', 'NH', 'RH', 'CP', 'DG', 'EA', 'IC', 'TA', 'AC']);

const names = (lang: string) => new Intl.DisplayNames(lang, { type: 'region', fallback: 'none' });
// Made when first asked (loading ICU's region names takes about 15 ms): most campaigns name no country.
let french: Intl.DisplayNames | undefined;
let english: Intl.DisplayNames | undefined;

/**
 * True for an ISO 3166-1 alpha-2 country code in capitals ("DE", "BE", "CH"); false for
 * "UK" (the code is "GB"), "EU", "ZZ", user-assigned codes (X…, QM–QZ) and anything else.
 */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code) || code.startsWith('X') || /^Q[M-Z]$/.test(code) || code === 'AA') return false;
  return (english ??= names('en')).of(code) !== undefined;
}

/**
 * The French name of a country: "DE" → "Allemagne", "BE" → "Belgique".
 * @throws Error for a code that {@link isCountryCode} refuses.
 */
export function countryName(code: string): string {
  const name = isCountryCode(code) ? (french ??= names('fr')).of(code) : undefined;
  if (name === undefined) throw new Error(`unknown country code "${code}"`);
  return name;
}

/** Every valid country code, computed once. */
let ALL: string[] | undefined;
function allCodes(): string[] {
  if (ALL === undefined) {
    ALL = [];
    for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (isCountryCode(code)) ALL.push(code);
    }
  }
  return ALL;
}

/** Lower case, without accents or punctuation: « Allemagne » → "allemagne", "Côte d’Ivoire" → "cote d ivoire". */
function key(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Languages whose country names an address may be written in. */
const NAME_LANGUAGES = ['fr', 'en', 'de', 'es', 'it', 'ca', 'nl', 'pt'];
/** Short forms people write that ICU does not give. */
const EXTRA: Record<string, string> = { usa: 'US', 'u s a': 'US', uk: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', holland: 'NL', 'the netherlands': 'NL', 'republique tcheque': 'CZ', schweiz: 'CH', suisse: 'CH', svizzera: 'CH' };
let BY_NAME: Map<string, string> | undefined;

/**
 * The country a name or code designates, in French, English, German, Spanish, Italian,
 * Catalan, Dutch or Portuguese, any case, with or without accents: « Allemagne »,
 * "Germany", "Deutschland", "DE" → "DE"; "France" → "FR".
 * @returns the ISO code, or undefined when the text names no country.
 */
export function countryOf(text: string): string | undefined {
  const t = text.trim();
  if (/^[A-Z]{2}$/.test(t) && isCountryCode(t)) return t;
  if (BY_NAME === undefined) {
    BY_NAME = new Map(Object.entries(EXTRA));
    for (const lang of NAME_LANGUAGES) {
      const n = names(lang);
      for (const code of allCodes()) {
        const name = n.of(code);
        if (name !== undefined && !BY_NAME.has(key(name))) BY_NAME.set(key(name), code);
      }
    }
  }
  return BY_NAME.get(key(t));
}

/**
 * Where an event is filed: its département in France, its country abroad. `code` is the
 * département's INSEE code ("34", "2A") or the country's ISO code ("DE"): the two never
 * collide (département codes start with a digit).
 */
export interface Area {
  kind: 'departement' | 'country' | 'none';
  code: string;
  /** « Hérault », « Allemagne ». */
  name: string;
}

/**
 * The area of an event: the département of a French event, the country of one abroad.
 * @throws Error when a French event has no valid département or a country code is unknown
 *   (EventSchema refuses both before).
 */
export function areaOf(e: { country?: string; departement?: string; commune?: string }): Area {
  const country = e.country ?? FRANCE;
  if (country !== FRANCE) return { kind: 'country', code: country, name: countryName(country) };
  if (e.departement === undefined && e.commune === undefined) return UNPLACED;
  if (e.departement === undefined) throw new Error('a French event without a département');
  return { kind: 'departement', code: e.departement, name: departement(e.departement).name };
}

/**
 * The area of events whose place is not given beyond their venue (a conference imported from
 * its schedule): code "ZZ" (ISO 3166's « unknown » code, never a country of the content), last.
 */
export const UNPLACED: Area = { kind: 'none', code: 'ZZ', name: 'Lieu non précisé' };

/** The area of a code: a département code, a country code or UNPLACED's. @throws Error for none. */
export function areaByCode(code: string): Area {
  if (code === UNPLACED.code) return UNPLACED;
  if (isDepartementCode(code)) return { kind: 'departement', code, name: departement(code).name };
  return { kind: 'country', code, name: countryName(code) };
}

const COLLATOR = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * Orders areas: départements in INSEE order (2A/2B after 19, overseas last), then countries
 * by their French name (« Allemagne », « Belgique », « Suisse »).
 */
export function compareAreas(a: string, b: string): number {
  const da = isDepartementCode(a);
  const db = isDepartementCode(b);
  if (da && db) return departementSortKey(a) - departementSortKey(b);
  if (da !== db) return da ? -1 : 1;
  if ((a === UNPLACED.code) !== (b === UNPLACED.code)) return a === UNPLACED.code ? 1 : -1;
  return COLLATOR.compare(countryName(a), countryName(b));
}
