/**
 * Writing the imported content: YAML text in which every string stays a string, files
 * written atomically (temporary file in the same folder, then rename), and stale event
 * files removed.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Document, parse, visit, isScalar } from 'yaml';
import { departement } from '../model/departements.js';
import { slugify } from './text.js';

/** A file to write, `path` relative to the output folder with "/" separators. */
export interface OutputFile {
  path: string;
  text: string;
}

/** "events/34-herault.yaml", "events/2A-corse-du-sud.yaml": the events file of a département. */
export function eventsFilePath(code: string): string {
  return `events/${code}-${slugify(departement(code).name)}.yaml`;
}

/**
 * YAML text for `value`, with `comment` lines at the top. Strings that a YAML reader could
 * take for something else are double-quoted: "09" and "75" (numbers), and also, for readers
 * still on YAML 1.1, "2019-01-24" (a timestamp there), "yes", "off"… Long lines are not
 * folded; text with line breaks is written as a block literal.
 */
export function toYaml(value: unknown, comment: string[] = []): string {
  const doc = new Document(value, { version: '1.2', aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && !node.value.includes('\n') && readsAsNonString(node.value)) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  if (comment.length > 0) doc.commentBefore = comment.map((l) => ` ${l}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}

/** True when a plain scalar `s` would be read as a number, boolean, null or date by YAML 1.2 or 1.1. */
function readsAsNonString(s: string): boolean {
  for (const version of ['1.2', '1.1'] as const) {
    try {
      const v: unknown = parse(s, { version, logLevel: 'silent' });
      if (typeof v !== 'string') return true;
    } catch {
      // Not a valid plain scalar: the stringifier quotes it anyway.
    }
  }
  return false;
}

/**
 * Writes `files` under `outDir` and removes the event files (events/*.yaml, events/*.yml)
 * that are not among them. Each file is written to a temporary file in its folder, then
 * renamed, so a reader never sees half a file; a file whose content is unchanged is not
 * rewritten. Nothing outside outDir/events/ is removed.
 * @returns the paths written (joined to outDir, in the order given) and removed.
 * @throws the file-system error when a folder cannot be created or a file written.
 */
export async function writeOutput(outDir: string, files: readonly OutputFile[]): Promise<{ written: string[]; removed: string[] }> {
  const written: string[] = [];
  for (const f of files) {
    const target = join(outDir, ...f.path.split('/'));
    await writeAtomic(target, f.text);
    written.push(target);
  }
  const keep = new Set(files.filter((f) => /^events\/[^/]+$/.test(f.path)).map((f) => f.path.slice('events/'.length)));
  const removed: string[] = [];
  const eventsDir = join(outDir, 'events');
  let entries: import('node:fs').Dirent[] = [];
  try {
    entries = await readdir(eventsDir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name) || keep.has(entry.name)) continue;
    const stale = join(eventsDir, entry.name);
    await rm(stale);
    removed.push(stale);
  }
  return { written, removed };
}

/** Writes `text` to `target` through a temporary file in the same folder and a rename. */
async function writeAtomic(target: string, text: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  try {
    if ((await readFile(target, 'utf8')) === text) return;
  } catch {
    // Absent or unreadable: write it.
  }
  const tmp = join(dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
