import type { Model } from '../derive/model.js';
import type { DocMeta } from './programme-props.js';

/**
 * The PDF Info of a document: title, author (the organiser), subject, keywords, and both
 * dates set to the build date (SOURCE_DATE_EPOCH or the campaign start) so builds repeat
 * byte for byte.
 */
export function docMeta(model: Model, documentTitle: string): DocMeta {
  const c = model.campaign;
  return {
    title: `${withYears(model.title, c.period)} — ${c.region} — ${documentTitle}`,
    author: c.organiser.name,
    subject: `${documentTitle}, ${model.periodLabel}`,
    keywords: [model.title, c.region, String(model.year), documentTitle].join(', '),
    creator: 'encre',
    producer: 'encre (react-pdf, pdf-lib)',
    creationDate: model.buildDate,
    modificationDate: model.buildDate,
    language: 'fr-FR',
  };
}

/**
 * The campaign as running heads and footers name it: « Mois de l’ESS 2016 · Languedoc-Roussillon »,
 * the region left out when the name already says it (« Festivals en Occitanie 2019 »).
 */
export function campaignLine(model: Model): string {
  const { region } = model.campaign;
  const named = model.title.toLocaleLowerCase('fr').includes(region.toLocaleLowerCase('fr'));
  return `${withYears(model.title, model.campaign.period)}${named ? '' : ` · ${region}`}`;
}

/**
 * « Name 2016 », the years of the period after the name: « 2018–2025 » for a campaign across
 * years (en dash); none when the name already gives them (« Saison 2026-2027 »).
 */
export function withYears(name: string, period: { start: string; end: string }): string {
  const [a, b] = [period.start.slice(0, 4), period.end.slice(0, 4)];
  const years = a === b ? a : `${a}–${b}`;
  if (name.includes(a) || name.includes(b)) return name;
  return `${name} ${years}`;
}
