import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { parse } from 'yaml';
import { build } from '../src/build.js';
import { formatImportReport, importEvents } from '../src/import/index.js';
import { parseLocation } from '../src/import/place.js';
import { toCountry, toDepartement } from '../src/import/transforms.js';
import { EventSchema } from '../src/model/event.js';
import { countryOf, isCountryCode } from '../src/model/countries.js';
import { formatAreas } from '../src/derive/french.js';
import { openPdf, pageTexts } from './helpers/pdf.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURE = 'tests/fixtures/places';
const EPOCH = '1476748800';
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

describe('the address parser', () => {
  it('reads street, postal code, commune and country; never a street as the commune', () => {
    expect(parseLocation('Kulturhaus, Dammtorwall 15, 20355 Hamburg, Allemagne')).toEqual({ venue: 'Kulturhaus', address: 'Dammtorwall 15', postalCode: '20355', commune: 'Hamburg', country: 'DE' });
    expect(parseLocation('86688 Marxheim, Allemagne')).toEqual({ postalCode: '86688', commune: 'Marxheim', country: 'DE' });
    expect(parseLocation('27500 Avenue des Sports, Pont-Audemer')).toEqual({ address: 'Avenue des Sports', postalCode: '27500', commune: 'Pont-Audemer', departement: '27' });
    expect(parseLocation('8, Rue Daniel Gilard. 56000 Vannes')).toEqual({ address: '8 Rue Daniel Gilard', postalCode: '56000', commune: 'Vannes', departement: '56' });
    expect(parseLocation('Palais des congrès, Genève, Suisse')).toEqual({ venue: 'Palais des congrès', commune: 'Genève', country: 'CH' });
    expect(parseLocation('Maison du peuple, Rue Haute 12, 1000 Bruxelles, Belgium')).toEqual({ venue: 'Maison du peuple', address: 'Rue Haute 12', postalCode: '1000', commune: 'Bruxelles', country: 'BE' });
    expect(parseLocation('Salle des fêtes, 12 rue X, 31000 TOULOUSE CEDEX 6, France')).toEqual({ venue: 'Salle des fêtes', address: '12 rue X', postalCode: '31000', commune: 'Toulouse', departement: '31' });
    // What cannot be read is said.
    expect(parseLocation('98000 Monaco')).toMatchObject({ commune: 'Monaco', problem: 'postal code 98000 is not in a French département' });
    expect(parseLocation('12000 Rue des Lilas')).toMatchObject({ address: 'Rue des Lilas', problem: '"12000 Rue des Lilas" is a street, not a commune, and no commune follows it' });
    expect(parseLocation('12000 Rue des Lilas').commune).toBeUndefined();
  });

  it('reads countries, and postal codes as French only in France', () => {
    expect(['Allemagne', 'Germany', 'Deutschland', 'DE', 'allemagne'].map(countryOf)).toEqual(Array(5).fill('DE'));
    expect(countryOf('Suisse')).toBe('CH');
    expect(countryOf('Salle 3')).toBeUndefined();
    expect(isCountryCode('GB')).toBe(true);
    expect(['UK', 'EU', 'ZZ', 'DD', 'de'].map(isCountryCode)).toEqual([false, false, false, false, false]);
    expect(toCountry('España')).toEqual({ ok: true, value: 'ES' });
    expect(toCountry('Atlantide')).toEqual({ ok: false, message: expect.stringContaining('"Atlantide" names no country') });
    expect(toDepartement('31000')).toEqual({ ok: true, value: '31' });
    expect(toDepartement('20200')).toEqual({ ok: true, value: '2B' });
    expect(toDepartement('98000')).toMatchObject({ ok: false });
  });

  it('asks a French event for its département and refuses one abroad', () => {
    const base = { id: 'x', title: 'T', commune: 'Hamburg' };
    expect(EventSchema.safeParse({ ...base, country: 'DE' }).success).toBe(true);
    expect(EventSchema.safeParse({ ...base, country: 'DE', departement: '2B' }).error?.issues[0]?.message).toBe(
      'a département is French, and this event is in Allemagne (country: DE): remove the département, or the country if the event is in France',
    );
    expect(EventSchema.safeParse(base).error?.issues[0]?.message).toMatch(/^an event in France needs its département/);
    expect(EventSchema.safeParse({ ...base, country: 'Allemagne' }).error?.issues[0]?.message).toMatch(/^expected an ISO 3166-1 country code/);
  });

  it('says « dans 54 départements et 2 pays »', () => {
    expect(formatAreas(54, 2)).toBe('54\u00a0départements et 2\u00a0pays');
    expect(formatAreas(1, 1)).toBe('1\u00a0département et 1\u00a0pays');
    expect(formatAreas(0, 2)).toBe('2\u00a0pays');
    expect(formatAreas(3, 0)).toBe('3\u00a0départements');
  });
});

