import { describe, expect, it, vi } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { pbkdf2 } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { nodeWriteFs, writeAllAtomic, type WriteFs } from '../src/write/atomic.js';
import { build } from '../src/build.js';
import { PreflightError, UsageError } from '../src/model/errors.js';
import { ROOT, EPOCH } from './helpers/sample.js';

/**
 * Nothing half-written: out/ files are replaced all or nothing. A full disk (ENOSPC) while
 * the temporary files are written, a rename that fails in the middle, a build whose
 * preflight fails: the previous files stay byte for byte, and no temporary file is left.
 */

/** A full disk for the temporary files of builds (through build(), which uses Node's fs). */
const disk = vi.hoisted(() => ({ fullFor: undefined as RegExp | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile = (async (file: Parameters<typeof fs.writeFile>[0], ...rest: unknown[]) => {
    if (disk.fullFor?.test(String(file))) {
      // a few bytes written, then no space left, as a real full disk does
      await (fs.writeFile as (f: unknown, d: unknown) => Promise<void>)(file, 'partial');
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    return (fs.writeFile as (...a: unknown[]) => Promise<void>)(file, ...rest);
  }) as typeof fs.writeFile;
  return { ...fs, default: { ...fs, writeFile }, writeFile };
});

/** Every file under `dir`: relative path → bytes (hex digest would do; bytes say more on failure). */
function snapshot(dir: string): Record<string, Buffer> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f))]),
  );
}

const names = (dir: string) => Object.keys(snapshot(dir));

/** An out/ folder holding the previous build: 9 files, of which screen/ ones in a sub-folder. */
function previousOut(): string {
  const out = mkdtempSync(path.join(os.tmpdir(), 'encre-atomic-'));
  for (const f of ['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'preflight.json']) writeFileSync(path.join(out, f), `previous ${f}\n`);
  return out;
}

/** Node's fs with one failure injected: the n-th call of `op` throws `code`. */
function failing(op: 'writeFile' | 'renameSync' | 'linkSync', n: number, code: string): WriteFs & { calls: string[] } {
  let count = 0;
  const calls: string[] = [];
  const fail = (what: string) => {
    calls.push(what);
    if (++count === n) throw Object.assign(new Error(`${code}: simulated, ${op} '${what}'`), { code });
  };
  return {
    ...nodeWriteFs,
    calls,
    writeFile: async (file, bytes) => {
      if (op === 'writeFile') {
        try {
          fail(file);
        } catch (e) {
          await nodeWriteFs.writeFile(file, String(bytes).slice(0, 3)); // half-written
          throw e;
        }
      }
      return nodeWriteFs.writeFile(file, bytes);
    },
    renameSync: (from, to) => {
      if (op === 'renameSync') fail(to);
      nodeWriteFs.renameSync(from, to);
    },
    linkSync: (existing, link) => {
      if (op === 'linkSync') fail(existing);
      nodeWriteFs.linkSync(existing, link);
    },
  };
}

/** 9 new files: the 5 previous ones replaced, 4 new (one in a sub-folder). */
const newFiles = (out: string) =>
  ['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'e.pdf', 'f.pdf', 'screen/a.pdf', 'screen/b.pdf', 'preflight.json'].map((f) => ({ file: path.join(out, f), bytes: `new ${f}, complete\n` }));

describe('writeAllAtomic', () => {
  it('replaces every file, and leaves no temporary file', async () => {
    const out = previousOut();
    await writeAllAtomic(newFiles(out));
    const after = snapshot(out);
    expect(Object.keys(after)).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'e.pdf', 'f.pdf', 'preflight.json', 'screen/a.pdf', 'screen/b.pdf']);
    for (const [f, bytes] of Object.entries(after)) expect(bytes.toString()).toBe(`new ${f}, complete\n`);
  });

  it('a full disk (ENOSPC) while writing the 3rd file: the previous files byte for byte, no temporary file, the file and "disk is full" named', async () => {
    const out = previousOut();
    const before = snapshot(out);
    const fs = failing('writeFile', 3, 'ENOSPC');
    const error = await writeAllAtomic(newFiles(out), fs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`cannot write "${path.join(out, 'c.pdf')}": the disk is full (ENOSPC); nothing was changed: the previous files are as they were; free some space and build again`);
    // Files are written 16 at a time: the 9 started together, the ones written removed too.
    expect(fs.calls).toHaveLength(9);
    expect(snapshot(out)).toEqual(before);
    // the screen/ folder made for the new files is removed too
    expect(existsSync(path.join(out, 'screen'))).toBe(false);
  });

  it('names the first file, in the order given, that could not be written, and leaves no folder it made', async () => {
    const out = previousOut();
    const before = snapshot(out);
    const fs: WriteFs = {
      ...nodeWriteFs,
      // site/e/ cannot be made (a file has its name), and c.pdf, earlier in the list, cannot be written
      mkdir: async (dir) => {
        if (dir.endsWith(`${path.sep}e`)) throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${dir}'`), { code: 'EEXIST' });
        return nodeWriteFs.mkdir(dir);
      },
      writeFile: async (file, bytes) => {
        if (path.basename(file).startsWith('.c.pdf.')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return nodeWriteFs.writeFile(file, bytes);
      },
    };
    const files = ['site/index.html', 'a.pdf', 'c.pdf', 'site/e/one.html', 'site/e/two.html', 'screen/a.pdf'].map((f) => ({ file: path.join(out, f), bytes: `new ${f}\n` }));
    const error = await writeAllAtomic(files, fs).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`cannot write "${path.join(out, 'c.pdf')}": permission denied (EACCES); nothing was changed: the previous files are as they were`);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).sort()).toEqual(Object.keys(before).sort());
    // the folder itself is named in words when it is the first failure
    const later = await writeAllAtomic(files.filter((f) => !f.file.endsWith('c.pdf')), fs).catch((e: unknown) => e);
    expect((later as Error).message).toBe(`cannot write "${path.join(out, 'site/e/one.html')}": a file has the name of a folder needed here (EEXIST); nothing was changed: the previous files are as they were`);
    expect(readdirSync(out).sort()).toEqual(Object.keys(before).sort());
  });

  it('creates each temporary file before its write is waited for, so that an interrupt can remove it', async () => {
    // An interrupt's handler (src/cli/main.ts) removes the pending temporary files, then the
    // process exits. A file whose open was still queued for libuv's threads was created after
    // the handler had run, and left behind (a helper found up to 16 after a SIGINT). The
    // threads are kept busy here, so that a queued open is seen as such.
    const out = previousOut();
    const busy = Array.from({ length: 4 }, () => new Promise((resolve) => pbkdf2('encre', 'salt', 300_000, 32, 'sha256', resolve)));
    const tmp = path.join(out, '.x.pdf.tmp');
    const written = nodeWriteFs.writeFile(tmp, 'complete');
    expect(existsSync(tmp)).toBe(true);
    // Removed meanwhile (the handler's rmSync): the write does not create it again.
    rmSync(tmp);
    await expect(written).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(tmp)).toBe(false);
    await Promise.all(busy);
    await nodeWriteFs.writeFile(tmp, 'complete');
    expect(readFileSync(tmp, 'utf8')).toBe('complete');
  });

  it('the 3rd of 9 renames fails: the 2 files already replaced are put back, new ones removed — out/ exactly as before', async () => {
    const out = previousOut();
    const before = snapshot(out);
    const fs = failing('renameSync', 3, 'EIO');
    const error = await writeAllAtomic(newFiles(out), fs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `cannot write "${path.join(out, 'c.pdf')}": an input/output error (a failing disk or a lost network drive?) (EIO); nothing was changed: the 2 files already replaced were put back as they were`,
    );
    expect(snapshot(out)).toEqual(before);
  });

  it('a rename failing after new files were created removes them too (the 7th of 9: e.pdf and f.pdf were new)', async () => {
    const out = previousOut();
    const before = snapshot(out);
    const error = await writeAllAtomic(newFiles(out), failing('renameSync', 7, 'ENOSPC')).catch((e: unknown) => e);
    expect((error as Error).message).toContain(`cannot write "${path.join(out, 'screen/a.pdf')}": the disk is full (ENOSPC); nothing was changed: the 6 files already replaced were put back`);
    expect(snapshot(out)).toEqual(before);
  });

  it('keeps the previous files by copy where hard links are not supported', async () => {
    const out = previousOut();
    const before = snapshot(out);
    const fs = failing('renameSync', 4, 'EIO');
    const noLinks: WriteFs = { ...fs, linkSync: () => { throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' }); } };
    await writeAllAtomic(newFiles(out), noLinks).catch(() => {});
    expect(snapshot(out)).toEqual(before);
    await writeAllAtomic(newFiles(out), { ...nodeWriteFs, linkSync: noLinks.linkSync });
    expect(names(out)).toHaveLength(9);
  });
});

