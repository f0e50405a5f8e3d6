import { theme, type ColourName } from './theme.js';

/**
 * The colour string react-pdf receives for a theme colour. One place to switch from the
 * screen RGB to the print CMYK when the print profile lands.
 */
export function ink(name: ColourName): string {
  return theme.colours[name].rgb;
}

/**
 * The text colour of section `index` (theme.sectionText, cycling as the section colours do):
 * the darker variant for small type on paper; the section colour when the theme gives none.
 */
export function sectionTextInk(index: number): string {
  const list = theme.sectionColours;
  return (theme.sectionText[index % list.length] ?? list[index % list.length]!).rgb;
}

/** The colour of section `index` (cycles through theme.sectionColours). */
export function sectionInk(index: number): string {
  const list = theme.sectionColours;
  return list[index % list.length]!.rgb;
}
