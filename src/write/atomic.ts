import { access, constants, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { closeSync, copyFileSync, linkSync, openSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
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
      if (code !== 'ENOENT') throw new UsageError(`cannot write into "${dir}": ${reason(e)}`);
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
    throw new UsageError(`cannot write into "${dir}": ${reason(e)}`);
  }
}

/**
 * The file operations `writeAllAtomic` uses. Node's by default; a test passes its own to
 * simulate a full disk or a failing rename. The commit phase is synchronous on purpose: no
 * signal handler (SIGINT, SIGTERM) can run in the middle of it.
 */
export interface WriteFs {
  /** Creates a folder and its parents (no error when it exists); returns the first folder it created, if any. */
  mkdir(dir: string): Promise<string | undefined>;
  /**
   * Writes a file. Node's creates it before it returns (synchronously), so that from the
   * moment its name is pending the file exists for the signal handlers to remove.
   */
  writeFile(file: string, bytes: Uint8Array | string): Promise<void>;
  /** undefined when nothing has that name. */
  statSync(file: string): { isDirectory(): boolean } | undefined;
  linkSync(existing: string, link: string): void;
  copyFileSync(from: string, to: string): void;
  renameSync(from: string, to: string): void;
  /** Removes a file; no error when it does not exist. */
  rmSync(file: string): void;
  /** Removes a folder if it is empty; no error otherwise. */
  rmdirSync(dir: string): void;
}

/** Node's file system. */
export const nodeWriteFs: WriteFs = {
  mkdir: (dir) => mkdir(dir, { recursive: true }),
  writeFile: (file, bytes) => {
    // Created now, empty: from here on an interrupt finds the file to remove. Then written
    // without creating it again ('r+'): an open still waiting for libuv's threads when the
    // handler removed the file fails instead of leaving it behind.
    closeSync(openSync(file, 'w'));
    return writeFile(file, bytes, { flag: 'r+' });
  },
  statSync: (file) => statSync(file, { throwIfNoEntry: false }),
  linkSync,
  copyFileSync,
  renameSync,
  rmSync: (file) => rmSync(file, { force: true }),
  rmdirSync: (dir) => {
    try {
      rmdirSync(dir);
    } catch {
      // not empty (another file than this build's), or already gone
    }
  },
};

/**
 * Temporary files written at once: enough to keep libuv's four threads busy with a site's
 * small files (the 734 files of the 382 festivals' build: 1.10–1.17 s one after the other,
 * 0.54–1.01 s so, on a virtual machine's disk).
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
 * was — all the previous files, none of the new ones. What was kept is then removed. The
 * folders made for the files are removed too when a write fails, those left empty.
 * @param fs the file operations (tests simulate failures with their own).
 * @throws UsageError naming the file and the reason in words ("the disk is full (ENOSPC)")
 *   when a file cannot be written or put in place, or when a folder has a target's name.
 */
export async function writeAllAtomic(files: { file: string; bytes: Uint8Array | string }[], fs: WriteFs = nodeWriteFs): Promise<void> {
  const staged = files.map(({ file }) => ({ tmp: path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${++sequence}.tmp`), file }));
  const folders = [...new Set(staged.map((s) => path.dirname(s.file)))];
  /** The first folder each mkdir created (the folders below it were created too). */
  const created: string[] = [];
  const removeTemps = () => {
    for (const { tmp } of staged) {
      try {
        fs.rmSync(tmp);
      } catch {
        // reported below if it matters: the write error is the one to show
      }
      pendingTemps.delete(tmp);
    }
    removeCreatedFolders(fs, created, folders);
  };
  // 1. every file to its temporary file: the folders made first (once each, not once per
  // file), then the files written WRITES_AT_ONCE at a time, started in the order given (one
  // after the other, each waited for, most of a site's writing was waiting on the file
  // system). No write starts after one failed, and the error named is that of the first
  // file, in that order, that could not be written (its folder could not be made, or the file).
  const folderErrors = new Map<string, unknown>();
  await inTurns(folders.length, () => false, async (i) => {
    try {
      const first = await fs.mkdir(folders[i]!);
      if (first) created.push(first);
    } catch (error) {
      folderErrors.set(folders[i]!, error);
    }
  });
  const failures: { index: number; error: unknown }[] = [];
  await inTurns(staged.length, () => failures.length > 0, async (index) => {
    const { tmp, file } = staged[index]!;
    const dir = path.dirname(file);
    if (folderErrors.has(dir)) {
      failures.push({ index, error: folderErrors.get(dir) });
      return;
    }
    pendingTemps.add(tmp);
    try {
      await fs.writeFile(tmp, files[index]!.bytes);
    } catch (error) {
      failures.push({ index, error });
    }
  });
  if (failures.length > 0) {
    removeTemps();
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

/**
 * Runs `run(0)`, `run(1)` … `run(count - 1)`, {@link WRITES_AT_ONCE} at a time, each started
 * in that order (the n-th started is `run(n - 1)`), none started once `stop()` is true.
 * Resolves when those started have settled.
 */
async function inTurns(count: number, stop: () => boolean, run: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const turn = async () => {
    while (!stop() && next < count) await run(next++);
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_AT_ONCE, count) }, turn));
}

/**
 * Removes the folders a failed write created, deepest first, those left empty only: out/ is
 * left as it was, without the empty tree of a site that was not written.
 * @param created the first folder each mkdir created
 * @param dirs the folders of the files to write, each once
 */
function removeCreatedFolders(fs: WriteFs, created: readonly string[], dirs: readonly string[]): void {
  if (created.length === 0) return;
  const made = new Set<string>();
  for (let dir of dirs) {
    const top = created.find((c) => dir === c || dir.startsWith(c + path.sep));
    if (!top) continue;
    for (; dir !== top && dir.length > top.length; dir = path.dirname(dir)) made.add(dir);
    made.add(top);
  }
  for (const dir of [...made].sort((a, b) => b.split(path.sep).length - a.split(path.sep).length)) fs.rmdirSync(dir);
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
    EEXIST: 'a file has the name of a folder needed here',
    ENOTDIR: 'a file has the name of a folder on the way',
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
