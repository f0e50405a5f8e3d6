/**
 * Issue 14, point 8 (the smaller ones): empty template parts without stray separators, the
 * commune printed once, running heads with the period's years and never a word cut.
 */
import { describe, it, expect } from 'vitest';
import { fillTemplate } from '../src/import/mapping.js';
import { applyTransform, sentenceCase } from '../src/import/transforms.js';
import { endsWithName } from '../src/derive/model.js';
import { withYears } from '../src/documents/meta.js';
import { wholeWordsIn } from '../layouts/components/RunningHead.js';
import { advanceWidth } from '../src/render/fonts.js';
import { theme } from '../layouts/theme.js';

describe('the title transform', () => {
  it('gives a title in capitals French sentence case, proper nouns kept; a name keeps its name case', () => {
    expect(sentenceCase("UNE VIE DANS L'ART")).toBe("Une vie dans l'art");
    expect(sentenceCase('AU-DELA DES MERS')).toBe('Au-dela des mers');
    expect(sentenceCase('FESTIVAL DE JAZZ II')).toBe('Festival de jazz II');
    expect(sentenceCase('RENCONTRES DE SAINT-JEAN-DE-VEDAS')).toBe('Rencontres de Saint-Jean-de-Vedas');
    expect(sentenceCase('LES NUITS DU HERAULT')).toBe('Les nuits du Hérault');
    expect(sentenceCase('JAZZ A SETE', ['Sète'])).toBe('Jazz à Sète');
    expect(sentenceCase('Jazz à Sète', ['Sete'])).toBe('Jazz à Sète');
    expect(sentenceCase('BD ET CINEMA')).toBe('BD et cinema');
    expect(applyTransform('title', 'SAINT-JEAN-DE-VEDAS', 'commune')).toEqual({ ok: true, value: 'Saint-Jean-de-Vedas' });
    expect(applyTransform('title', 'LE VIGAN', 'commune')).toEqual({ ok: true, value: 'Le Vigan' });
  });
});

describe('templates', () => {
  it('leave no stray separator where a part is empty', () => {
    const cells: Record<string, string> = { Adresse: '12 rue des Arts', Complément: '', CP: '31000', Ville: 'Toulouse', Salle: '' };
    const fill = (t: string) => fillTemplate(t, (c) => cells[c] ?? '');
    expect(fill('{Adresse}, {Complément}, {CP} {Ville}')).toBe('12 rue des Arts, 31000 Toulouse');
    expect(fill('{Complément}, {Adresse}')).toBe('12 rue des Arts');
    expect(fill('{Adresse} ({Complément}) {Ville}')).toBe('12 rue des Arts Toulouse');
    expect(fill('{Adresse} – {Salle} – {Ville}')).toBe('12 rue des Arts – Toulouse');
    expect(fill('{Adresse}, {Salle}, {Complément}, {Ville}')).toBe('12 rue des Arts, Toulouse');
    // Nothing changes when every part is there.
    expect(fill('{Adresse}, {CP} {Ville}')).toBe('12 rue des Arts, 31000 Toulouse');
  });
});

describe('places', () => {
  it('name the commune once when the venue or address already ends with it', () => {
    expect(endsWithName('Théâtre Molière de Sète', 'Sète')).toBe(true);
    expect(endsWithName('1 quai Aspirant Herber, 34200 SETE', 'Sète')).toBe(true);
    expect(endsWithName('Salle Sétoise', 'Sète')).toBe(false);
    expect(endsWithName('Le Grand Saint-Jean', 'Jean')).toBe(true);
    expect(endsWithName('Maison de Villeneuve', 'Neuve')).toBe(false);
  });
});

describe('running heads', () => {
  it('give the years of the period, once', () => {
    expect(withYears("Mois de l'ESS", { start: '2016-11-01', end: '2016-11-30' })).toBe("Mois de l'ESS 2016");
    expect(withYears('Festivals en Occitanie', { start: '2018-01-01', end: '2025-12-31' })).toBe('Festivals en Occitanie 2018–2025');
    expect(withYears('Saison 2026-2027', { start: '2026-09-01', end: '2027-06-30' })).toBe('Saison 2026-2027');
  });

  it('end after a whole word, never inside one', () => {
    const face = { family: theme.fonts.family, weight: 600 };
    const long = 'Hauts-de-Seine et Seine-Saint-Denis et Val-de-Marne';
    const width = advanceWidth('HAUTS-DE-SEINE ET SEINE', face, 8);
    const cut = wholeWordsIn(long, face, 8, width, 0, true);
    expect(cut).toBe('Hauts-de-Seine et…');
    expect(wholeWordsIn('Hérault', face, 8, width, 0, true)).toBe('Hérault');
  });
});
