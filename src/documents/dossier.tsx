import { areaCounts, hasGeography, type Model } from '../derive/model.js';
import { nameArticle, formatAreas, formatCount, formatDate, formatEuros, formatNumber, formatOrdinal, formatPercent } from '../derive/french.js';
import { frenchText } from '../derive/typography.js';
import { DossierDePresse, Moment, momentColumn, momentRows, momentsInOrder, momentsSection, pressSections, type DossierProps, type PressPlan, type PressSection } from '../../layouts/dossier/DossierDePresse.js';
import { SectionHead } from '../../layouts/dossier/PressPage.js';
import { frames, textArea } from '../../layouts/frames.js';
import { measureBlocks } from '../paginate/measure.js';
import { mm } from '../units.js';
import { areaFigures, communeFigure, highlightOf, rankedHighlights } from './flyer.js';
import type { Highlight } from '../../layouts/flyer/Flyer.js';
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
  const communes = new Set(model.events.flatMap((e) => (e.commune ? [e.commune] : []))).size;
  const co = model.events.filter((e) => e.coOrganised).length;
  const share = co / Math.max(n, 1);
  const conf = c.communication?.pressConference;
  // The name with its article (campaign.yaml `article`): « le Mois… », « de la Semaine… ».
  const article = c.article ?? nameArticle(c.name);
  const the = withArticle(article, model.title);
  const of = ofArticle(article, model.title);
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
          `${model.periodLabel.replace(/^du/, 'Du')}, ${edition} ${c.edition || article !== 'les' ? 'réunit' : 'réunissent'} ${formatCount(n, 'événement')}${hasGeography(model) ? ` dans ${formatAreas(areaCounts(model).departements, areaCounts(model).countries)}${model.departements.length <= CHARTED ? ` : ${model.departements.map((d) => `${d.name}\u00a0(${d.count})`).join(', ')}` : ''}` : ''}.${co > 0 ? ` Parmi eux, ${formatCount(co, 'est organisé ou co-organisé', 'sont organisés ou co-organisés')} par la chambre régionale, soit ${formatPercent(share)}.` : ''}`,
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
      ...areaFigures(model),
      ...communeFigure(communes),
    ],
    // A region has 13 départements at most (Occitanie): more is a campaign across regions.
    figuresHeading: !hasGeography(model) ? 'Le programme en chiffres' : `Une mobilisation ${areaCounts(model).countries > 0 ? 'en France et au-delà' : model.departements.length === 1 ? 'dans tout le département' : model.departements.length <= 13 ? 'dans toute la région' : 'sur tout le territoire'}`,
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
    moments: rankedHighlights(model, MOMENTS).map(highlightOf),
  };
}

/** Events offered to the « Temps forts » chapter at most: two pages of them. */
const MOMENTS = 80;

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
  // No place in the campaign (a conference's rooms only): no chart.
  const all = hasGeography(model) ? model.departements : [];
  const shown = all.length <= CHARTED ? all : [...all].sort((a, b) => b.count - a.count).slice(0, CHARTED_TOP);
  const others = all.filter((d) => !shown.includes(d));
  return {
    bars: shown.map((d) => ({ label: d.name, value: d.count, valueLabel: formatNumber(d.count), colour: sectionInk(d.colour) })),
    barsHeading: others.length === 0 ? (all.some((d) => d.kind === 'country') ? 'Événements par département et par pays' : 'Événements par département') : `Les ${shown.length} départements qui comptent le plus d’événements`,
    barsNote: others.length === 0 ? undefined : `et ${formatCount(others.length, 'autre département', 'autres départements')} : ${formatCount(others.reduce((sum, d) => sum + d.count, 0), 'événement')}`,
  };
}

/** A chapter's measured heights, pt: its head (kicker and heading, with the space above a chapter opening mid-page) and each block. */
export interface MeasuredSection {
  head: number;
  blocks: number[];
}

/**
 * Places the chapters' blocks on pages of `capacity` pt, in order, each block whole: a page
 * takes blocks while they fit; a chapter opens on the page in progress when its head and
 * its first block fit there (chapters share a page when they are short), else on the next —
 * or always on a new page when `newPage[i]` is true for chapter i.
 * @returns for each page, its runs of blocks (see PressPlan) and the height it fills, pt; a
 *   block taller than a page gets a page to itself (the layout preflight then reports it).
 */
