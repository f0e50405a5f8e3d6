import { areaCounts, type Model } from '../derive/model.js';
import { formatAreas, formatCount, formatNumber } from '../derive/french.js';
import { Programme } from '../../layouts/programme/Programme.js';
import type { PlacedPartner } from '../../layouts/components/PartnerStrip.js';
import { chooseColumns, finishPlan, frontPages, planColumns, planVariant, sectionCount, type DrawPages } from '../paginate/programme.js';
import { copyfit, type Copyfit } from '../paginate/copyfit.js';
import { SCREEN } from '../model/printer.js';
import { theme, withTheme } from '../../layouts/theme.js';
import { eventsOn, type ProgrammePlan } from '../paginate/plan.js';
import type { PageSink } from '../render/render.js';
import type { ProgrammeProps } from './programme-props.js';
import { campaignLine, docMeta } from './meta.js';
import { frenchText } from '../derive/typography.js';
import { areaFigures, communeFigure } from './flyer.js';

/**
 * An édito of at most this many characters (paragraphs and objectives) leaves room on its
 * page for the campaign in figures (the sample's 1 340 leave a quarter of the page empty).
 */
const SHORT_EDITO = 1600;

/** The campaign in figures: events, départements (and countries), communes. */
function areaFiguresWithCounts(model: Model): { value: string; label: string }[] {
  const n = model.events.length;
  const communes = new Set(model.events.flatMap((e) => (e.commune ? [e.commune] : []))).size;
  return [
    { value: formatNumber(n), label: n >= 2 ? 'événements' : 'événement' },
    ...areaFigures(model),
    ...communeFigure(communes),
  ];
}

/**
 * Lays out and draws the programme into `out` while planning it (the plan of planProgramme,
 * src/paginate/programme.tsx). The cards are measured a batch at a time and packed into pages;
 * each run of full pages is drawn at once, with the cards' text as react-pdf laid it out
 * while measuring it (layouts/laid-out.ts): each card is laid out once, and memory holds
 * the layouts of a few pages whatever the number of events. The index, notes and back cover
 * follow; the front pages (cover, introduction, contents), which give the sections' pages,
 * are drawn last, in their place.
 * @returns the number of pages.
 * @throws PreflightError when an event card is taller than a page.
 */
export async function renderProgramme(model: Model, partners: PlacedPartner[], out: PageSink, fit?: FitContext): Promise<number> {
  const fitted = fit && (await fitFor(model, fit.where, fit.minModule));
  if (!fitted) return drawProgramme(model, partners, out);
  if (fitted.summary) fit!.note(`copyfit: ${fitted.summary}`);
  return withTheme(fitted.theme, () => drawProgramme(model, partners, out));
}

/**
 * The programme's copyfit (src/paginate/copyfit.ts), made once per thread for a model, the
 * theme in force and a smallest QR module (the print and screen files share theirs): for a
 * page budget, or to fill the natural multiple of 4 in a programme small enough to plan again
 * in a moment; undefined otherwise (the theme's settings as they are).
 * @throws ContentError when the page budget is out of reach.
 */
function fitFor(model: Model, where: FitContext['where'], minModule: number): Promise<Copyfit> | undefined {
  const budget = model.campaign.programme.pages;
  if (budget === undefined && model.events.length > FIT_UP_TO) return undefined;
  let byTheme = fits.get(model);
  if (!byTheme) fits.set(model, (byTheme = new Map()));
  const key = `${minModule}`;
  let byModule = byTheme.get(theme);
  if (!byModule) byTheme.set(theme, (byModule = new Map()));
  let fit = byModule.get(key);
  if (!fit) byModule.set(key, (fit = autoColumns(model).then((columns) => copyfit(model, budget, () => planVariant(model), where, minModule, columns))));
  return fit;
}

/** Copyfits made in this thread, by model, theme and smallest QR module. */
const fits = new WeakMap<Model, Map<unknown, Map<string, Promise<Copyfit>>>>();

/** The columns the theme's `columns: 'auto'` chooses for this model (undefined when the theme sets them). */
async function autoColumns(model: Model): Promise<1 | 2 | undefined> {
  return theme.programme.columns === 'auto' ? ((await chooseColumns(model)) === 2 ? 2 : 1) : undefined;
}

/**
 * The plan the programme is drawn from: copyfitted as {@link renderProgramme} copyfits it
 * (to campaign.yaml's `programme.pages`, or the natural multiple of 4), for tests and tools
 * that compare a built programme with its plan.
 * @throws ContentError when the page budget is out of reach.
 */
export async function fittedPlan(model: Model, minModuleMm = SCREEN.qrMinModule): Promise<ProgrammePlan> {
  const fitted = await fitFor(model, { file: 'campaign.yaml', line: 0, col: 0 }, minModuleMm);
  return (await (fitted ? withTheme(fitted.theme, () => planVariant(model)) : planVariant(model)))!;
}

/** Events up to which a programme without a page budget is copyfitted to fill its natural multiple of 4. */
export const FIT_UP_TO = 800;

/** What copyfitting needs from the build: where `programme.pages` is written, and a log for what it changed. */
export interface FitContext {
  where: { file: string; line: number; col: number };
  /** The print profile's smallest QR module, mm (the screen file is fitted as the print file is). */
  minModule: number;
  note: (line: string) => void;
}

