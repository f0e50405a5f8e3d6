import { mkdir, readFile, readdir, rename, stat, unlink, writeFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { TOOL_ROOT } from '../paths.js';

/** Bytes kept in the cache folder; past this, the least recently used entries go. */
const CACHE_LIMIT_BYTES = 512 * 1024 * 1024;

/**
 * The build cache folder: ENCRE_CACHE_DIR, or node_modules/.cache/encre in encre's folder
 * (the usual place for tools' caches; never in out/, never committed). undefined when
 * caching is off (ENCRE_CACHE=0).
 */
export function cacheDir(): string | undefined {
  if (process.env.ENCRE_CACHE === '0') return undefined;
  return process.env.ENCRE_CACHE_DIR || path.join(TOOL_ROOT, 'node_modules/.cache/encre');
}

/**
 * Bytes in each cache folder at its last trim in this process, plus those written since: a
 * folder is listed again (every entry stat'ed) only when that passes the limit, not at every
 * write (the preview writes at every rebuild). Other processes' writes count from the next listing.
 */
const folderBytes = new Map<string, number>();

/**
 * A folder of files named by their key (a hash): read whole, written through a temporary file
 * and a rename (a reader never sees half an entry; two builds writing the same key write the
 * same bytes). Entries used are touched, and the folder is kept under 512 MB by removing the
 * least recently used. Every failure to read or write is a miss, never an error: the cache
 * only saves time.
 */
export class DiskCache {
  constructor(readonly dir: string) {}

  /** The bytes stored under `key`, or undefined. */
  async get(key: string): Promise<Uint8Array | undefined> {
    const file = path.join(this.dir, key);
    try {
      const bytes = await readFile(file);
      const now = new Date();
      await utimes(file, now, now).catch(() => {});
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    } catch {
      return undefined;
    }
  }

  /** Stores `bytes` under `key` (atomically), then trims the folder to its size limit. */
  async put(key: string, bytes: Uint8Array | string): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      const tmp = path.join(this.dir, `.${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      await writeFile(tmp, bytes);
      await rename(tmp, path.join(this.dir, key));
      const size = folderBytes.get(this.dir);
      const added = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
      if (size === undefined || size + added > CACHE_LIMIT_BYTES) await this.trim();
      else folderBytes.set(this.dir, size + added);
    } catch {
      // A full disk or a read-only folder: the next build makes the file again.
    }
  }

  private async trim(): Promise<void> {
    const names = (await readdir(this.dir)).filter((n) => !n.startsWith('.'));
    const entries = await Promise.all(names.map(async (n) => ({ n, s: await stat(path.join(this.dir, n)).catch(() => undefined) })));
    const live = entries.flatMap((e) => (e.s ? [{ name: e.n, size: e.s.size, used: e.s.mtimeMs }] : []));
    let total = live.reduce((t, e) => t + e.size, 0);
    for (const e of live.sort((a, b) => a.used - b.used)) {
      if (total <= CACHE_LIMIT_BYTES) break;
      await unlink(path.join(this.dir, e.name)).catch(() => {});
      total -= e.size;
    }
    folderBytes.set(this.dir, total);
  }
}
