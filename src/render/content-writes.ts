import PDFDocument from 'pdfkit';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { KeptMap } from '../cache/kept.js';

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
 * - The pieces a page's content stream is written in are gathered as text and turned into
 *   bytes once, when pdfkit finishes the stream (it joins them before compressing anyway),
 *   by Node's Latin-1 encoder: the low byte of each UTF-16 unit, as pdfkit's
 *   fromBinaryString (a loop in JavaScript, 7 times slower).
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
  document: { _security?: unknown };
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
  proto.path = function (this: Doc, d: string): Doc {
    let ops = known.get(d);
    if (ops === undefined) {
      const written: string[] = [];
      // The operators pdfkit writes for this path, taken instead of written.
      this.addContent = (data: string) => {
        written.push(data);
        return this;
      };
      try {
        draw.call(this, d);
      } finally {
        delete (this as Partial<Doc>).addContent;
      }
      ops = written.length > 0 ? written.join('\n') : null;
      known.set(d, ops);
    }
    if (ops !== null) this.addContent(ops);
    return this;
  };
}

function gatherWrites(proto: Ref): void {
  const write = proto.write;
  const finalize = proto.finalize;
  const pending = new WeakMap<Ref, string[]>();
  const flush = (ref: Ref) => {
    const texts = pending.get(ref);
    if (!texts || texts.length === 0) return;
    pending.delete(ref);
    // One piece: the same bytes as each text and its line feed written one after the other.
    write.call(ref, Buffer.from(`${texts.join('\n')}\n`, 'latin1'));
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
  proto.finalize = function (this: Ref): void {
    flush(this);
    if (deflated && this.compress && this.buffer.length > 0 && !this.document._security) {
      const raw = Buffer.concat(this.buffer);
      const key = `${raw.length}:${createHash('sha256').update(raw).digest('base64')}`;
      let z = deflated.get(key);
      if (!z) deflated.set(key, (z = deflateSync(raw)));
      // Written as they are: pdfkit joins the one piece and, told not to compress, keeps it
      // (the stream's Filter was set when it was first written to).
      this.buffer = [z];
      this.compress = false;
    }
    finalize.call(this);
  };
}
