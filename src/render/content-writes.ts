import PDFDocument from 'pdfkit';
import { createHash } from 'node:crypto';
import { deflate, deflateSync } from 'node:zlib';
import { KeptMap } from '../cache/kept.js';
import { AsciiText } from './ascii-text.js';

/*
 * pdfkit's drawing, made faster without changing a byte of its output (pdfkit 0.20.1).
 *
 * - SVG paths (`doc.path(d)`: the QR codes, vector logos, shapes). pdfkit parses the path
 *   data and writes one operator per command (a QR code of 400 events' programme: about
 *   1,500 operators, each turned into its own byte array). The operators a path data gives
 *   are always the same (pdfkit's SVGPath starts every path at 0,0 and calls only moveTo,
 *   lineTo, bezierCurveTo, quadraticCurveTo and closePath, which only add content), so they
 *   are remembered per path data and written again as one piece: a content stream's
 *   operators are lines, and pdfkit ends each piece it is given with a line feed, so the
 *   bytes are the same. The print and screen files draw the same codes; the preview draws
 *   them at every rebuild. Profiled at 400 events: a third of drawing the programme's pages.
 *   A QR code's path (rectangles of integers, {@link rectangleRuns}) is turned into those
 *   operators without pdfkit's parser, which made an object per command.
 * - The pieces a page's content stream is written in are gathered as text and turned into
 *   bytes once, when pdfkit finishes the stream (it joins them before compressing anyway),
 *   each written straight into one buffer by Node's Latin-1 encoder: the low byte of each
 *   UTF-16 unit, as pdfkit's fromBinaryString (a loop in JavaScript, 7 times slower).
 * - A long stream (a page's content, {@link DEFLATE_APART} bytes or more) is deflated on
 *   libuv's thread pool (zlib's deflate with pdfkit's options: none) while the next pages
 *   are laid out and drawn, instead of on this thread when pdfkit finishes it. Objects are
 *   still written in the order pdfkit finishes them: one finished while earlier ones are
 *   being deflated waits for them (its offset in the file, the cross-reference table and the
 *   trailer are pdfkit's, written when its turn comes; pdfkit ends the file when its last
 *   object is written). The same bytes. Profiled at 10,000 events: 2.3 s of deflating.
 * - In the preview's build process ({@link rememberCompressedStreams}), a stream's compressed
 *   bytes are remembered by its bytes' SHA-256: a rebuild leaves most pages as they were, and
 *   deflating them again was a tenth of a rebuild at 400 events.
 */

/** The part of pdfkit's document this module touches (pdfkit.node.mjs, 0.20.1). */
interface Doc {
  path(this: Doc, d: string): Doc;
  addContent(this: Doc, data: string): Doc;
  ref(data?: object): Ref;
}

/** pdfkit's PDFReference: an indirect object whose stream is written in pieces. */
interface Ref {
  write(this: Ref, chunk: string | Uint8Array): void;
  finalize(this: Ref): void;
  data: { Length?: number; Filter?: string };
  compress: boolean;
  /** The pieces written so far (pdfkit joins and deflates them in finalize). */
  buffer: Uint8Array[];
  document: { _security?: unknown; emit(event: 'error', e: Error): boolean };
}

/** Streams from this many bytes on are deflated on the thread pool (a page's content: about 46 KB at 10,000 events). */
const DEFLATE_APART = 16 << 10;
/** Bytes being deflated on the thread pool per document, at most: past them, a stream is deflated here (its order kept). */
const DEFLATING_AT_MOST = 32 << 20;

/** Whether long streams are deflated on the thread pool ({@link deflateStreamsApart}). */
let apartOn = true;

/**
 * Long streams deflated on libuv's thread pool (true, the default) or on this thread when
 * pdfkit finishes them (false): the same bytes either way. A build turns it off when its
 * threads already use every core (worker threads making files side by side), where the pool
 * could only take their time.
 */
export function deflateStreamsApart(on: boolean): void {
  apartOn = on;
}

/** Streams deflated on the thread pool, and objects written after waiting for one, in this process (for the tests). */
const apart = { deflated: 0, waited: 0 };

/** How many streams were deflated on the thread pool, and objects written after waiting for one, in this process. */
export function deflatedApart(): { deflated: number; waited: number } {
  return { ...apart };
}

/** An object pdfkit finished, waiting for its turn to be written (its stream being deflated, or one before it). */
interface Finished {
  ref: Ref;
  /** The stream deflated, when it was deflated apart. */
  deflated?: Buffer;
  ready: boolean;
}

/** A document's objects finished and not yet written, in pdfkit's order, from `head`; and the bytes being deflated. */
interface Turns {
  list: Finished[];
  head: number;
  deflating: number;
}

