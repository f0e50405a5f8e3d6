import type { EventView, Model } from '../derive/model.js';
import { formatCount } from '../derive/french.js';
import { mm } from '../units.js';
import { frames, textArea } from '../../layouts/frames.js';
import { EventCard } from '../../layouts/components/EventCard.js';
import { SectionHeader } from '../../layouts/components/SectionHeader.js';
import { IndexLine, IndexHeading } from '../../layouts/components/IndexLine.js';
import { theme } from '../../layouts/theme.js';
import { measureBlocks } from './measure.js';
import { FlowPacker, paddingToFour, toRows, type PackedPage } from './pack.js';
import { fillColumns } from './columns.js';
import { eventsOn, type IndexBlock, type PlannedPage, type ProgrammePlan } from './plan.js';
import { PAGES_PER_CHUNK } from '../render/render.js';
import type { LaidOutNode } from '../preflight/layout.js';
import { PreflightError } from '../model/errors.js';

/*
 * The programme's plan: which pages, and on each which sections and event cards, measured
 * with react-pdf's layout engine and packed whole (src/documents/programme.tsx draws it,
 * page runs as they fill).
 */

/** Sections listed on one contents page (two compact columns when there are more than 10). */
const CONTENTS_PER_PAGE = 36;

/**
 * The pages before the first section: the cover, the introduction (the édito and the
 * objectives; left out when campaign.yaml gives neither: it would hold a signature alone),
 * and as many contents pages as the sections need.
 */
export function frontPages(model: Model): PlannedPage[] {
  const sections = model.sections.length;
  const { introduction, objectives } = model.campaign;
  const pages: PlannedPage[] = [{ kind: 'cover' }];
  if (introduction.length > 0 || objectives.length > 0) pages.push({ kind: 'introduction' });
  const count = Math.max(1, Math.ceil(sections / CONTENTS_PER_PAGE));
  for (let i = 0; i < count; i++) {
    pages.push({ kind: 'contents', from: i * CONTENTS_PER_PAGE, to: Math.min(sections, (i + 1) * CONTENTS_PER_PAGE), last: i === count - 1 });
  }
  return pages;
}

/**
 * Plans the booklet, without drawing it: measures every section header and event card with
 * react-pdf's layout engine, packs whole cards into pages (sections follow each other, or
 * each opens a page with `theme.programme.sectionStartsPage`), then the index, and pads to a
 * multiple of 4 with Notes pages before the back cover. With `theme.programme.columns:
 * 'auto'` it keeps one or two columns of cards, whichever needs fewer pages. Linear in the
 * number of events. The plan renderProgramme (src/documents/programme.tsx) draws is this one.
 * @throws PreflightError when an event card is taller than a page.
 */
export async function planProgramme(model: Model): Promise<ProgrammePlan> {
  return finishPlan(model, await planColumns(model, await chooseColumns(model)));
}

/**
 * The programme planned with the theme in force, its columns as the theme sets them
 * (copyfitting sets 1 or 2), without drawing: undefined when a card does not fit them (a
 * word wider than its column: the fitting moves on).
 * @throws PreflightError when a card is taller than a page.
 */
export async function planVariant(model: Model): Promise<ProgrammePlan | undefined> {
  const columns = theme.programme.columns;
  if (columns === 'auto') return planProgramme(model);
  const { plan, overflows } = await planWith(model, columns);
  return overflows.length > 0 ? undefined : finishPlan(model, plan);
}

/** Draws planned pages from..to (0-based, end excluded) of `plan`, with the cards' text laid out beforehand. */
export type DrawPages = (plan: ProgrammePlan, from: number, to: number, texts: ReadonlyMap<string, LaidOutNode>) => Promise<void>;

/**
 * The front pages and events' pages in `columns` columns of cards (drawn as they fill, with
 * `draw`). With `columns: 'auto'`, two columns chosen from a sample give way to one when a
 * card does not fit its narrower column — a word wider than it, or a card taller than a page
 * — found once every card is measured: `restart` is called and the pages planned again.
 * @throws PreflightError when a card is taller than a page in one column.
 */
export async function planColumns(model: Model, columns: number, draw?: DrawPages, restart?: () => void): Promise<ProgrammePlan> {
  const fallback = theme.programme.columns === 'auto' && columns > 1;
  try {
    const { plan, overflows } = await planWith(model, columns, draw);
    if (!fallback || overflows.length === 0) return plan;
  } catch (e) {
    if (!fallback || !(e instanceof PreflightError)) throw e;
  }
  restart?.();
  return (await planWith(model, 1, draw)).plan;
}

