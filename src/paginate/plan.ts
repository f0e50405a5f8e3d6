import type { EventView, Section } from '../derive/model.js';

/** One page of the programme booklet, decided by the paginator before rendering. */
export type PlannedPage =
  | { kind: 'cover' }
  | { kind: 'introduction' }
  | { kind: 'contents'; /** Which sections this contents page lists (indices), and whether it is the last one. */ from: number; to: number; last: boolean }
  | { kind: 'events'; columns: number; stacked: Set<string>; segments: PlannedSegment[]; /** Spread the rows to fill the page's foot (layouts/programme/EventsPage.tsx). */ fill: boolean }
  | { kind: 'index'; first: boolean; /** « Communes (suite) »: the list a later page opens in the middle of, named in its title band. */ continues?: string; columns: IndexBlock[][] }
  | { kind: 'notes' }
  | { kind: 'back' };

/** The part of a section on one page: its header when it opens here, then rows of event cards. */
export interface PlannedSegment {
  section: Section;
  opensSection: boolean;
  rows: EventView[][];
}

/** The events whose cards are on a page, in reading order (none on a page other than events). */
export function eventsOn(page: PlannedPage): EventView[] {
  return page.kind === 'events' ? page.segments.flatMap((seg) => seg.rows.flat()) : [];
}

/** A block of the index: a heading, or an entry with the pages where it appears. */
export type IndexBlock =
  | { kind: 'heading'; label: string }
  | { kind: 'entry'; label: string; pages: string; colour?: number };

/** The booklet's pages in order (page n is plan.pages[n - 1]) and where each section starts. */
export interface ProgrammePlan {
  pages: PlannedPage[];
  /** Columns of event cards (1 or 2), the same throughout the booklet. */
  columns: number;
  /** The cards' date line: in full, or the time only (under a day heading): theme.card.date. */
  date: 'full' | 'time';
  /** Ids of the events whose card puts its QR code under the text (too narrow beside it). */
  stacked: Set<string>;
  /** First page of the index, when there is one. */
  indexPage?: number;
  /** The index's name in the contents, from the lists it holds: « Index des communes et des organisateurs », « Index des intervenants ». */
  indexTitle?: string;
  /** First page of each section, keyed by département code. */
  sectionPages: Map<string, number>;
}
