import type { ReactElement } from 'react';
import { pdf } from '@react-pdf/renderer';

/**
 * Renders a react-pdf <Document> element to PDF bytes (in memory; nothing is written).
 * The Document's creationDate must be set by the caller (react-pdf would use the clock).
 */
export async function renderPdf(element: ReactElement): Promise<Uint8Array> {
  const stream = (await pdf(element as never).toBuffer()) as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as unknown as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}