/**
 * The number of columns of cards: the theme's, or with 'auto' the one that needs fewer pages
 * (on a tie, one column: wider text, fewer breaks), two only when every card fits its
 * narrower column and a page. A long programme is decided on a sample when it is clear (see
 * {@link columnCandidates}); otherwise both are planned (their measurements are cached).
 */
export async function chooseColumns(model: Model): Promise<number> {
  const choice = theme.programme.columns;
  if (choice !== 'auto') return choice;
  const candidates = await columnCandidates(model);
  if (candidates.length === 1) return candidates[0]!;
  const plans: ProgrammePlan[] = [];
  for (const columns of candidates) {
    // Two columns are out when a card is too narrow (overflowing words) or too tall there.
    const planned = await planWith(model, columns).catch((e: unknown) => {
      if (columns === 1 || !(e instanceof PreflightError)) throw e;
      return undefined;
    });
    if (planned?.overflows.length === 0) plans.push(planned.plan);
  }
  if (plans.length === 0) return 1;
  return plans.reduce((best, p) => (p.pages.length < best.pages.length ? p : best)).columns;
}

/**
 * Completes a plan of the events' pages (changed in place): the index, now that every
 * event's page is known, then Notes pages to a multiple of 4, then the back cover.
 */
export async function finishPlan(model: Model, plan: ProgrammePlan): Promise<ProgrammePlan> {
  const index = await planIndex(model, plan.pages);
  if (index.length > 0) {
    plan.indexPage = plan.pages.length + 1;
    plan.indexTitle = indexTitle(index.flatMap((p) => (p.kind === 'index' ? p.columns.flat() : [])).flatMap((b) => (b.kind === 'heading' ? [b.label] : [])));
  }
  plan.pages.push(...index);
  const padding = paddingToFour(plan.pages.length + 1);
  for (let i = 0; i < padding; i++) plan.pages.push({ kind: 'notes' });
  plan.pages.push({ kind: 'back' });
  return plan;
}

/** Events from which the column count is first estimated on a sample (below: both planned exactly). */
const SAMPLE_ABOVE = 800;
/** Estimated page counts this far apart (ratio) decide the column count without planning both. */
const CLEAR_MARGIN = 1.15;

/**
 * The column counts worth planning exactly for `columns: 'auto'`: both, unless the programme
 * is long and a plan of one event in k (every k-th of each section, k chosen for about 400
 * events) gives one count at least 15 % fewer pages than the other — then only that one
 * (planning both costs a second measurement of every card).
 */
async function columnCandidates(model: Model): Promise<number[]> {
  if (model.events.length <= SAMPLE_ABOVE) return [1, 2];
  const k = Math.ceil(model.events.length / 400);
  const sample: Model = { ...model, sections: model.sections.map((s) => ({ ...s, events: s.events.filter((_, i) => i % k === 0) })) };
  const front = frontPages(model).length;
  // One after the other: measurements are not re-entrant.
  const one = (await planWith(sample, 1)).plan.pages.length - front;
  const two = (await planWith(sample, 2)).plan.pages.length - front;
  if (one >= two * CLEAR_MARGIN) return [2];
  if (two >= one * CLEAR_MARGIN) return [1];
  return [1, 2];
}

/** How the contents names each list of the index. */
const INDEX_LISTS: Readonly<Record<string, string>> = { Communes: 'des communes', Organisateurs: 'des organisateurs', Intervenants: 'des intervenants' };

/**
 * The index's name in the contents from the headings of the lists it holds, in order:
 * ["Communes", "Organisateurs"] → « Index des communes et des organisateurs »,
 * ["Intervenants"] → « Index des intervenants » (a conference without places: no communes).
 */
