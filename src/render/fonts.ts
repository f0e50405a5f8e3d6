import path from 'node:path';
import { Font } from '@react-pdf/renderer';
import { theme } from '../../layouts/theme.js';
import { hyphenateFrench } from '../../layouts/hyphenation.js';
import { installShapingCache } from './shaping.js';

let registered: string | undefined;

/**
 * Registers the theme's fonts (files under `<root>/assets/fonts/`) with react-pdf, and French
 * hyphenation (Liang patterns shipped as @react-pdf/hyphenate/fr). Words that are URLs,
 * e-mail addresses, capitalised (names, places) or shorter than 7 letters are never
 * hyphenated. react-pdf's font store is a process-wide singleton: registering twice for the
 * same root is a no-op.
 */
export function registerFonts(root: string): void {
  const key = `${root}\u0000${JSON.stringify(theme.fonts.faces)}`;
  if (registered === key) return;
  Font.reset();
  const first = Object.values(theme.fonts.faces)[0]?.[0];
  if (first) installShapingCache(path.resolve(root, 'assets/fonts', first.file));
  for (const [family, faces] of Object.entries(theme.fonts.faces)) {
    Font.register({
      family,
      fonts: faces.map((f) => ({ src: path.resolve(root, 'assets/fonts', f.file), fontWeight: f.fontWeight, fontStyle: f.fontStyle })),
    });
  }
  Font.registerHyphenationCallback(hyphenateFrench);
  registered = key;
}
