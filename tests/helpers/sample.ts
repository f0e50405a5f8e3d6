import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { build, type BuiltDocument } from '../../src/build.js';

/** The project root (tests run from anywhere). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** A fixed build date for tests: 2016-10-18T00:00:00Z (the launch press conference). */
export const EPOCH = '1476748800';

/**
 * Builds `documents` of a content folder into a fresh temporary folder.
 * @returns the output folder (absolute) and what was written.
 */
export async function buildInto(content: string, documents: string[] = []): Promise<{ out: string; built: BuiltDocument[] }> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'encre-test-'));
  const built = await build({ root: ROOT, content, out, documents, sourceDateEpoch: EPOCH });
  return { out, built };
}

/** An event as its YAML gives it (the fields tests read). */
export interface RawEvent {
  id: string;
  title: string;
  url?: string;
  departement: string;
  commune: string;
  organiser?: string;
  description?: string;
}

/** The raw events of a content folder, read straight from its YAML (not through encre's loader). */
export function rawEvents(content: string): RawEvent[] {
  const dir = path.join(ROOT, content, 'events');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => (parse(readFileSync(path.join(dir, f), 'utf8')) as { events: RawEvent[] }).events);
}
