/**
 * The theme in force: the designer's tokens every component reads. Themes are YAML files
 * (themes/<name>.yaml, or a path; schema in layouts/theme-schema.ts, loader in
 * src/load/theme.ts): nothing to register here.
 */
import { readTheme, readThemeSync, DEFAULT_THEME, type LoadedTheme } from '../src/load/theme.js';
import { TOOL_ROOT } from '../src/paths.js';

export type { Theme, Colour, FontFace, ColourName, CardField, FieldStyle, FitSetting } from './theme-schema.js';
import type { Theme } from './theme-schema.js';
export { DEFAULT_THEME };

/**
 * The theme in force. Components read it when they render (an ES module live binding), so
 * loading another theme before a build restyles every document. Until a build loads one, the
 * default theme (themes/languedoc-roussillon.yaml, read when this module loads).
 */
export let theme: Theme = readThemeSync(TOOL_ROOT, DEFAULT_THEME).theme;

/** Makes `t` the theme of the next renders. @returns t */
export function selectTheme(t: Theme): Theme {
  theme = t;
  return t;
}

/**
 * Runs `fn` with `t` in force (a theme derived from the selected one: copyfitting), then puts
 * the theme before it back, whether `fn` resolves or throws.
 * @returns what `fn` resolves to.
 */
export async function withTheme<T>(t: Theme, fn: () => Promise<T>): Promise<T> {
  const before = theme;
  theme = t;
  try {
    return await fn();
  } finally {
    theme = before;
  }
}

/**
 * Loads a theme (a name of themes/ or a .yaml path; see src/load/theme.ts readTheme) and
 * makes it the theme of the next renders.
 * @param root the folder relative paths are found from.
 * @param campaign the campaign folder (absolute): named themes are looked up in its themes/ first.
 * @returns the loaded theme: tokens, files read, where each token is set.
 * @throws ThemeError with every problem located at the theme file's line and column.
 */
export async function loadTheme(root: string, nameOrPath: string, campaign?: string): Promise<LoadedTheme> {
  const loaded = await readTheme(root, nameOrPath, campaign);
  selectTheme(loaded.theme);
  return loaded;
}
