import type { ReactElement } from 'react';
import { pdf } from '@react-pdf/renderer';
import type { LaidOutNode } from '../preflight/layout.js';

/**
 * Renders a react-pdf <Document> element to PDF bytes (in memory; nothing is written), and
 * returns react-pdf's final layout tree for the preflight.
 * The Document's creationDate must be set by the caller (react-pdf would use the clock).
 */
export async function renderPdf(element: ReactElement): Promise<{ bytes: Uint8Array; layout: LaidOutNode }> {
  let layout: LaidOutNode | undefined;
  const onRender = (params: { _INTERNAL__LAYOUT__DATA_?: LaidOutNode }) => {
    layout = params._INTERNAL__LAYOUT__DATA_;
  };
  const instance = pdf(element as never);
  // react-pdf reports its layout to the root Document's onRender; the element may be a
  // component wrapping the Document, so the callback is set on the mounted root node.
  const root = (instance as unknown as { container: { document: { props: Record<string, unknown> } } }).container.document;
  root.props = { ...root.props, onRender };
  const stream = (await instance.toBuffer()) as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as unknown as Uint8Array));
  if (!layout) throw new Error('internal: react-pdf did not report its layout');
  return { bytes: new Uint8Array(Buffer.concat(chunks)), layout };
}