/** Lays out and draws the programme with the theme in force (see {@link renderProgramme}). */
async function drawProgramme(model: Model, partners: PlacedPartner[], out: PageSink): Promise<number> {
  // The props of the plan being drawn, made once (they hold the plan itself, which grows); the
  // contents' page numbers, drawn last, come from the props made at the end.
  let drawing: { plan: ProgrammePlan; props: ProgrammeProps } | undefined;
  const draw: DrawPages = async (plan, from, to, texts) => {
    if (drawing?.plan !== plan) drawing = { plan, props: programmeProps(model, plan, partners) };
    const props = drawing.props;
    // The live preview may draw a page ahead (the one whose event was just edited).
    if (out.ahead) for (let i = from; i < to; i++) await out.ahead(i, eventsOn(plan.pages[i]!), () => programmeElement(props, i, i + 1), texts);
    return out.add(programmeElement(props, from, to), from, texts);
  };
  // The live preview may draw the cover and introduction ahead: they hold no page number.
  if (out.ahead) {
    const front = frontPages(model);
    const props = programmeProps(model, { pages: front, columns: 1, date: 'full', stacked: new Set(), sectionPages: new Map() }, partners);
    for (const [i, page] of front.entries()) if (page.kind === 'cover' || page.kind === 'introduction') await out.ahead(i, [], () => programmeElement(props, i, i + 1));
  }
  const plan = await planColumns(model, await chooseColumns(model), draw, () => out.restart());
  const eventsEnd = plan.pages.length;
  await finishPlan(model, plan);
  const props = programmeProps(model, plan, partners);
  await out.add(programmeElement(props, eventsEnd, plan.pages.length), eventsEnd);
  await out.add(programmeElement(props, 0, frontPages(model).length), 0);
  return plan.pages.length;
}

/**
 * The "Mode d'emploi" of the contents page, true to the data: it mentions organisers and QR
 * codes only when the events have them, and where undated events go.
 */
function howTo(model: Model): string {
  const n = model.events.length;
  const undated = model.events.filter((e) => !e.when).length;
  const withQr = model.events.filter((e) => e.qr).length;
  const by = { departement: 'par département, puis par date', day: 'par jour, puis par heure', venue: 'par lieu, puis par date', category: 'par thème, puis par date' }[model.groupBy];
  const parts = [`${n >= 2 ? `Les ${formatNumber(n)} événements sont classés` : 'L’événement est classé'} ${by}${undated && model.groupBy !== 'day' ? ' ; ceux dont la date n’est pas connue viennent en fin de section' : ''}.`];
  const gives = ['le lieu', ...(model.events.some((e) => e.organiser) ? ['l’organisateur'] : [])];
  parts.push(`Chaque fiche donne ${gives.join(' et ')}.`);
  if (withQr === n) parts.push('Scannez son QR code avec votre téléphone pour les détails à jour.');
  else if (withQr > 0) parts.push('Quand l’événement a une page en ligne, scannez son QR code avec votre téléphone pour les détails à jour.');
  return frenchText(parts.join(' '));
}

/** Everything the Programme component needs, from the model and its plan. */
export function programmeProps(model: Model, plan: ProgrammePlan, partners: PlacedPartner[]): ProgrammeProps {
  const c = model.campaign;
  const short = [...c.introduction, ...c.objectives].join('').length <= SHORT_EDITO;
  return {
    meta: docMeta(model, 'Programme'),
    plan,
    running: campaignLine(model),
    cover: {
      title: model.title,
      edition: model.editionLabel,
      region: model.regionLine,
      period: model.periodLabel,
      tagline: c.tagline,
      // A conference without a place (its rooms only): the count alone.
      eventCount: `${formatCount(model.events.length, 'événement')}${areaCounts(model).departements + areaCounts(model).countries > 0 ? ` dans ${formatAreas(areaCounts(model).departements, areaCounts(model).countries)}` : ''}`,
    },
    introduction: {
      paragraphs: c.introduction,
      objectives: c.objectives,
      organiser: c.organiser.name,
      // A short édito leaves most of its page empty: the campaign in figures at its foot.
      figures: short ? areaFiguresWithCounts(model) : undefined,
      areas: short ? model.departements.map((d) => d.name).join('\u00a0· ') : undefined,
    },
    contents: {
      entries: model.sections.map((s) => ({ code: s.code, badge: s.badge, name: s.name, colour: s.colour, count: sectionCount(s.events.length), page: plan.sectionPages.get(s.code)! })),
      index: plan.indexPage,
      ...(plan.indexTitle !== undefined ? { indexTitle: plan.indexTitle } : {}),
      howTo: howTo(model),
    },
    sectionCounts: Object.fromEntries(model.sections.map((s) => [s.code, sectionCount(s.events.length)])),
    back: {
      title: model.title,
      period: model.periodLabel,
      // As on the cover: a conference without a place gives the count alone (never « dans 0 département »).
      eventCount: `${formatCount(model.events.length, 'événement')}${areaCounts(model).departements + areaCounts(model).countries > 0 ? ` dans ${formatAreas(areaCounts(model).departements, areaCounts(model).countries)}` : ''}`,
      tagline: c.tagline,
      programmeUrl: c.programmeUrl,
      programmeQr: model.programmeQr,
      organiser: [c.organiser.name, c.organiser.address, c.organiser.website?.replace(/^https?:\/\//, '')].filter((x): x is string => Boolean(x)),
      partners,
      credits: c.credits,
    },
  };
}

/**
 * The programme as a react-pdf document element; with `from`/`to` (0-based planned pages, end
 * excluded), only those pages, numbered as in the whole booklet.
 */
export function programmeElement(props: ProgrammeProps, from?: number, to?: number) {
  return <Programme {...props} range={from === undefined ? undefined : { from, to: to ?? props.plan.pages.length }} />;
}
