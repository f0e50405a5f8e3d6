import type { EventView, Section } from '../derive/model.js';

/** One page of the programme booklet, decided by the paginator before rendering. */
export type PlannedPage =
  | { kind: 'cover' }
  | { kind: 'introduction' }
  | { kind: 'contents' }
  | { kind: 'events'; columns: number; stacked: Set<string>; segments: PlannedSegment[] }
  | { kind: 'notes' }
  | { kind: 'back' };

/** The part of a section on one page: its header when it opens here, then rows of event cards. */
export interface PlannedSegment {
  section: Section;
  opensSection: boolean;
  rows: EventView[][];
}

/** The booklet's pages in order (page n is plan.pages[n - 1]) and where each section starts. */
export interface ProgrammePlan {
  pages: PlannedPage[];
  /** Columns of event cards (1 or 2), the same throughout the booklet. */
  columns: number;
  /** Ids of the events whose card puts its QR code under the text (too narrow beside it). */
  stacked: Set<string>;
  /** First page of each section, keyed by département code. */
  sectionPages: Map<string, number>;
}