describe('builds leave out/ as it was', () => {
  it('when the disk fills up while the PDFs are written (ENOSPC), and when the preflight fails', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-atomic-build-'));
    await build({ root: ROOT, content: 'content', out, documents: ['affiche'], sourceDateEpoch: EPOCH });
    const before = snapshot(out);
    expect(Object.keys(before)).toEqual(['affiche.pdf', 'fiche-de-fabrication.json', 'fiche-de-fabrication.pdf', 'imprimeur/mois-de-l-ess-2016-affiche-A3-1p.pdf', 'preflight.json', 'screen/affiche.pdf']);

    // (a) the disk fills up on the screen affiche, after the print one was written
    disk.fullFor = /[/\\]screen[/\\]\.affiche\.pdf\.\d+-\d+\.tmp$/;
    try {
      const error = await build({ root: ROOT, content: 'content', out, documents: ['affiche'], sourceDateEpoch: '1500000000' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(/^cannot write "[^"]*screen\/affiche\.pdf": the disk is full \(ENOSPC\); nothing was changed/);
    } finally {
      disk.fullFor = undefined;
    }
    expect(snapshot(out), 'out/ byte for byte, no temporary file').toEqual(before);

    // (b) a preflight error (a 72 ppi logo): nothing written
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-atomic-'));
    try {
      cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'low.png'), await sharp({ create: { width: 34, height: 34, channels: 3, background: '#336699' } }).png().toBuffer());
      const campaign = readFileSync(path.join(dir, 'campaign.yaml'), 'utf8').replace(/^partners:\n/m, `partners:\n  - { name: Basse résolution, logo: low.png }\n`);
      writeFileSync(path.join(dir, 'campaign.yaml'), campaign);
      const error = await build({ root: ROOT, content: path.relative(ROOT, dir), out, documents: ['affiche'], sourceDateEpoch: '1500000000' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PreflightError);
      expect((error as Error).message).toMatch(/below 150 ppi/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(snapshot(out), 'out/ byte for byte after a failed preflight').toEqual(before);
  }, 120_000);
});
