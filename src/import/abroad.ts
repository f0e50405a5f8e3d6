/**
 * Events abroad in the importers: a département is French, so an event whose country is not
 * France has none, whatever a default or a postal code column would give it.
 */
import { FRANCE, countryName } from '../model/countries.js';

/**
 * Removes the département of an event abroad (`values` updated in place). When the source
 * itself gave one (not a mapping default: `fromDefault`), a warning says it was left out.
 */
export function abroadWithoutDepartement(values: Map<string, unknown>, fromDefault: boolean, warnings: string[]): void {
  const country = values.get('country');
  if (typeof country !== 'string' || country === FRANCE || !values.has('departement')) return;
  const given = values.get('departement');
  values.delete('departement');
  if (!fromDefault) warnings.push(`departement ${JSON.stringify(given)} left out: the event is in ${countryName(country)} (${country}), and départements are French`);
}