export function composePress(sections: MeasuredSection[], capacity: number, newPage: boolean[] = []): { plan: PressPlan; used: number[] } {
  const pages: PressPlan = [];
  const heights: number[] = [];
  let page: PressPlan[number] = [];
  let used = 0;
  const turn = () => {
    pages.push(page);
    heights.push(used);
    page = [];
    used = 0;
  };
  sections.forEach((s, si) => {
    if (page.length > 0 && newPage[si]) turn();
    s.blocks.forEach((h, bi) => {
      const need = (bi === 0 ? s.head : 0) + h;
      if (page.length > 0 && used + need > capacity) turn();
      const last = page[page.length - 1];
      if (!last || last.section !== si) page.push({ section: si, head: bi === 0, blocks: [bi] });
      else last.blocks.push(bi);
      used += need;
    });
  });
  if (page.length > 0) turn();
  return { plan: pages, used: heights };
}

/** Whether a page carries a single row of chapter `section` when the chapter has more rows. */
function loneRow(plan: PressPlan, section: number): boolean {
  const runs = plan.flatMap((page) => page.filter((r) => r.section === section));
  return runs.length > 1 && runs.some((r) => r.blocks.length === 1);
}

/**
 * A page is full when its blocks take this share of its height (the rest is the white at
 * the foot of a page whose next block did not fit).
 */
const FULL = 0.85;
/** What cutting a chapter across two pages costs, in percent of a page left empty. */
const CUT = 5;

/**
 * How a composition reads, lower is better: each page's height left empty below {@link FULL}
 * (in percent of the page), and {@link CUT} for each chapter cut across pages (the last,
 * « Temps forts », a list, excepted): chapters open on a page of their own unless that
 * leaves pages emptier.
 */
function compositionCost(c: { plan: PressPlan; used: number[] }, capacity: number, last: number): number {
  const thin = c.used.reduce((sum, u) => sum + Math.max(0, FULL - u / capacity), 0);
  const pagesOf = new Map<number, number>();
  c.plan.forEach((runs) => runs.forEach((r) => pagesOf.set(r.section, (pagesOf.get(r.section) ?? 0) + 1)));
  const cut = [...pagesOf].filter(([section, n]) => section !== last && n > 1).length;
  return thin * 100 + CUT * cut;
}

/**
 * How many pages the chapters take after the cover: an odd count, so that the dossier (the
 * cover and these pages) has an even one for recto-verso printing and stapling — at least 3
 * (a 4-page dossier); fewer, down to the pages the chapters need, only when the campaign has
 * too few events to fill more.
 * @param fixed pages the chapters without « Temps forts » take; `most` with every moment offered.
 */
export function pressPageCount(fixed: number, most: number): number {
  const odd = (n: number) => (n % 2 === 1 ? n : n + 1);
  const wanted = odd(Math.max(fixed, 3));
  if (most >= wanted) return wanted;
  // Too few events to fill the pages wanted: the largest odd count they fill.
  const filled = most % 2 === 1 ? most : most - 1;
  return filled >= fixed ? filled : odd(fixed);
}

/** Room left at the foot of a page for the rounding of react-pdf's layout, pt. */
const PAGE_SLACK = 2;

/**
 * Composes the dossier's pages from the measured heights of its blocks (react-pdf's own
 * layout, src/paginate/measure.tsx): the chapters flow onto the pages
 * ({@link composePress}), and the « Temps forts » chapter, put where it fills the pages best,
 * takes as many of the campaign's events as fill them — the page count kept even
 * ({@link pressPageCount}). Body text keeps the theme's sizes; nothing is dropped.
 * @returns the chapters (with the moments chosen) and the plan of the pages after the cover.
 */
