import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../model/errors.js';

/**
 * Everything the pipeline reads from the outside world goes through an Env (after typst's
 * `World`): files and the build date. The CLI builds a real one; tests build their own.
 */
export interface Env {
  /** Project root; content paths are shown relative to it. */
  root: string;
  readText(file: string): Promise<string>;
  readBytes(file: string): Promise<Uint8Array>;
  /** File names (not paths) in a folder, sorted; [] when the folder does not exist or is a file. */
  list(dir: string): Promise<string[]>;
  /** The build date: SOURCE_DATE_EPOCH when set, else the content's own date (never the clock). */
  buildDate: Date;
}

/**
 * An Env over the file system, rooted at `root`.
 * @param sourceDateEpoch seconds since 1970 (SOURCE_DATE_EPOCH); when undefined the build
 *   date is `fallback` (the campaign start), so that the same input gives the same bytes.
 * @throws UsageError when SOURCE_DATE_EPOCH is not a whole number of seconds.
 */
export function fileEnv(root: string, sourceDateEpoch: string | undefined, fallback = new Date(Date.UTC(2016, 0, 1))): Env {
  const abs = (f: string) => path.resolve(root, f);
  let buildDate = fallback;
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    const seconds = Number(sourceDateEpoch);
    if (!Number.isInteger(seconds) || seconds < 0) {
      throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, received "${sourceDateEpoch}" (e.g. 1476748800 for 2016-10-18)`);
    }
    buildDate = new Date(seconds * 1000);
  }
  return {
    root,
    readText: async (f) => readFile(abs(f), 'utf8'),
    readBytes: async (f) => new Uint8Array(await readFile(abs(f))),
    list: async (d) => {
      try {
        return (await readdir(abs(d))).sort();
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return [];
        throw e;
      }
    },
    buildDate,
  };
}
