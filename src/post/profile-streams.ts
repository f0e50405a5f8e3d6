import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { PDFContext, type PDFDocument, type PDFRawStream } from './pdf-lib.js';
import { TOOL_ROOT } from '../paths.js';

/*
 * The ICC profiles' streams of the print files' output intents (PDF/X: DestOutputProfile),
 * deflated by pdf-lib's own PDFContext.flateStream (its bundled pako). pako takes about 0.1 s
 * for FOGRA39's 0.24 MB, in every process that writes a print file; so `npm run compile`
 * deflates encre's own profiles (assets/icc/) once, with the same call, into PREDEFLATED, and
 * a build takes them from there, when a file inflates to its profile. A campaign's own
 * profile, a profile changed since the compilation (another SHA-256) or a file damaged since
 * is deflated in the build, then kept for the process. The same bytes either way
 * (tests/profile-streams.test.ts); the files are in the build cache's key (src/cache/fingerprint.ts).
 */

/** Where `npm run compile` puts encre's profiles deflated: `<SHA-256 of the profile>-<components>.deflate`. */
export const PREDEFLATED = path.join(TOOL_ROOT, 'dist/icc');

/** encre's own ICC profiles. */
const PROFILES = path.join(TOOL_ROOT, 'assets/icc');

/** Deflated profiles, by their file name in {@link PREDEFLATED}: each print file embeds the same one. */
const deflated = new Map<string, Uint8Array>();

function nameOf(icc: Uint8Array, n: number): string {
  return `${createHash('sha256').update(icc).digest('hex')}-${n}.deflate`;
}

/** `icc` deflated as pdf-lib's PDFContext.flateStream deflates a stream's contents (`n`: the profile's components). */
function deflateProfile(icc: Uint8Array, n: number): Uint8Array {
  return PDFContext.create().flateStream(icc, { N: n }).getContents();
}

/**
 * A stream of an ICC profile's bytes (`n` components: 4 for CMYK), deflated: the dictionary
 * and bytes PDFContext.flateStream gives, taken from {@link PREDEFLATED} or this process's
 * earlier files when they have them.
 * @param dir where the compilation put the deflated profiles (tests give another folder).
 */
export function profileStream(ctx: PDFDocument['context'], icc: Uint8Array, n: number, dir = PREDEFLATED): PDFRawStream {
  const name = nameOf(icc, n);
  let bytes = deflated.get(name);
  if (!bytes) {
    const file = path.join(dir, name);
    // Taken only when it inflates to the profile (zlib, about 1 ms): a file emptied, cut or
    // damaged since the compilation is not embedded; the profile is deflated here instead.
    const stored = existsSync(file) ? new Uint8Array(readFileSync(file)) : undefined;
    bytes = stored && inflatesTo(stored, icc) ? stored : deflateProfile(icc, n);
    deflated.set(name, bytes);
  }
  // The dictionary flateStream gives: { N, Filter } (Length is written with the stream).
  return ctx.stream(bytes, { N: n, Filter: 'FlateDecode' });
}

/** Whether `deflated` is a zlib stream whose bytes are `icc`'s. */
function inflatesTo(deflated: Uint8Array, icc: Uint8Array): boolean {
  try {
    return Buffer.compare(inflateSync(deflated), icc) === 0;
  } catch {
    return false;
  }
}

/**
 * Deflates each of encre's profiles (assets/icc/*.icc, CMYK: 4 components) into
 * {@link PREDEFLATED}: run by `npm run compile`.
 * @returns the files written.
 */
export function writePredeflated(): string[] {
  mkdirSync(PREDEFLATED, { recursive: true });
  return readdirSync(PROFILES).filter((f) => f.endsWith('.icc')).map((f) => {
    const icc = new Uint8Array(readFileSync(path.join(PROFILES, f)));
    const out = path.join(PREDEFLATED, nameOf(icc, 4));
    writeFileSync(out, deflateProfile(icc, 4));
    return out;
  });
}

// `node dist/src/post/profile-streams.js` (npm run compile).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) writePredeflated();