/** Compressed streams by their bytes' digest, in the preview's build process; undefined: not remembered. */
let deflated: KeptMap<string, Buffer> | undefined;

/**
 * From now on in this process, each stream's compressed bytes are remembered by the SHA-256
 * of its bytes (at most 64 MB of them) and written again when the same bytes come back:
 * pdfkit's deflate (zlib's default level, no options) gives the same bytes for the same input.
 * For the preview's build process, whose rebuilds draw most pages as they were; off in a
 * build, whose files share hardly a stream (the digests would only cost).
 */
export function rememberCompressedStreams(): void {
  deflated ??= new KeptMap(64 << 20, (key, z) => key.length + z.length);
}

let installed = false;

/**
 * Installs both on pdfkit's classes, once per process.
 * @throws Error (internal) when pdfkit's methods are not those of pdfkit 0.20.1.
 */
export function installFastContent(): void {
  if (installed) return;
  const proto = (PDFDocument as unknown as { prototype: Doc }).prototype;
  if (typeof proto.path !== 'function' || typeof proto.addContent !== 'function') throw new Error('internal: pdfkit has changed (path, addContent): check src/render/content-writes.ts');
  rememberPaths(proto);
  const probe = new PDFDocument({ autoFirstPage: false }) as unknown as Doc;
  const refProto = Object.getPrototypeOf(probe.ref({})) as Ref;
  gatherWrites(refProto);
  installed = true;
}

function rememberPaths(proto: Doc): void {
  const draw = proto.path;
  // The operators of each path data, as one text; null: pdfkit wrote none. At most 16 M
  // characters of path data and operators (about 2 bytes each).
  const known = new KeptMap<string, string | null>(16 << 20, (d, ops) => d.length + (ops?.length ?? 0));
  // The operators pdfkit writes for a path, taken instead of written.
  const written = (doc: Doc, d: string): string | null => {
    const pieces: string[] = [];
    doc.addContent = (data: string) => {
      pieces.push(data);
      return doc;
    };
    try {
      draw.call(doc, d);
    } finally {
      delete (doc as Partial<Doc>).addContent;
    }
    return pieces.length > 0 ? pieces.join('\n') : null;
  };
  proto.path = function (this: Doc, d: string): Doc {
    let ops = known.get(d);
    if (ops === undefined) known.set(d, (ops = rectangleRuns(d) ?? written(this, d)));
    if (ops !== null) this.addContent(ops);
    return this;
  };
}

/**
 * The operators pdfkit writes for a path made only of rectangles as the QR codes' paths are
 * (`M<x> <y>h<a>v<b>h<c>z`, integers of at most 6 digits, nothing between), without parsing
 * it as SVG path data: for each, pdfkit's SVGPath moves to (x, y), draws lines to (x+a, y),
 * (x+a, y+b), (x+a+c, y+b) and closes the subpath, each number written as pdfkit's
 * PDFObject.number writes an integer (its text). A QR code of the 10,000-event programme was
 * parsed into 1,500 command objects: 2.8 of the build's 26 GB allocated.
 * @returns the operators joined by line feeds (as pdfkit writes them), or undefined when `d`
 *   is anything else (pdfkit then draws it).
 */
export function rectangleRuns(d: string): string | undefined {
  if (d.length === 0) return undefined;
  // Each rectangle takes 11 characters at least and gives 4 lines of two numbers of at most
  // 8 characters (sums of two 6-digit numbers, a sign) and an operator, then « h ».
  const out = operators.start(Math.ceil(d.length / 11) * 82);
  let i = 0;
  /** The integer at i (a "-" first when `signed`), i moved past it; NaN when there is none. */
  const integer = (signed: boolean): number => {
    const negative = signed && d.charCodeAt(i) === 0x2d;
    if (negative) i++;
    const from = i;
    let value = 0;
    for (let c = d.charCodeAt(i); c >= 0x30 && c <= 0x39 && i - from < 6; c = d.charCodeAt(++i)) value = value * 10 + (c - 0x30);
    const c = d.charCodeAt(i);
    if (i === from || (c >= 0x30 && c <= 0x39)) return NaN;
    return negative ? -value : value;
  };
  const expect = (code: number): boolean => d.charCodeAt(i++) === code;
  let first = true;
  while (i < d.length) {
    if (!expect(0x4d /* M */)) return undefined;
    const x = integer(false);
    if (!expect(0x20)) return undefined;
    const y = integer(false);
    if (!expect(0x68 /* h */)) return undefined;
    const a = integer(true);
    if (!expect(0x76 /* v */)) return undefined;
    const b = integer(true);
    if (!expect(0x68 /* h */)) return undefined;
    const c = integer(true);
    if (!expect(0x7a /* z */) || Number.isNaN(x + y + a + b + c)) return undefined;
    const right = x + a;
    const bottom = y + b;
    if (!first) out.char(0x0a);
    first = false;
    out.int(x).char(0x20).int(y).text(' m\n');
    out.int(right).char(0x20).int(y).text(' l\n');
    out.int(right).char(0x20).int(bottom).text(' l\n');
    out.int(right + c).char(0x20).int(bottom).text(' l\nh');
  }
  return out.take();
}

