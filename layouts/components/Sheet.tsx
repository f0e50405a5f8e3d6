import type { ReactNode } from 'react';
import { Page } from '@react-pdf/renderer';
import type { Format } from '../../src/units.js';
import { mm } from '../../src/units.js';

/**
 * One sheet of a document, at trim size (`format` in mm). encre's paginator has already
 * decided what goes on it, so react-pdf never needs to split it; the page is still left
 * wrappable because react-pdf 4.9 gives a `wrap={false}` page a height of 0 in its layout,
 * which collapses anything anchored to the page foot. Content that overflows therefore shows
 * up as an extra page, which the preflight's page-count rules catch.
 */
export function Sheet({ format, background, children }: { format: Format; background: string; children: ReactNode }) {
  const width = mm(format.width);
  const height = mm(format.height);
  return (
    <Page size={[width, height]} style={{ backgroundColor: background }}>
      {children}
    </Page>
  );
}
