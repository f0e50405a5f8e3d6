import type { Model } from '../derive/model.js';
import { ContentError, PreflightError } from '../model/errors.js';
import { theme, withTheme, type FitSetting, type Theme } from '../../layouts/theme.js';
import { minQrSizeMm } from '../preflight/qr.js';
import type { ProgrammePlan } from './plan.js';

/*
 * Copyfitting: the programme set to a page budget by moving, uniformly across the booklet,
 * the settings the theme allows to move (theme.copyfit), in the theme's order, each between
 * the theme's bounds — as professional copyfitting does (Pageflex, Meadows CopyFit), for a
 * whole data-driven booklet. Text is never dropped nor truncated: only spacing, leading,
 * type size, QR size and columns move.
 */

/** Where the settings of a copyfit stand: each a value of its theme.copyfit range. */
export interface FitState {
  /** Card padding above and below its text, mm. */
  cardPadding: number;
  /** The gaps between a card's fields, as a share of the theme's (1: the theme's own). */
  cardGaps: number;
  /** Added to the leading of the card's type steps, pt. */
  leading: number;
  /** The body step's size, pt. */
  bodySize: number;
  /** The event title's size, pt. */
  titleSize: number;
  /** The events' QR codes (symbol without its quiet zone), mm. */
  qrSize: number;
  /** Columns of cards. */
  columns: 1 | 2;
}

/** The budget of campaign.yaml's `programme.pages`: a page count (a multiple of 4), `fewest`, or none (the natural multiple of 4). */
export type PageBudget = number | 'fewest' | undefined;

/** What a copyfit decided: the theme to set the booklet with, its pages, and the changes in words. */
export interface Copyfit {
  theme: Theme;
  state: FitState;
  /** Pages of the booklet with this theme (notes pages included). */
  pages: number;
  /** « body 8.5 → 8 pt, card padding 3 → 2 mm, 2 columns: 32 → 24 pages »; undefined when nothing moved. */
  summary?: string;
}

/** The type steps of the event card that `leading` moves. */
const CARD_STEPS = ['body', 'small', 'caption', 'eventTitle'] as const;

/**
 * The theme `base` with the settings of `s` applied: card padding (above and below), the
 * leading of the card's type steps, the body size (its leading in proportion), the events'
 * QR size and the number of columns.
 */
export function fittedTheme(base: Theme, s: FitState): Theme {
  const type = { ...base.type };
  // A size the state leaves as it is keeps its leading exactly (the theme's own state is the
  // theme: its cards are measured once, src/paginate/measure.tsx).
  const [size0, lead0] = base.type.body;
  if (s.bodySize !== size0) type.body = [s.bodySize, (lead0 * s.bodySize) / size0];
  const [title0, titleLead0] = base.type.eventTitle;
  if (s.titleSize !== title0) type.eventTitle = [s.titleSize, (titleLead0 * s.titleSize) / title0];
  for (const step of CARD_STEPS) type[step] = [type[step][0], type[step][1] + s.leading];
  return {
    ...base,
    type,
    card: {
      ...base.card,
      padding: { ...base.card.padding, top: s.cardPadding, bottom: s.cardPadding },
      gap: Object.fromEntries(Object.entries(base.card.gap).map(([k, v]) => [k, round(v * s.cardGaps)])) as Theme['card']['gap'],
    },
    qr: { ...base.qr, eventSize: s.qrSize },
    programme: { ...base.programme, columns: s.columns },
  };
}

/** The settings as the theme sets them; `columns`: those the theme's `'auto'` chose (1 when not given). */
export function themeState(t: Theme, columns?: 1 | 2): FitState {
  return {
    cardPadding: t.card.padding.top,
    cardGaps: 1,
    leading: 0,
    bodySize: t.type.body[0],
    titleSize: t.type.eventTitle[0],
    qrSize: t.qr.eventSize,
    columns: t.programme.columns === 'auto' ? (columns ?? 1) : t.programme.columns,
  };
}

/**
 * The smallest QR code that keeps every event's code scannable: the densest code's modules ×
 * the printer profile's smallest module (`qrMinModule`, mm; src/preflight/qr.ts
 * minQrSizeMm), rounded up to 0.5 mm; in mm.
 */
export function scannableQrSize(model: Model, minModuleMm: number): number {
  const modules = Math.max(0, ...model.events.map((e) => e.qr?.modules ?? 0));
  return Math.ceil(minQrSizeMm(modules, minModuleMm) * 2) / 2;
}