/** Where rectangleRuns writes (one path at a time). */
const operators = new AsciiText();

function gatherWrites(proto: Ref): void {
  const write = proto.write;
  const finalize = proto.finalize;
  const pending = new WeakMap<Ref, string[]>();
  const flush = (ref: Ref) => {
    const texts = pending.get(ref);
    if (!texts || texts.length === 0) return;
    pending.delete(ref);
    // One piece: the same bytes as each text and its line feed written one after the other
    // (Latin-1: the low byte of each UTF-16 unit), written straight into it.
    let size = texts.length;
    for (const t of texts) size += t.length;
    const piece = Buffer.allocUnsafe(size);
    let at = 0;
    for (const t of texts) {
      at += piece.write(t, at, t.length, 'latin1');
      piece[at++] = 0x0a;
    }
    write.call(ref, piece);
  };
  proto.write = function (this: Ref, chunk: string | Uint8Array): void {
    if (typeof chunk !== 'string') {
      flush(this);
      write.call(this, chunk);
      return;
    }
    let texts = pending.get(this);
    if (!texts) {
      pending.set(this, (texts = []));
      // The stream's dictionary gets its keys in pdfkit's order, at the first piece as pdfkit
      // adds them (its Length is set when the stream is finished).
      if (this.data.Length == null) this.data.Length = 0;
      if (this.compress) this.data.Filter = 'FlateDecode';
    }
    texts.push(chunk);
  };
  const turns = new WeakMap<object, Turns>();
  /** Writes the finished objects whose turn has come (pdfkit's own finalize each). */
  const writeReady = (t: Turns) => {
    while (t.head < t.list.length && t.list[t.head]!.ready) {
      const { ref, deflated: z } = t.list[t.head]!;
      t.list[t.head++] = undefined as unknown as Finished;
      if (z) keepDeflated(ref, z);
      finalize.call(ref);
    }
    if (t.head === t.list.length) {
      t.list.length = 0;
      t.head = 0;
    }
  };
  proto.finalize = function (this: Ref): void {
    flush(this);
    if (deflated && this.compress && this.buffer.length > 0 && !this.document._security) {
      const raw = Buffer.concat(this.buffer);
      const key = `${raw.length}:${createHash('sha256').update(raw).digest('base64')}`;
      let z = deflated.get(key);
      if (!z) deflated.set(key, (z = deflateSync(raw)));
      keepDeflated(this, z);
    }
    const doc = this.document;
    let t = turns.get(doc);
    const long = apartOn && this.compress && !doc._security && this.buffer.length > 0 && byteLength(this.buffer) >= DEFLATE_APART;
    if (!long && (!t || t.head === t.list.length)) {
      finalize.call(this);
      return;
    }
    if (!t) turns.set(doc, (t = { list: [], head: 0, deflating: 0 }));
    const turn: Finished = { ref: this, ready: !long };
    t.list.push(turn);
    if (!long) {
      apart.waited++;
      return;
    }
    const raw = Buffer.concat(this.buffer);
    this.buffer = [];
    if (t.deflating + raw.length > DEFLATING_AT_MOST) {
      turn.deflated = deflateSync(raw);
      turn.ready = true;
      writeReady(t);
      return;
    }
    t.deflating += raw.length;
    apart.deflated++;
    const queued = t;
    deflate(raw, (e, z) => {
      queued.deflating -= raw.length;
      if (e) {
        doc.emit('error', e);
        return;
      }
      turn.deflated = z;
      turn.ready = true;
      // An error in pdfkit's writing comes back to the document's reader (PdfPages: the file
      // fails), as it would have from the drawing, not as an uncaught exception.
      try {
        writeReady(queued);
      } catch (thrown) {
        doc.emit('error', thrown instanceof Error ? thrown : new Error(String(thrown)));
      }
    });
  };
}

/**
 * A stream's bytes, deflated here, to be written as they are: pdfkit joins the one piece and,
 * told not to compress, keeps it (the stream's Filter was set when it was first written to).
 */
function keepDeflated(ref: Ref, z: Buffer): void {
  ref.buffer = [z];
  ref.compress = false;
}

function byteLength(pieces: Uint8Array[]): number {
  let n = 0;
  for (const p of pieces) n += p.length;
  return n;
}
