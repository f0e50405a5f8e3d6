import { access, constants, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { copyFileSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { UsageError } from '../model/errors.js';

/**
 * Makes sure `dir` is a folder encre can write to, creating the missing folders one level at
 * a time (Node's recursive mkdir loops forever under /proc). Called before any rendering, so
 * a wrong --out fails at once.
 * @throws UsageError naming the folder and why it cannot be used.
 */
export async function ensureWritableDir(dir: string): Promise<void> {
  const abs = path.resolve(dir);
  const missing: string[] = [];
  let existing = abs;
  for (;;) {
    try {
      const s = await stat(existing);
      if (!s.isDirectory()) throw new UsageError(`cannot write into "${dir}": "${existing}" is a file, not a folder`);
      break;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new UsageError(`cannot write into "${dir}": ${code ?? (e as Error).message}`);
      missing.unshift(existing);
      const parent = path.dirname(existing);
      if (parent === existing) throw new UsageError(`cannot write into "${dir}": no such folder`);
      existing = parent;
    }
  }
  try {
    await access(existing, constants.W_OK);
    for (const m of missing) await mkdir(m);
    const probe = path.join(abs, `.encre-write-test-${process.pid}`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (e) {
    throw new UsageError(`cannot write into "${dir}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * The file operations `writeAllAtomic` uses. Node's by default; a test passes its own to
 * simulate a full disk or a failing rename. The commit phase is synchronous on purpose: no
 * signal handler (SIGINT, SIGTERM) can run in the middle of it.
 */
export interface WriteFs {
  /** Creates a folder and its parents (no error when it exists). */
  mkdir(dir: string): Promise<void>;
  writeFile(file: string, bytes: Uint8Array | string): Promise<void>;
  /** undefined when nothing has that name. */
  statSync(file: string): { isDirectory(): boolean } | undefined;
  linkSync(existing: string, link: string): void;
  copyFileSync(from: string, to: string): void;
  renameSync(from: string, to: string): void;
  /** Removes a file; no error when it does not exist. */
  rmSync(file: string): void;
}

/** Node's file system. */
export const nodeWriteFs: WriteFs = {
  mkdir: async (dir) => void (await mkdir(dir, { recursive: true })),
  writeFile: (file, bytes) => writeFile(file, bytes),
  statSync: (file) => statSync(file, { throwIfNoEntry: false }),
  linkSync,
  copyFileSync,
  renameSync,
  rmSync: (file) => rmSync(file, { force: true }),
};

/**
 * Temporary files written at once: enough to keep libuv's four threads busy with a site's
 * small files (734 files of the 382 festivals' build: 370 ms one after the other).
 */
const WRITES_AT_ONCE = 16;

/** Makes temporary names unique within this process too (two writes of one file at once). */
let sequence = 0;

/**
 * Writes several files all or nothing: every file goes to a temporary file in its folder
 * first (`.<name>.<pid>-<n>.tmp`); only when all are written are they put in place. On any
 * error the temporary files are removed and the previous files are left as they were.
 *
 * Putting them in place is one synchronous step, so a signal cannot cut it in two: each
 * existing file is first kept under a second name (a hard link, or a copy where links are
 * not supported), then each temporary file is renamed over its target (atomic: a reader
 * sees the previous file or the complete new one, never a half-written one). If the k-th
 * rename fails (k of n), the k − 1 files already replaced are put back from what was kept
 * (a rename again) and the files that did not exist before are removed: out/ is left as it
 * was — all the previous files, none of the new ones. What was kept is then removed.
 * @param fs the file operations (tests simulate failures with their own).
 * @throws UsageError naming the file and the reason in words ("the disk is full (ENOSPC)")
 *   when a file cannot be written or put in place, or when a folder has a target's name.
 */
export async function writeAllAtomic(files: { file: string; bytes: Uint8Array | string }[], fs: WriteFs = nodeWriteFs): Promise<void> {
  const staged: { tmp: string; file: string }[] = [];
  const removeTemps = () => {
    for (const { tmp } of staged) {
      try {
        fs.rmSync(tmp);
      } catch {
        // reported below if it matters: the write error is the one to show
      }
      pendingTemps.delete(tmp);
    }
  };
  // 1. every file to its temporary file: the folders made first (once each), then the files
  // written WRITES_AT_ONCE at a time (one after the other, each waited for, a site of 734
  // files took 370 ms, most of it waiting on the file system); no write starts after one failed.
  for (const { file } of files) {
    staged.push({ tmp: path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${++sequence}.tmp`), file });
  }
  const folders = new Map<string, string>();
  for (const { file } of files) if (!folders.has(path.dirname(file))) folders.set(path.dirname(file), file);
  for (const [dir, file] of folders) {
    try {
      await fs.mkdir(dir);
    } catch (e) {
      throw writeError(file, e, 'nothing was changed: the previous files are as they were');
    }
  }
  const failures: { index: number; error: unknown }[] = [];
  let next = 0;
  const writer = async () => {
    while (failures.length === 0 && next < staged.length) {
      const index = next++;
      const { tmp } = staged[index]!;
      pendingTemps.add(tmp);
      try {
        await fs.writeFile(tmp, files[index]!.bytes);
      } catch (error) {
        failures.push({ index, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_AT_ONCE, staged.length) }, writer));
  if (failures.length > 0) {
    removeTemps();
    // The first file (in the order given) whose write failed.
    const failed = failures.reduce((a, b) => (b.index < a.index ? b : a));
    throw writeError(staged[failed.index]!.file, failed.error, 'nothing was changed: the previous files are as they were');
  }
  for (const { file } of staged) {
    if (fs.statSync(file)?.isDirectory()) {
      removeTemps();
      throw new UsageError(`cannot write "${shown(file)}": a folder has that name; nothing was changed`);
    }
  }
  // 2. keep the previous files, then rename: one synchronous step
  const kept: { file: string; old: string | undefined }[] = [];
  try {
    for (const { file } of staged) {
      if (!fs.statSync(file)) {
        kept.push({ file, old: undefined });
        continue;
      }
      const old = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${++sequence}.old.tmp`);
      try {
        fs.linkSync(file, old);
      } catch {
        fs.copyFileSync(file, old);
      }
      kept.push({ file, old });
    }
  } catch (e) {
    const failed = staged[kept.length]!.file;
    for (const k of kept) if (k.old) fs.rmSync(k.old);
    removeTemps();
    throw writeError(failed, e, 'nothing was changed: the previous files are as they were');
  }
  let renamed = 0;
  try {
    for (const { tmp, file } of staged) {
      fs.renameSync(tmp, file);
      pendingTemps.delete(tmp);
      renamed++;
    }
  } catch (e) {
    const failed = staged[renamed]!.file;
    const lost: string[] = [];
    for (let i = renamed - 1; i >= 0; i--) {
      const { file, old } = kept[i]!;
      try {
        if (old) fs.renameSync(old, file);
        else fs.rmSync(file);
      } catch {
        lost.push(shown(file));
      }
    }
    for (const k of kept.slice(renamed)) if (k.old) fs.rmSync(k.old);
    removeTemps();
    throw writeError(
      failed,
      e,
      lost.length === 0
        ? `nothing was changed: the ${renamed} file${renamed === 1 ? '' : 's'} already replaced ${renamed === 1 ? 'was' : 'were'} put back as ${renamed === 1 ? 'it was' : 'they were'}`
        : `these files could not be put back and are the new ones: ${lost.join(', ')}`,
    );
  }
  // 3. what was kept is no longer needed
  for (const k of kept) {
    if (!k.old) continue;
    try {
      fs.rmSync(k.old);
    } catch {
      // a leftover hidden .old.tmp file is harmless; the next build's is another name
    }
  }
}

/** The reason of a file system error in words, with its code. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EROFS: 'the file system is read-only',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EIO: 'an input/output error (a failing disk or a lost network drive?)',
    EMFILE: 'too many open files',
    ENAMETOOLONG: 'the name is too long',
  };
  if (code && words[code]) return `${words[code]} (${code})`;
  return code ? `${(e as Error).message.replace(/^[A-Z]+: /, '')} (${code})` : (e as Error).message;
}

function writeError(file: string, e: unknown, outcome: string): Error {
  if (e instanceof UsageError) return e;
  const hint = (e as NodeJS.ErrnoException).code === 'ENOSPC' || (e as NodeJS.ErrnoException).code === 'EDQUOT' ? '; free some space and build again' : '';
  return new UsageError(`cannot write "${shown(file)}": ${reason(e)}; ${outcome}${hint}`);
}

/** A path as shown in messages: relative to the working folder when inside it. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Temporary files being written right now (removed if the process is interrupted). */
const pendingTemps = new Set<string>();

/**
 * Removes the temporary files of writes in progress, synchronously: for SIGINT/SIGTERM
 * handlers, so that an interrupted build leaves the previous files and no temporary ones.
 */
export function removePendingTemps(): void {
  for (const tmp of pendingTemps) rmSync(tmp, { force: true });
  pendingTemps.clear();
}

/** Writes one file atomically (see writeAllAtomic). */
export async function writeAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  await writeAllAtomic([{ file, bytes }]);
}
