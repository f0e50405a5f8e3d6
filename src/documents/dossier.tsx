import type { Model } from '../derive/model.js';
import { formatCount, formatDate, formatEuros, formatNumber, formatOrdinal, formatPercent } from '../derive/french.js';
import { frenchText } from '../derive/typography.js';
import { DossierDePresse, type DossierProps } from '../../layouts/dossier/DossierDePresse.js';
import { sectionInk } from '../../layouts/ink.js';
import type { PlacedPartner } from '../../layouts/components/PartnerStrip.js';
import { campaignLine, docMeta } from './meta.js';

/**
 * The dossier de presse's props: the communiqué written from the data, key figures, the
 * events per département, the share co-organised by the chamber, the print run, the prize.
 */
export function dossierProps(model: Model, partners: PlacedPartner[]): DossierProps {
  const c = model.campaign;
  const n = model.events.length;
  const communes = new Set(model.events.map((e) => e.commune)).size;
  const co = model.events.filter((e) => e.coOrganised).length;
  const share = co / Math.max(n, 1);
  const conf = c.communication?.pressConference;
  // The name with its article (campaign.yaml `article`): « le Mois… », « de la Semaine… ».
  const the = withArticle(c.article, model.title);
  const of = ofArticle(c.article, model.title);
  const edition = c.edition ? `la ${model.editionLabel} ${of}` : the;
  const prize = c.prize;
  return {
    meta: docMeta(model, 'Dossier de presse'),
    title: model.title,
    edition: model.editionLabel,
    region: model.regionLine,
    period: model.periodLabel,
    footer: `${campaignLine(model)} · Dossier de presse`,
    organisationHeading: frenchText(`Qui fait ${the} ?`),
    pressConference: conf ? frenchText(`Conférence de presse de lancement : ${formatDate(conf.date)}, ${conf.commune}${conf.venue ? ` (${conf.venue})` : ''}`) : undefined,
    contact: c.pressContact ? [c.pressContact.name, c.pressContact.email, c.pressContact.phone, c.pressContact.address].filter((x): x is string => Boolean(x)) : [c.organiser.name],
    communique: {
      lead: frenchText(`${formatCount(n, 'événement')} ${model.periodLabel} en ${c.region}`),
      paragraphs: [
        frenchText(
          // The départements named one by one as on the chart (a national campaign's 99 would
          // fill the page); the chamber's share only when it organises some.
          `${model.periodLabel.replace(/^du/, 'Du')}, ${edition} ${c.edition || c.article !== 'les' ? 'réunit' : 'réunissent'} ${formatCount(n, 'événement')} dans ${formatCount(model.departements.length, 'département')}${model.departements.length <= CHARTED ? ` : ${model.departements.map((d) => `${d.name} (${d.count})`).join(', ')}` : ''}.${co > 0 ? ` Parmi eux, ${formatCount(co, 'est organisé ou co-organisé', 'sont organisés ou co-organisés')} par la chambre régionale, soit ${formatPercent(share)}.` : ''}`,
        ),
        ...c.introduction,
      ],
    },
    objectives: c.objectives,
    organisation: c.organisation
      ? [
          { heading: c.organisation.regionalCommittee.name, text: c.organisation.regionalCommittee.description },
          { heading: frenchText(`${formatCount(c.organisation.territorialCommittees.count, 'comité territorial', 'comités territoriaux')}`), text: c.organisation.territorialCommittees.description },
        ]
      : [],
    actions: c.communication?.actions ?? [],
    organiser: { name: c.organiser.name, lines: [c.organiser.address, c.organiser.website?.replace(/^https?:\/\//, '')].filter((x): x is string => Boolean(x)) },
    figures: [
      { value: formatNumber(n), label: n >= 2 ? 'événements' : 'événement' },
      { value: formatNumber(model.departements.length), label: model.departements.length >= 2 ? 'départements' : 'département' },
      { value: formatNumber(communes), label: communes >= 2 ? 'communes' : 'commune' },
    ],
    // A region has 13 départements at most (Occitanie): more is a campaign across regions.
    figuresHeading: `Une mobilisation ${model.departements.length === 1 ? 'dans tout le département' : model.departements.length <= 13 ? 'dans toute la région' : 'sur tout le territoire'}`,
    ...chart(model),
    share: co > 0 ? { ratio: share, value: formatPercent(share), label: frenchText(`des événements (${co} sur ${n}) organisés ou co-organisés par la chambre régionale de l’ESS`) } : undefined,
    printRun: c.printRun
      ? [
          { value: formatNumber(c.printRun.affiche), label: 'affiches' },
          { value: formatNumber(c.printRun.programme), label: 'programmes' },
          { value: formatNumber(c.printRun.tract), label: 'tracts' },
          { value: formatNumber(c.printRun.dossierDePresse), label: 'dossiers de presse' },
        ]
      : [],
    prize: prize
      ? {
          name: prize.name,
          intro: frenchText(
            `${prize.edition ? `Pour la ${formatOrdinal(prize.edition)} année, ` : ''}${formatCount(prize.categories.length, 'prix est décerné', 'prix sont décernés')} lors du lancement ${of}.${prize.objectives.length ? ` Objectifs : ${prize.objectives.map((o) => o.replace(/[.,;]$/, '')).join(' ; ').replace(/^./, (ch) => ch.toLowerCase())}.` : ''}`,
          ),
          categories: prize.categories.map((k) => ({ name: k.name, amount: formatEuros(k.amount) })),
          benefits: prize.benefits,
          applications: prize.applications
            ? [
                { value: formatNumber(prize.applications.national), label: 'candidatures en France' },
                { value: formatNumber(prize.applications.regional), label: `en ${c.region}` },
                { value: formatNumber(prize.preselected.length), label: 'présélectionnées' },
              ]
            : [],
          preselected: prize.preselected.map((e) => ({ name: e.name, detail: [e.kind, e.commune].filter(Boolean).join(' — ') })),
          outcome: prize.outcome,
        }
      : undefined,
    partners,
  };
}

/** « le Mois de l’ESS », « la Semaine du vélo », « les Festivals… », « l’Été solidaire ». */
function withArticle(article: 'le' | 'la' | 'les' | 'l’', name: string): string {
  return article === 'l’' ? `l’${name}` : `${article} ${name}`;
}

/** « du Mois de l’ESS », « de la Semaine du vélo », « des Festivals… », « de l’Été solidaire ». */
function ofArticle(article: 'le' | 'la' | 'les' | 'l’', name: string): string {
  return { le: `du ${name}`, la: `de la ${name}`, les: `des ${name}`, 'l’': `de l’${name}` }[article];
}

/** Départements charted one by one at most: a page holds 24 bars beside its key figures. */
const CHARTED = 24;
/** A national campaign charts its most active départements, this many. */
const CHARTED_TOP = 20;

/**
 * The bar chart of events per département, in programme order; beyond {@link CHARTED}
 * départements, the {@link CHARTED_TOP} with the most events (the others summed in a note).
 */
function chart(model: Model): Pick<DossierProps, 'bars' | 'barsHeading' | 'barsNote'> {
  const all = model.departements;
  const shown = all.length <= CHARTED ? all : [...all].sort((a, b) => b.count - a.count).slice(0, CHARTED_TOP);
  const others = all.filter((d) => !shown.includes(d));
  return {
    bars: shown.map((d) => ({ label: d.name, value: d.count, valueLabel: formatNumber(d.count), colour: sectionInk(d.colour) })),
    barsHeading: others.length === 0 ? 'Événements par département' : `Les ${shown.length} départements qui comptent le plus d’événements`,
    barsNote: others.length === 0 ? undefined : `et ${formatCount(others.length, 'autre département', 'autres départements')} : ${formatCount(others.reduce((sum, d) => sum + d.count, 0), 'événement')}`,
  };
}

/**
 * The dossier de presse as a react-pdf document element, and its planned page count: the
 * cover, the communiqué, the key figures, the organisation, and the prize when there is one.
 */
export function dossierElement(model: Model, partners: PlacedPartner[]) {
  const props = dossierProps(model, partners);
  return { element: <DossierDePresse {...props} />, planned: props.prize ? 5 : 4 };
}
