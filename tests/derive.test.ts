import { describe, expect, it } from 'vitest';
import { formatWhen, formatPeriod, formatNumber, formatEuros, formatCount, formatPercent } from '../src/derive/french.js';
import { frenchText } from '../src/derive/typography.js';
import { departementSortKey, DEPARTEMENT_CODES, isDepartementCode } from '../src/model/departements.js';
import { packSection, paddingToFour } from '../src/paginate/pack.js';
import { PreflightError } from '../src/model/errors.js';

const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');

describe('French dates and numbers', () => {
  it('formats a start as "mardi 15 novembre 2016, 14 h 30"', () => {
    expect(plain(formatWhen('2016-11-15 14:30'))).toBe('mardi 15 novembre 2016, 14 h 30');
    expect(plain(formatWhen('2016-11-01 09:00', '2016-11-01 17:15'))).toBe('mardi 1er novembre 2016, 9 h – 17 h 15');
    expect(plain(formatWhen('2016-11-05'))).toBe('samedi 5 novembre 2016');
    expect(plain(formatWhen('2016-11-19 10:00', '2016-11-20 18:00'))).toBe('du 19 au 20 novembre 2016');
    expect(plain(formatWhen('2019-06-28', '2019-07-02'))).toBe('du 28 juin au 2 juillet 2019');
  });
  it('keeps the date and the time together with no-break spaces', () => {
    expect(formatWhen('2016-11-15 14:30')).toBe('mardi 15\u00A0novembre\u00A02016, 14\u00A0h\u00A030');
  });
  it('formats periods, numbers, euros, counts and shares', () => {
    expect(plain(formatPeriod('2016-11-01', '2016-11-30'))).toBe('du 1er au 30 novembre 2016');
    expect(plain(formatPeriod('2016-10-03', '2016-11-02'))).toBe('du 3 octobre au 2 novembre 2016');
    expect(formatNumber(4000)).toBe('4\u202F000');
    expect(formatNumber(425)).toBe('425');
    expect(formatNumber(1234567)).toBe('1\u202F234\u202F567');
    expect(formatEuros(10000)).toBe('10\u202F000\u00A0€');
    expect(plain(formatCount(1, 'événement'))).toBe('1 événement');
    expect(plain(formatCount(75, 'événement'))).toBe('75 événements');
    expect(formatPercent(17 / 75)).toBe('23\u202F%');
  });
});

describe('French typography', () => {
  it('puts narrow no-break spaces before ; ! ? and inside « », a no-break space before :', () => {
    expect(frenchText('Venez ! Pourquoi ? Ainsi ; voilà : « Les Mains dans la terre »')).toBe(
      'Venez\u202F! Pourquoi\u202F? Ainsi\u202F; voilà\u00A0: «\u202FLes Mains dans la terre\u202F»',
    );
  });
  it('uses the typographic apostrophe but leaves URLs and e-mail addresses alone', () => {
    expect(frenchText("L'ESS, c'est https://example.org/l'a?b=1 ou presse@mois-ess.example")).toBe(
      'L’ESS, c’est https://example.org/l\'a?b=1 ou presse@mois-ess.example',
    );
  });
  it('does not double spaces already there and composes NFD accents', () => {
    expect(frenchText('e\u0301te\u0301  ?')).toBe('été\u202F?');
    expect(frenchText('à 14:30')).toBe('à 14:30');
  });
});

describe('départements', () => {
  it('sorts 2A and 2B between 19 and 21, overseas after 95', () => {
    const sorted = ['971', '2B', '21', '19', '2A', '01', '95'].sort((a, b) => departementSortKey(a) - departementSortKey(b));
    expect(sorted).toEqual(['01', '19', '2A', '2B', '21', '95', '971']);
    expect(DEPARTEMENT_CODES).toHaveLength(101);
    expect(isDepartementCode('2a')).toBe(false);
    expect(isDepartementCode('20')).toBe(false);
  });
});

describe('packing event cards into pages', () => {
  it('keeps cards whole, opens with the header and never leaves it alone', () => {
    const blocks = [100, 100, 100, 150, 50].map((height, i) => ({ id: `e${i}`, height }));
    expect(packSection(60, blocks, 400)).toEqual([[0, 1, 2], [3, 4]]);
  });
  it('fails, naming the event, when a card is taller than a page', () => {
    expect(() => packSection(60, [{ id: 'long-one', height: 500 }], 400)).toThrow(PreflightError);
    expect(() => packSection(60, [{ id: 'long-one', height: 500 }], 400)).toThrow(/long-one/);
  });
  it('pads to a multiple of 4', () => {
    expect([29, 30, 31, 32].map(paddingToFour)).toEqual([3, 2, 1, 0]);
  });
});
