import { describe, expect, it } from 'vitest';
import { formatWhen, formatPeriod, formatNumber, formatEuros, formatCount, formatPercent, formatOrdinal } from '../src/derive/french.js';
import { frenchText } from '../src/derive/typography.js';
import { departementSortKey, DEPARTEMENT_CODES, isDepartementCode } from '../src/model/departements.js';
import { FlowPacker, WINDOW_PAGES, paddingToFour, toRows, type FlowSection, type PackOptions } from '../src/paginate/pack.js';
import { PreflightError } from '../src/model/errors.js';
import { ROOT } from './helpers/sample.js';

const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');

describe('French dates and numbers', () => {
  it('formats a start as "mardi 15 novembre 2016, 14 h 30"', () => {
    expect(plain(formatWhen('2016-11-15 14:30'))).toBe('mardi 15 novembre 2016, 14 h 30');
    expect(plain(formatWhen('2016-11-01 09:00', '2016-11-01 17:15'))).toBe('mardi 1ᵉʳ novembre 2016, 9 h – 17 h 15');
    expect(plain(formatWhen('2016-11-05'))).toBe('samedi 5 novembre 2016');
    expect(plain(formatWhen('2016-11-19 10:00', '2016-11-20 18:00'))).toBe('les 19 et 20 novembre 2016');
    expect(plain(formatWhen('2016-11-19', '2016-11-21'))).toBe('du 19 au 21 novembre 2016');
    expect(plain(formatWhen('2016-10-31', '2016-11-01'))).toBe('du 31 octobre au 1ᵉʳ novembre 2016');
    expect(plain(formatWhen('2016-11-01', '2016-11-02'))).toBe('les 1ᵉʳ et 2 novembre 2016');
    expect(plain(formatWhen('2019-06-28', '2019-07-02'))).toBe('du 28 juin au 2 juillet 2019');
  });
  it('keeps the date and the time together with no-break spaces', () => {
    expect(formatWhen('2016-11-15 14:30')).toBe('mardi 15\u00A0novembre\u00A02016, 14\u00A0h\u00A030');
  });
  it('formats periods, numbers, euros, counts and shares', () => {
    expect(plain(formatPeriod('2016-11-01', '2016-11-30'))).toBe('du 1ᵉʳ au 30 novembre 2016');
    expect(plain(formatPeriod('2016-10-03', '2016-11-02'))).toBe('du 3 octobre au 2 novembre 2016');
    expect(formatNumber(4000)).toBe('4\u202F000');
    expect(formatNumber(425)).toBe('425');
    expect(formatNumber(1234567)).toBe('1\u202F234\u202F567');
    expect(formatEuros(10000)).toBe('10\u202F000\u00A0€');
    expect(plain(formatCount(1, 'événement'))).toBe('1 événement');
    expect(plain(formatCount(75, 'événement'))).toBe('75 événements');
    expect(formatPercent(17 / 75)).toBe('23\u202F%');
    expect(formatOrdinal(10)).toBe('10ᵉ');
    expect(formatOrdinal(1)).toBe('1ʳᵉ');
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
  it('groups thousands, but not years or postal codes', () => {
    expect(frenchText('12500 visiteurs en 2016, 1500 € et 1500 euros, 34000 Montpellier')).toBe(
      // A count stays with its noun (« 500 visiteurs »), a year does not.
      '12\u202F500\u00A0visiteurs en 2016, 1\u202F500\u00A0€ et 1\u202F500\u00A0euros, 34000 Montpellier',
    );
  });
  it('writes ordinals with superscript letters, as encre writes its dates, but not a price nor inside an address', () => {
    expect(frenchText('Le 1er novembre, la 1ère fois, la 1re rencontre')).toBe('Le 1ᵉʳ\u00A0novembre, la 1ʳᵉ fois, la 1ʳᵉ rencontre');
    expect(frenchText('La 3e édition, le 20e anniversaire, au 21e siècle, le 2ème forum, le 10eme salon')).toBe('La 3ᵉ édition, le 20ᵉ anniversaire, au 21ᵉ siècle, le 2ᵉ forum, le 10ᵉ salon');
    expect(frenchText('Tarif : 12e, 1,5e le verre, 11er, A1er, https://x.fr/1er et www.1er.example')).toBe('Tarif\u00A0: 12e, 1,5e le verre, 11er, A1er, https://x.fr/1er et www.1er.example');
    expect(frenchText(frenchText('le 1er et la 3e édition'))).toBe(frenchText('le 1er et la 3e édition'));
  });
  it('leaves every address as typed (any scheme, bare domains, mailto:) and no space before a colon glued to one', () => {
    expect(frenchText('festival-2eme-edition.fr et 1er-mai-solidaire.org/1er, HTTPS://FETE.FR/1er-mai, mailto:a@b.fr')).toBe('festival-2eme-edition.fr et 1er-mai-solidaire.org/1er, HTTPS://FETE.FR/1er-mai, mailto:a@b.fr');
    expect(frenchText('Infos:https://ex.fr')).toBe('Infos:https://ex.fr');
    expect(frenchText('Infos : https://ex.fr')).toBe('Infos\u00A0: https://ex.fr');
  });
  it('does not group the digits of codes: telephone numbers, postal codes, references', () => {
    expect(frenchText('0467123456, ESS20160, Montpellier 34000, (34000), BP 12345, 12500 visiteurs')).toBe('0467123456, ESS20160, Montpellier 34000, (34000), BP 12345, 12\u202F500\u00A0visiteurs');
  });
  it('reads capitalised nouns after an ordinal, « 1ere » without its accent, and a price before « places »', () => {
    expect(frenchText('15e Festival des Solidarités, 3e Édition, 1ere fois, tarif 8e places limitées')).toBe('15ᵉ Festival des Solidarités, 3ᵉ Édition, 1ʳᵉ fois, tarif 8e places limitées');
  });
  it('keeps a day with its month', () => {
    expect(frenchText('du 1er au 30 novembre, le 2 mai et le 31 décembre, 32 mars, 2 maisons')).toBe('du 1ᵉʳ au 30\u00A0novembre, le 2\u00A0mai et le 31\u00A0décembre, 32\u00A0mars, 2\u00A0maisons');
  });
  it('has no placeholder that text could forge', () => {
    expect(frenchText('a \u00000\u0000 b https://x.fr/p')).toBe('a \u00000\u0000 b https://x.fr/p');
  });
  it('keeps the no-break spaces of formatted dates and numbers', () => {
    expect(frenchText('17\u00A0événements  le 4\u202F000 ')).toBe('17\u00A0événements le 4\u202F000');
    expect(frenchText('Quoi\u00A0?')).toBe('Quoi\u202F?');
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
  const rows = (...heights: number[]) => heights.map((height, i) => ({ id: `e${i}`, height }));
  const opts = { gapBefore: 20, sectionStartsPage: false };
  /** Whole sections given to a FlowPacker row by row, as the programme does while measuring. */
  const packFlow = (sections: FlowSection[], height: number, o: PackOptions) => {
    const packer = new FlowPacker(height, o);
    sections.forEach((s, si) => s.rows.forEach((r, ri) => packer.add(si, ri === 0 ? s.header : undefined, r)));
    packer.finish();
    return packer.take();
  };

  it('keeps rows whole and lets a section follow the previous one on the same page', () => {
    const pages = packFlow([{ header: 60, rows: rows(100, 100, 100) }, { header: 60, rows: rows(50, 150) }], 400, opts);
    // The last page counts its whole blank foot (src/paginate/pack.ts): the first page gives it
    // a row, and the second section follows the first's last row on that page.
    expect(pages).toEqual([
      [{ section: 0, opens: true, rows: [0, 1] }],
      [{ section: 0, opens: false, rows: [2] }, { section: 1, opens: true, rows: [0, 1] }],
    ]);
    const roomy = packFlow([{ header: 60, rows: rows(100, 100) }, { header: 60, rows: rows(50, 150) }], 400, opts);
    // Two pages either way: the even one (260 and 260 of 400) rather than 390 and 150.
    expect(roomy).toEqual([
      [{ section: 0, opens: true, rows: [0, 1] }],
      [{ section: 1, opens: true, rows: [0, 1] }],
    ]);
  });
  it('never leaves a header alone at a page foot', () => {
    // 60 + 300 used; header (20 + 60) would fit, but not with its first row.
    const pages = packFlow([{ header: 60, rows: rows(300) }, { header: 60, rows: rows(100) }], 450, opts);
    expect(pages).toEqual([[{ section: 0, opens: true, rows: [0] }], [{ section: 1, opens: true, rows: [0] }]]);
  });
  it('opens each section on a new page when asked', () => {
    const pages = packFlow([{ header: 60, rows: rows(10) }, { header: 60, rows: rows(10) }], 400, { ...opts, sectionStartsPage: true });
    expect(pages).toHaveLength(2);
  });
  it('fails, naming the event, when a card is taller than a page', () => {
    const tall = [{ header: 60, rows: [{ id: 'short', height: 10 }, { id: 'long-one', height: 500 }] }];
    expect(() => packFlow(tall, 400, opts)).toThrow(PreflightError);
    expect(() => packFlow(tall, 400, opts)).toThrow(/long-one/);
  });
  it('gives the pages as they settle, a window at a time, the last one when the rows end', () => {
    const packer = new FlowPacker(400, opts);
    packer.add(0, 60, { id: 'a', height: 200 });
    packer.add(0, undefined, { id: 'b', height: 100 });
    packer.add(0, undefined, { id: 'c', height: 100 });
    expect(packer.take(), 'held while the window is open').toEqual([]);
    // 2 rows a page: past WINDOW_PAGES pages, all but the last settle.
    for (let i = 0; i < 2 * WINDOW_PAGES; i++) packer.add(0, undefined, { id: `r${i}`, height: 190 });
    const settled = packer.take();
    expect(settled.length).toBeGreaterThanOrEqual(WINDOW_PAGES - 1);
    expect(settled[0]).toEqual([{ section: 0, opens: true, rows: [0, 1] }]);
    expect(packer.take()).toEqual([]);
    packer.finish();
    const rest = packer.take();
    expect(rest.length).toBeGreaterThan(0);
    const rows = [...settled, ...rest].flatMap((p) => p.flatMap((seg) => seg.rows));
    expect(rows, 'every row once, in order').toEqual(Array.from({ length: 3 + 2 * WINDOW_PAGES }, (_, i) => i));
    expect(() => packer.add(1, undefined, { id: 'd', height: 10 })).toThrow(/without its header/);
  });
  it('shares the space left over between the pages instead of leaving it all at one foot', () => {
    // First fit: [100 100 40] [150] [150]: blank feet of 10 and 100 pt. Balanced, in as few
    // pages: [100 100] [40 150] [150]: 50 and 60 pt.
    const pages = packFlow([{ header: 0, rows: rows(100, 100, 40, 150, 150) }], 250, opts);
    expect(pages.map((p) => p.flatMap((seg) => seg.rows))).toEqual([[0, 1], [2, 3], [4]]);
  });
  it('marks which pages are to be filled: not the last, nor one before a section that opens a page', () => {
    const packer = new FlowPacker(200, { ...opts, sectionStartsPage: true });
    [[0, 60, 100], [0, undefined, 100], [1, 60, 50]].forEach(([s, h, r], i) => packer.add(s as number, h as number | undefined, { id: `e${i}`, height: r as number }));
    packer.finish();
    expect(packer.takePages().map((p) => p.fill)).toEqual([true, false, false]);
  });
  it('groups cards into rows as tall as their tallest card', () => {
    expect(toRows(rows(10, 30, 20), 2).map((r) => [r.blocks, r.row.height])).toEqual([[[0, 1], 30], [[2], 20]]);
  });
  it('pads to a multiple of 4', () => {
    expect([29, 30, 31, 32].map(paddingToFour)).toEqual([3, 2, 1, 0]);
  });
});

describe('index page lists', () => {
  it('writes runs of three or more pages as ranges', async () => {
    const { pageRanges } = await import('../src/paginate/programme.js');
    expect(pageRanges([4, 5, 6, 9, 11, 12])).toBe('4–6, 9, 11, 12');
    expect(pageRanges([3])).toBe('3');
  });
});

describe('the tract’s default highlights', () => {
  it('spread over the départements and through each one’s dates, not the first days of the first', async () => {
    const { loadContent } = await import('../src/load/content.js');
    const { fileEnv } = await import('../src/load/env.js');
    const { deriveModel } = await import('../src/derive/model.js');
    const { spreadHighlights } = await import('../src/documents/flyer.js');
    const model = deriveModel(await loadContent(fileEnv(ROOT, '1476748800'), 'content'), new Date(1476748800000));
    const picks = spreadHighlights(model, 6);
    expect(picks).toHaveLength(6);
    expect(new Set(picks.map((e) => e.id)).size).toBe(6);
    // Five départements: each gives one, the first (in programme order) a second.
    expect(picks.map((e) => e.departement)).toEqual(['11', '11', '30', '34', '48', '66']);
    expect(picks.every((e) => e.start)).toBe(true);
    // The Aude's two are spaced through its events (a quarter and three quarters in).
    const aude = model.sections[0]!.events.filter((e) => e.start);
    expect(picks.slice(0, 2).map((e) => aude.indexOf(e))).toEqual([Math.floor(aude.length / 4), Math.floor((3 * aude.length) / 4)]);
  });
});