describe('events abroad', () => {
  it('are imported under their country, built in their own sections after the départements, and counted', async () => {
    const content = mkdtempSync(join(ROOT, 'tests', '.output-places-'));
    const out = mkdtempSync(join(tmpdir(), 'encre-places-'));
    made.push(content, out);
    const report = await importEvents({ file: `${FIXTURE}/abroad.ics`, mapping: `${FIXTURE}/mapping.yaml`, filters: [], outDir: content });
    expect((await readdir(join(content, 'events'))).sort()).toEqual(['27-eure.yaml', '31-haute-garonne.yaml', '56-morbihan.yaml', 'CH-suisse.yaml', 'DE-allemagne.yaml']);
    const de = parse(await readFile(join(content, 'events', 'DE-allemagne.yaml'), 'utf8')) as { events: Record<string, unknown>[] };
    expect(de.events.map((e) => [e['commune'], e['country'], e['departement']])).toEqual([['Hamburg', 'DE', undefined], ['Marxheim', 'DE', undefined]]);
    // What cannot be read is reported with its line.
    expect(report.skipped).toEqual([
      { line: 46, reason: expect.stringContaining('VEVENT UID "nowhere@encre.example" ("Visite sans adresse"): no commune or departement: LOCATION: "Salle 3" has no postal code and commune') },
    ]);
    expect(formatImportReport(report)).toContain('6 events in 3 départements and 2 countries:');

    await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: [], sourceDateEpoch: EPOCH, cache: false });
    const text = async (f: string) => pageTexts(openPdf(await readFile(join(out, f))));
    const programme = await text('programme.pdf');
    const all = programme.join(' ');
    expect(all).toContain('6 événements dans 3 départements et 2 pays');
    // Sections: the départements in INSEE order, then the countries by name.
    const contents = programme.find((p) => /Sommaire/i.test(p)) ?? all;
    const order = ['Eure', 'Haute-Garonne', 'Morbihan', 'Allemagne', 'Suisse'].map((n) => contents.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(all).not.toContain('Haute-Corse');
    expect(all).not.toContain('Vienne');
    expect(all).toContain('Kulturhaus, Dammtorwall 15, Hamburg, Allemagne');
    expect(all).toContain('Avenue des Sports, Pont-Audemer');
    const page = programme.find((p) => p.includes('Rencontre franco-allemande'))!;
    expect(page).toContain('Allemagne');
    expect((await text('dossier-de-presse.pdf')).join(' ')).toContain('dans 3 départements et 2 pays');
    const affiche = (await text('affiche.pdf')).join(' ');
    expect(affiche).toContain('Allemagne');
    expect(affiche).toContain('Suisse');
    const flyer = (await text('flyer.pdf')).join(' ');
    expect(flyer).toContain('3 DÉPARTEMENTS 2 PAYS');
    expect(flyer).toContain('Rencontre franco-allemande Kulturhaus, Hamburg (Allemagne)');
  }, 60_000);
});