export function indexTitle(lists: readonly string[]): string {
  const names = [...new Set(lists)].map((l) => INDEX_LISTS[l] ?? l.toLocaleLowerCase('fr'));
  if (names.length === 0) return 'Index';
  return `Index ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}`}`;
}

/**
 * The index of communes, of organisers and of speakers (each name on its own): each with the pages where its events are (from
 * the plan: exact page numbers), sorted in French order (« Élne » with the E), in two columns.
 */
async function planIndex(model: Model, pages: PlannedPage[]): Promise<PlannedPage[]> {
  const pageOf = new Map<string, number>();
  pages.forEach((p, i) => eventsOn(p).forEach((e) => pageOf.set(e.id, i + 1)));
  const colourOf = new Map(model.departements.map((d) => [d.code, d.colour]));
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  const entries = (key: (e: EventView) => string | readonly string[] | undefined) => {
    const groups = new Map<string, { pages: Set<number>; colours: Set<number> }>();
    for (const e of model.events) {
      const keys = key(e);
      for (const k of typeof keys === 'string' ? [keys] : (keys ?? [])) {
        if (!k) continue;
        const g = groups.get(k) ?? { pages: new Set(), colours: new Set() };
        g.pages.add(pageOf.get(e.id)!);
        g.colours.add(colourOf.get(e.area)!);
        groups.set(k, g);
      }
    }
    // A name several départements share (« Gignac », Hérault and Lot) is one entry per
    // département, each with its colour and its code: « Gignac (34) », « Gignac (46) ».
    const names = new Map<string, number>();
    for (const k of groups.keys()) names.set(k.split('\t')[0]!, (names.get(k.split('\t')[0]!) ?? 0) + 1);
    return [...groups.entries()]
      .map(([k, g]): [string, typeof g] => {
        const [name, area] = k.split('\t') as [string, string | undefined];
        return [area !== undefined && names.get(name)! > 1 ? `${name} (${area})` : name, g];
      })
      .sort(([a], [b]) => collator.compare(a, b))
      .flatMap(([label, g]): IndexBlock[] => {
        // An entry on very many pages is cut into several lines ("(suite)"), so that no
        // index block is ever taller than a column.
        const pages = [...g.pages].sort((a, b) => a - b);
        const colour = g.colours.size === 1 ? [...g.colours][0] : undefined;
        const chunks: number[][] = [];
        for (let i = 0; i < pages.length; i += INDEX_PAGES_PER_LINE) chunks.push(pages.slice(i, i + INDEX_PAGES_PER_LINE));
        return chunks.map((chunk, i) => ({ kind: 'entry', label: i === 0 ? label : `${label} (suite)`, pages: pageRanges(chunk), colour }));
      });
  };
  const blocks: IndexBlock[] = [];
  const communes = entries((e) => e.commune && `${e.commune}\t${e.area}`);
  if (communes.length > 0) blocks.push({ kind: 'heading', label: 'Communes' }, ...communes);
  const organisers = entries((e) => e.organiser);
  if (organisers.length > 0) blocks.push({ kind: 'heading', label: 'Organisateurs' }, ...organisers);
  // Speakers one by one (« Frank Rieger »), never as the card's joined byline.
  const speakers = entries((e) => e.speakers);
  if (speakers.length > 0) blocks.push({ kind: 'heading', label: 'Intervenants' }, ...speakers);
  const area = textArea(frames.programme);
  const width = columnWidth(2);
  const heights = await measureBlocks(
    blocks.map((b, i) => (b.kind === 'heading' ? <IndexHeading key={i} label={b.label} width={width} /> : <IndexLine key={i} label={b.label} pages={b.pages} colour={b.colour} width={width} />)),
    width,
    true,
  );
  const titleHeight = mm(theme.programme.index.titleBand);
  const measured = blocks.map((b, i) => ({ id: String(i), height: heights[i]!.height, keepWithNext: b.kind === 'heading' }));
  const packed = balancedColumns(measured, 2, mm(area.height) - titleHeight, theme.programme.index.keepWithHeading, INDEX_LAST_PAGE_MIN);
  // A page opening in the middle of a list names it in its title band (« Communes (suite) »).
  const listOf = (j: number): string | undefined => {
    for (let k = j; k >= 0; k--) {
      const b = blocks[k]!;
      if (b.kind === 'heading') return `${b.label} (suite)`;
    }
    return undefined;
  };
  return packed.map((cols, i): PlannedPage => {
    const opening = cols[0]?.[0];
    const continues = i > 0 && opening !== undefined && blocks[opening]!.kind === 'entry' ? listOf(opening) : undefined;
    return { kind: 'index', first: i === 0, continues, columns: cols.map((c) => c.map((j) => blocks[j]!)) };
  });
}

/**
 * Columns filled as {@link fillColumns} fills them, full height page after page, the last
 * page balanced: its columns of even depth (the shortest height, at most `height` pt, that
 * still holds its blocks on one page). When the last page would hold fewer than
 * `lastPageMin` blocks, the page before gives it blocks until it holds that many (the page
 * before then stops a few lines short), so that the index never ends on a page of a few
 * lines. `keep`: blocks kept under a heading in its column (see fillColumns). A binary search
 * to 0.5 pt.
 */
export function balancedColumns(blocks: Parameters<typeof fillColumns>[0], columns: number, height: number, keep = 1, lastPageMin = 0): number[][][] {
  const full = fillColumns(blocks, columns, height, keep);
  const count = (page: number[][]) => page.reduce((n, c) => n + c.length, 0);
  let start = blocks.length - count(full[full.length - 1]!);
  let head = full.slice(0, -1);
  if (head.length > 0 && blocks.length - start < lastPageMin) {
    // The page before gives the last its final blocks (a heading goes with the blocks under it).
    const before = start - count(head[head.length - 1]!);
    start = Math.max(before + 1, blocks.length - lastPageMin);
    while (start > before + 1 && blocks[start - 1]!.keepWithNext) start--;
    head = [...head.slice(0, -1), ...fillColumns(blocks.slice(before, start), columns, height, keep).map((page) => page.map((c) => c.map((j) => j + before)))];
  }
  const rest = blocks.slice(start);
  let lo = Math.max(0, ...rest.map((b) => b.height));
  let hi = height;
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (fillColumns(rest, columns, mid, keep).length <= 1) hi = mid;
    else lo = mid;
  }
  const balanced = fillColumns(rest, columns, hi, keep).map((page) => page.map((c) => c.map((j) => j + start)));
  return [...head, ...balanced];
}

/** Entries the index's last page holds at least (fewer: the last two pages are balanced together). */
const INDEX_LAST_PAGE_MIN = 24;

/** Page references on one index line at most: a longer list continues on the next line. */
const INDEX_PAGES_PER_LINE = 30;

/** "4, 5, 6, 9" → "4–6, 9": runs of three or more consecutive pages as a range. */
export function pageRanges(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${pages[i]}–${pages[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(pages[k]));
    i = j + 1;
  }
  return parts.join(', ');
}

/** Width of one column of event cards in pt. */
export function columnWidth(columns: number): number {
  const area = textArea(frames.programme);
  return mm((area.width - (columns - 1) * theme.programme.gutter) / columns);
}

/** Cards measured at once while planning (then packed, and their full pages drawn). */
const CARDS_PER_BATCH = 200;

/**
 * The front pages and the events' pages with `columns` columns of cards, and the cards whose
 * text overflows (a word wider than its column; indices in reading order). With `draw`, the
 * pages are drawn as they fill: each card's text as it was laid out when measured (by this
 * plan, or an earlier one with the same settings: src/paginate/measure.tsx), kept until its
 * page is drawn.
 */
async function planWith(model: Model, columns: number, draw?: DrawPages): Promise<{ plan: ProgrammePlan; overflows: number[] }> {
  const area = textArea(frames.programme);
  const width = mm(area.width);
  const cardWidth = columnWidth(columns);
  const headers = await measureBlocks(
    model.sections.map((s) => <SectionHeader key={s.code} section={s} width={width} countLabel={sectionCount(s.events.length)} />),
    width,
    true,
  );
  const plan: ProgrammePlan = { pages: frontPages(model), columns, date: theme.card.date[model.groupBy], stacked: new Set(), sectionPages: new Map() };
  const byId = new Map(model.events.map((e) => [e.id, e]));
  const tallBecause = (id: string) => {
    const e = byId.get(id);
    return e && longestField(e);
  };
  const packer = new FlowPacker(mm(area.height), { gapBefore: mm(theme.programme.sectionGap), maxGap: mm(theme.copyfit.maxGap), sectionStartsPage: theme.programme.sectionStartsPage, tallBecause });
  const texts = new Map<string, LaidOutNode>();
  const measure = (cards: Card[], stacked: boolean) =>
    measureBlocks(
      cards.map(({ e, colour }) => <EventCard key={e.id} event={e} colour={colour} width={cardWidth} stacked={stacked} columns={columns} date={plan.date} />),
      cardWidth,
      true,
      // The card's text is its root's first child (EventCard).
      draw ? (i, card) => void (card.children?.[0] && texts.set(cards[i]!.e.id, card.children[0])) : undefined,
    );
  const all: Card[] = model.sections.flatMap((s, si) => s.events.map((e, ei) => ({ e, colour: s.colour, si, ei })));
  const overflows: number[] = [];
  let drawn = plan.pages.length;
  for (let start = 0; start < all.length; ) {
    // A batch ends with a row: rows are `columns` cards of one section.
    let end = Math.min(all.length, start + CARDS_PER_BATCH);
    while (end < all.length && all[end]!.ei % columns !== 0) end++;
    const batch = all.slice(start, end);
    const cards = await measure(batch, false);
    // A card whose words do not fit beside its QR code (a long name in a narrow column) puts
    // the QR code under its text instead.
    const retry = columns > 1 ? batch.flatMap((_, i) => (cards[i]!.overflow !== undefined ? [i] : [])) : [];
    if (retry.length > 0) {
      const again = await measure(retry.map((i) => batch[i]!), true);
      retry.forEach((i, j) => {
        cards[i] = again[j]!;
        plan.stacked.add(batch[i]!.e.id);
      });
    }
    cards.forEach((c, i) => c.overflow !== undefined && overflows.push(start + i));
    // Rows of `columns` cards, in each section's run of the batch (a batch starts a row).
    for (let i = 0; i < batch.length; ) {
      let j = i;
      while (j < batch.length && batch[j]!.si === batch[i]!.si) j++;
      const run = batch.slice(i, j);
      // Each row as tall as its tallest card and the hairline above it (none above a page's or
      // a section's first row: a little to spare there, which the page's filling takes).
      for (const { blocks, row } of toRows(run.map((x, k) => ({ id: x.e.id, height: cards[i + k]!.height + theme.rules.hairline })), columns)) {
        const { si, ei } = run[blocks[0]!]!;
        packer.add(si, ei === 0 ? headers[si]!.height : undefined, row);
      }
      i = j;
    }
    start = end;
    if (start === all.length) packer.finish();
    addPages(plan, packer.takePages(), model);
    if (draw && (plan.pages.length - drawn >= PAGES_PER_CHUNK || start === all.length)) {
      await draw(plan, drawn, plan.pages.length, texts);
      for (const page of plan.pages.slice(drawn)) for (const e of eventsOn(page)) texts.delete(e.id);
      drawn = plan.pages.length;
    }
  }
  return { plan, overflows };
}

/**
 * The longest text an event card prints, in words: « its address (3,000 characters) » — the
 * field to shorten when the card is taller than a page (as the content names it).
 */
export function longestField(e: EventView): string | undefined {
  const fields: [string, string | undefined][] = [
    ['title', e.title],
    ['category', e.category],
    ['venue', e.venue],
    ['address', e.address],
    ['commune', e.commune],
    ['organiser', e.byline],
    ['description', theme.card.variant === 'compact' ? undefined : e.description],
    ['price', e.price],
    ['notes', e.notes],
    ['tags', theme.card.variant === 'detailed' ? e.tags.join(' · ') : undefined],
  ];
  const [name, text] = fields.reduce((a, b) => ((b[1]?.length ?? 0) > (a[1]?.length ?? 0) ? b : a));
  return text ? `its ${name} (${text.length.toLocaleString('en')} characters)` : undefined;
}

/** An event card to measure: the event, its section's colour, the section's index and its own in the section. */
interface Card {
  e: EventView;
  colour: number;
  si: number;
  ei: number;
}

/** Appends packed pages of events to the plan, noting where each section opens. */
function addPages(plan: ProgrammePlan, packed: PackedPage[], model: Model): void {
  const { columns, stacked } = plan;
  for (const { segments, fill } of packed) {
    plan.pages.push({
      kind: 'events',
      columns,
      stacked,
      fill,
      segments: segments.map((seg) => {
        const section = model.sections[seg.section]!;
        if (seg.opens) plan.sectionPages.set(section.code, plan.pages.length + 1);
        return { section, opensSection: seg.opens, rows: seg.rows.map((r) => section.events.slice(r * columns, (r + 1) * columns)) };
      }),
    });
  }
}

/** « 12 événements »: a section's count, on its header and in the contents. */
export function sectionCount(n: number): string {
  return formatCount(n, 'événement');
}
