import type { ReactElement } from 'react';
import { pdf } from '@react-pdf/renderer';

/** The mounted <Document> node of react-pdf's reconciler: its props and its <Page> nodes. */
export interface DocumentNode {
  props: Record<string, unknown>;
  children: unknown[];
}

/**
 * Mounts a <Document> element with react-pdf's reconciler (`pdf()`, which renders it at
 * once) and returns its node, once the event loop has turned.
 *
 * Why the turn: the reconciler (React 19's) keeps each root it rendered in its list of
 * scheduled roots until a Scheduler task, run by `setImmediate` in Node, finds the root has
 * no work left. A build awaits promises that are already settled, so without a turn that
 * task waited for the end of the file, and every <Document> mounted (each measurement's
 * probe, each chunk of pages) stayed in memory with its fibre tree and its props: the
 * 10,000-event programme (screen file, on a worker) peaked at 1.49–1.51 GB of resident
 * memory, 1.15–1.17 GB with the turn, the same bytes (tests/mounted-roots.test.ts).
 * @throws Error (internal) when react-pdf mounted no <Document>.
 */
export async function mountDocument(element: ReactElement): Promise<DocumentNode> {
  const root = (pdf(element as never) as unknown as { container: { document: DocumentNode | null } }).container.document;
  if (!root) throw new Error('internal: react-pdf mounted no <Document>');
  await new Promise<void>((resolve) => setImmediate(resolve));
  return root;
}