export async function composeDossier(props: DossierProps): Promise<{ sections: PressSection[]; plan: PressPlan }> {
  const area = textArea(frames['dossier-de-presse']);
  const width = mm(area.width);
  const capacity = mm(area.height) - PAGE_SLACK;
  const base = pressSections(props);
  const moments = momentsSection(props, 0);
  // Headings and moments (props of plain data) are taken from the measurement cache when the
  // print file measured them (and in the preview, when an edit left them as they were); the
  // chapters' blocks, which hold elements, are measured each time.
  const heads = await measureBlocks([...base, moments].map((s, i) => <SectionHead key={i} kicker={s.kicker} heading={s.heading} />), width, true);
  const blocks = await measureBlocks(base.flatMap((s) => s.blocks), width);
  const items = props.moments.length > 0 ? await measureBlocks(props.moments.map((h) => <Moment key={h.id} h={h} />), mm(momentColumn()), true) : [];
  const itemHeight = new Map(props.moments.map((h, i) => [h.id, items[i]!.height]));
  let next = 0;
  const measured: MeasuredSection[] = base.map((s, i) => ({ head: heads[i]!.height, blocks: s.blocks.map(() => blocks[next++]!.height) }));
  // The « Temps forts » chapter (`count` moments, two to a row) goes in after chapter `at`.
  const withMoments = <T,>(list: T[], chapter: T, count: number, at: number): T[] => (count === 0 ? list : [...list.slice(0, at), chapter, ...list.slice(at)]);
  // Rows of two moments read down the columns of each page (`pages`: the rows of each);
  // without `pages`, as a first estimate, rows of two moments in date order.
  const rowsOf = (count: number, pages?: number[]): MeasuredSection => {
    const shown = momentsInOrder(props.moments, count);
    const pairs = pages ? momentRows(shown, pages) : Array.from({ length: Math.ceil(shown.length / 2) }, (_, i): [Highlight, Highlight | undefined] => [shown[2 * i]!, shown[2 * i + 1]]);
    return { head: heads[base.length]!.height, blocks: pairs.map(([a, b]) => Math.max(itemHeight.get(a.id)!, b ? itemHeight.get(b.id)! : 0)) };
  };
  const composeRows = (count: number, at: number, newPage: boolean[], pages?: number[]) => composePress(withMoments(measured, rowsOf(count, pages), count, at), capacity, newPage);
  // The rows each page carries of the moments (chapter `at`), then the same pages with the
  // moments read down their columns (re-paired, their rows' heights change): as long as the
  // pairing moves a row to another page, again (a few rounds at most).
  const compose = (count: number, at: number, newPage: boolean[] = []) => {
    let composed = composeRows(count, at, newPage);
    for (let round = 0; count > 0 && round < 4; round++) {
      const pages = composed.plan.flatMap((runs) => runs.filter((r) => r.section === at).map((r) => r.blocks.length));
      const again = composeRows(count, at, newPage, pages);
      const same = again.plan.flatMap((runs) => runs.filter((r) => r.section === at).map((r) => r.blocks.length)).join() === pages.join();
      composed = again;
      if (same) return { ...again, pages };
    }
    return { ...composed, pages: composed.plan.flatMap((runs) => runs.filter((r) => r.section === at).map((r) => r.blocks.length)) };
  };
  const pages = pressPageCount(compose(0, base.length).plan.length, compose(props.moments.length, base.length).plan.length);
  // Every place for « Temps forts » (after any chapter but the communiqué) and every way of
  // opening the chapters (on a new page, or on the page in progress), each with as many
  // moments as its pages hold (a chapter of one event is none): the one that reads best, the
  // moments put before a chapter costing as much as a chapter cut (they close the dossier).
  const chapters = base.length + (props.moments.length > 0 ? 1 : 0);
  let best: { cost: number; count: number; at: number; newPage: boolean[] } | undefined;
  for (let at = Math.min(1, base.length); at <= base.length; at++) {
    for (let mask = 0; mask < 2 ** Math.max(0, chapters - 1); mask++) {
      const newPage = [false, ...Array.from({ length: chapters - 1 }, (_, i) => (mask & (1 << i)) !== 0)];
      if (compose(0, at, newPage).plan.length > pages) continue;
      let count = 0;
      while (count < props.moments.length && compose(count + 1, at, newPage).plan.length <= pages) count++;
      // No row of moments carried over alone to a page (one event at the head of a page,
      // away from its chapter): fewer moments, until the chapter's rows keep together.
      while (count > 2 && loneRow(compose(count, at, newPage).plan, at)) count--;
      if (count === 1) count = 0;
      // Without moments, only the chapters' own openings count (the masks differ in the moments' only).
      const composed = compose(count, at, count > 0 ? newPage : newPage.filter((_, i) => i !== at));
      const cost = compositionCost(composed, capacity, count > 0 ? at : -1) + (count > 0 ? CUT * (base.length - at) : 0) + (composed.plan.length === pages ? 0 : 1000);
      if (!best || cost < best.cost) best = { cost, count, at, newPage: count > 0 ? newPage : newPage.filter((_, i) => i !== at) };
    }
  }
  const { count, at, newPage } = best ?? { count: 0, at: base.length, newPage: [] };
  const final = compose(count, at, newPage);
  return { sections: withMoments(base, momentsSection(props, count, final.pages), count, at), plan: final.plan };
}

/**
 * The dossier de presse as a react-pdf document element, and its planned page count: the
 * cover and the pages composed by {@link composeDossier}.
 */
export async function dossierElement(model: Model, partners: PlacedPartner[]) {
  const props = dossierProps(model, partners);
  const { sections, plan } = await composeDossier(props);
  return { element: <DossierDePresse props={props} sections={sections} plan={plan} />, planned: 1 + plan.length };
}
