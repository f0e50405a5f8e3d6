import type { ProgrammePlan } from '../paginate/plan.js';
import type { ContentsEntry } from '../../layouts/programme/Contents.js';
import type { PlacedPartner } from '../../layouts/components/PartnerStrip.js';
import type { QrMatrix } from '../qr/matrix.js';

/** Document information written into every PDF (Info dictionary). */
export interface DocMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  creationDate: Date;
  modificationDate: Date;
  language: string;
}

/** Everything the Programme component prints, every string final. */
export interface ProgrammeProps {
  meta: DocMeta;
  plan: ProgrammePlan;
  /** Running-head text for the campaign, e.g. "Mois de l’ESS 2016 · Languedoc-Roussillon". */
  running: string;
  cover: { title: string; edition?: string; region?: string; period: string; tagline?: string; eventCount: string };
  introduction: { paragraphs: string[]; objectives: string[]; organiser: string; figures?: { value: string; label: string }[]; areas?: string };
  contents: { entries: ContentsEntry[]; howTo: string; index?: number; /** The index's name: the lists it holds (src/paginate/programme.tsx indexTitle). */ indexTitle?: string };
  /** "12 événements", keyed by département code. */
  sectionCounts: Record<string, string>;
  back: { title: string; period: string; eventCount: string; tagline?: string; programmeUrl?: string; programmeQr?: QrMatrix; organiser: string[]; partners: PlacedPartner[]; credits?: string };
}
