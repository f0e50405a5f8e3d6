import { access, constants, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rmSync } from 'node:fs';
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
 * Writes several files all or nothing: every file goes to a temporary file in its folder
 * first; only when all are written are they renamed into place (a rename is atomic), so a
 * reader or an interrupted build sees either the previous files or the complete new ones,
 * never a half-written PDF. On any error the temporary files are removed.
 */
export async function writeAllAtomic(files: { file: string; bytes: Uint8Array | string }[]): Promise<void> {
  const staged: { tmp: string; file: string }[] = [];
  try {
    for (const { file, bytes } of files) {
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
      staged.push({ tmp, file });
      pendingTemps.add(tmp);
      await writeFile(tmp, bytes);
    }
    for (const { tmp, file } of staged) {
      const target = await stat(file).catch(() => undefined);
      if (target?.isDirectory()) throw new UsageError(`cannot write "${file}": a folder has that name`);
    }
    for (const { tmp, file } of staged) {
      await rename(tmp, file);
      pendingTemps.delete(tmp);
    }
  } catch (e) {
    await Promise.all(staged.map(({ tmp }) => rm(tmp, { force: true })));
    throw e;
  } finally {
    for (const { tmp } of staged) pendingTemps.delete(tmp);
  }
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
