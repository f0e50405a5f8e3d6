import type { EventView, Section } from '../derive/model.js';

/** One page of the programme booklet, decided by the paginator before rendering. */
export type PlannedPage =
  | { kind: 'cover' }
  | { kind: 'introduction' }
  | { kind: 'contents' }
  | { kind: 'events'; section: Section; opensSection: boolean; columns: number; rows: EventView[][] }
  | { kind: 'notes' }
  | { kind: 'back' };

/** The booklet's pages in order (page n is plan.pages[n - 1]) and where each section starts. */
export interface ProgrammePlan {
  pages: PlannedPage[];
  /** Columns of event cards (1 or 2), the same throughout the booklet. */
  columns: number;
  /** First page of each section, keyed by département code. */
  sectionPages: Map<string, number>;
}
