import { theme, type ColourName } from './theme.js';

/**
 * The colour string react-pdf receives for a theme colour. One place to switch from the
 * screen RGB to the print CMYK when the print profile lands.
 */
export function ink(name: ColourName): string {
  return theme.colours[name].rgb;
}

/** The colour of section `index` (cycles through theme.sectionColours). */
export function sectionInk(index: number): string {
  const list = theme.sectionColours;
  return list[index % list.length]!.rgb;
}