/**
 * The settings from loosest to tightest: the theme's own in the middle; before them each
 * setting in the theme's order loosened step by step to its upper bound (the loosest
 * first); after them each setting tightened in the theme's order to its lower bound (the
 * QR codes never below their scannable size; two columns last, when the theme allows them).
 * Page counts fall (nearly) monotonically along the ladder.
 * @returns the states, and the index of the theme's own.
 */
export function fitLadder(t: Theme, model: Model, minModuleMm: number, columns?: 1 | 2): { states: FitState[]; own: number } {
  const own = themeState(t, columns);
  const fit = t.copyfit;
  const loosen: FitState[] = [];
  const tighten: FitState[] = [];
  let up = own;
  let down = own;
  const range = (s: FitSetting): { min: number; max: number; step: number } | undefined => {
    switch (s) {
      case 'cardPadding':
      case 'cardGaps':
      case 'leading':
      case 'bodySize':
      case 'titleSize':
        return fit[s];
      case 'qrSize':
        return { ...fit.qrSize, min: Math.max(fit.qrSize.min, scannableQrSize(model, minModuleMm)) };
      case 'columns':
        return undefined;
    }
  };
  for (const s of fit.order) {
    if (s === 'columns') {
      if (t.programme.columns === 'auto' && down.columns === 1) tighten.push((down = { ...down, columns: 2 }));
      continue;
    }
    const r = range(s)!;
    for (let v = round(up[s] + r.step); v <= r.max + 1e-9; v = round(v + r.step)) loosen.push((up = { ...up, [s]: v }));
    for (let v = round(down[s] - r.step); v >= r.min - 1e-9; v = round(v - r.step)) tighten.push((down = { ...down, [s]: v }));
  }
  return { states: [...loosen.reverse(), own, ...tighten], own: loosen.length };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Plans the programme with the theme in force: its plan, or undefined when a card does not fit (a word wider than its column, a card taller than a page). */
export type PlanVariant = () => Promise<ProgrammePlan | undefined>;

/** The fewest pages of a booklet: covers, contents and index need two sheets. */
const MIN_PAGES = 8;

/** Pages of a plan without its notes pages: what the content takes. */
function contentPages(plan: ProgrammePlan): number {
  return plan.pages.filter((p) => p.kind !== 'notes').length;
}

/**
 * Copyfits the programme of `model` to `budget` (see {@link PageBudget}) with the theme in
 * force: plans it along the {@link fitLadder} (a binary search: about log2 of the ladder's
 * length plans) and keeps the loosest settings whose pages, once padded to a multiple of 4,
 * are within the budget — for `fewest`, the fewest pages the tightest settings reach; with no
 * budget, the pages the theme's own settings need, rounded up to a multiple of 4 (so that
 * the booklet fills them rather than ending in notes pages) — or, when even the loosest
 * settings cannot fill those and the tightest reach 4 pages fewer, those fewer pages.
 * @param plan plans the programme with the theme in force (put by this function).
 * @param where campaign.yaml's location of `programme.pages`, for the refusal.
 * @param minModuleMm the printer profile's smallest QR module (mm): QR codes shrink no further.
 * @param columns the columns the theme's `'auto'` chose (its own state's).
 * @throws ContentError when the budget is out of reach, naming the fewest pages the tightest
 *   settings reach and the bounds that stopped them.
 */
export async function copyfit(model: Model, budget: PageBudget, plan: PlanVariant, where: { file: string; line: number; col: number }, minModuleMm: number, columns?: 1 | 2): Promise<Copyfit> {
  // The events' codes beside the text in two columns: at the theme's column size, raised to
  // the size the densest code scans at (modules × the printer's smallest module).
  const base = { ...theme, qr: { ...theme.qr, columnSize: Math.max(theme.qr.columnSize, scannableQrSize(model, minModuleMm)) } };
  const { states, own } = fitLadder(base, model, minModuleMm, columns);
  const counted = new Map<number, number>();
  const pagesAt = async (i: number): Promise<number> => {
    const known = counted.get(i);
    if (known !== undefined) return known;
    const p = await withTheme(fittedTheme(base, states[i]!), plan).catch((e: unknown) => {
      if (e instanceof PreflightError) return undefined;
      throw e;
    });
    const n = p ? contentPages(p) : Infinity;
    counted.set(i, n);
    return n;
  };
  // Two columns come last, and only when they take fewer pages than one (narrow columns
  // can take more: the ladder must fall). Decided when the tightest settings are first
  // needed: a programme without a budget that fills its pages never plans them.
  let tightestKnown = false;
  const tightest = async (): Promise<number> => {
    if (!tightestKnown) {
      tightestKnown = true;
      const last = states[states.length - 1]!;
      if (states.length > own + 1 && last.columns === 2 && states[states.length - 2]!.columns === 1 && (await pagesAt(states.length - 1)) >= (await pagesAt(states.length - 2))) {
        states.pop();
      }
    }
    return states.length - 1;
  };
  const padded = (n: number) => Math.ceil(n / 4) * 4;
  const natural = await pagesAt(own);
  let target: number;
  if (budget === 'fewest') target = padded(await pagesAt(await tightest()));
  else if (budget === undefined) target = padded(natural);
  else target = budget;
  if (budget !== undefined && (await pagesAt(await tightest())) > target) {
    const fewest = padded(await pagesAt(states.length - 1));
    const tight = states[states.length - 1]!;
    throw new ContentError([{
      ...where,
      path: 'programme.pages',
      message: `${budget} pages is out of reach: the fewest this programme fits in is ${fewest === Infinity ? 'none (a card does not fit)' : `${fewest} pages`}, with every setting the theme lets move at its bound (${describe(tight)})`,
      hint: `set programme.pages to ${fewest === Infinity ? 'fewest' : `${fewest} or more`}, or \`fewest\`; or widen the theme's copyfit bounds (copyfit in the theme)`,
    }]);
  }
  // The loosest state within the target: the first along the ladder (binary search).
  const loosest = async (upTo: number): Promise<number> => {
    let lo = 0;
    let hi = upTo;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((await pagesAt(mid)) <= target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // With no budget and pages to spare at the theme's settings (two or more before the
  // multiple of 4), the loosest settings are tried first: they usually fit, and then the
  // search is over in one plan (on a ladder that falls, the search would end there too).
  const spare = budget === undefined && target - natural >= 2 && (await pagesAt(0)) <= target;
  let lo = spare ? 0 : await loosest(budget === undefined ? own : await tightest());
  // With no budget, when even the loosest settings leave pages of the natural count empty
  // (they would be Notes pages), the booklet is set 4 pages shorter if the tighter settings
  // reach it: full pages, and a sheet less to print.
  if (budget === undefined && lo === 0 && (await pagesAt(0)) < target && target - 4 >= MIN_PAGES && (await pagesAt(await tightest())) <= target - 4) {
    target -= 4;
    lo = await loosest(states.length - 1);
  }
  const state = states[lo]!;
  const pages = padded(await pagesAt(lo));
  const changes = changed(states[own]!, state);
  return {
    theme: fittedTheme(base, state),
    state,
    pages,
    summary: changes.length > 0 ? `${changes.join(', ')}: ${padded(natural)} → ${pages} pages` : undefined,
  };
}

/** The settings of a state, in words: « card padding 1.5 mm, leading −1 pt, body 8 pt, QR 14 mm, 2 columns ». */
function describe(s: FitState): string {
  return `card padding ${fmt(s.cardPadding)} mm, gaps ×${fmt(s.cardGaps)}, leading ${s.leading > 0 ? '+' : s.leading < 0 ? '−' : ''}${fmt(Math.abs(s.leading))} pt, body ${fmt(s.bodySize)} pt, titles ${fmt(s.titleSize)} pt, QR ${fmt(s.qrSize)} mm, ${s.columns} column${s.columns > 1 ? 's' : ''}`;
}

/** What moved from `a` to `b`, in words: « body 8.5 → 8 pt ». */
function changed(a: FitState, b: FitState): string[] {
  const out: string[] = [];
  if (a.cardPadding !== b.cardPadding) out.push(`card padding ${fmt(a.cardPadding)} → ${fmt(b.cardPadding)} mm`);
  if (a.cardGaps !== b.cardGaps) out.push(`gaps in a card ×${fmt(b.cardGaps)}`);
  if (a.leading !== b.leading) out.push(`leading ${b.leading > 0 ? '+' : '−'}${fmt(Math.abs(b.leading))} pt`);
  if (a.bodySize !== b.bodySize) out.push(`body ${fmt(a.bodySize)} → ${fmt(b.bodySize)} pt`);
  if (a.titleSize !== b.titleSize) out.push(`titles ${fmt(a.titleSize)} → ${fmt(b.titleSize)} pt`);
  if (a.qrSize !== b.qrSize) out.push(`QR ${fmt(a.qrSize)} → ${fmt(b.qrSize)} mm`);
  if (a.columns !== b.columns) out.push(`${b.columns} columns`);
  return out;
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}
