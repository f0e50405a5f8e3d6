import type { Theme } from '../../layouts/theme-schema.js';
import { contrastRatio } from '../preflight/theme.js';

/** A font file the site serves: its name under assets/fonts/ and its path in the site. */
export interface SiteFont {
  file: string;
  path: string;
}

/** `fg` when it reaches WCAG 2.1 AA's 4.5 : 1 on `bg` (normal text), else `fallback` (the theme's text colour). */
function readable(fg: string, bg: string, fallback: string): string {
  return contrastRatio(fg, bg) >= 4.5 ? fg : fallback;
}

/**
 * The site's one style sheet, from the theme: its screen colours (the sRGB of each token,
 * as computed from the CMYK through the ICC profile when the theme gives none) and fonts
 * (the text family's 400, 400 italic and 700 faces, the display family's 700), served from
 * fonts/. Text colours fall back to the theme's text colour where a token is below WCAG AA
 * contrast on the paper (the orange brand stays for rules and bands, never for text).
 * Mobile first: one column, wider margins from 40 em.
 */
export function siteStyle(theme: Theme): { css: string; fonts: SiteFont[] } {
  const c = theme.colours;
  const paper = c.paper.rgb;
  const text = readable(c.text.rgb, paper, '#000000');
  const ink = readable(c.ink.rgb, paper, text);
  const muted = readable(c.muted.rgb, paper, text);
  const tintText = readable(text, c.tint.rgb, '#000000');
  const face = (family: string, weight: number, style: 'normal' | 'italic') =>
    theme.fonts.faces[family]?.find((f) => f.fontWeight === weight && f.fontStyle === style) ?? theme.fonts.faces[family]?.[0];
  const wanted: [string, string, number, 'normal' | 'italic'][] = [
    ['t', theme.fonts.family, 400, 'normal'],
    ['t', theme.fonts.family, 400, 'italic'],
    ['t', theme.fonts.family, 700, 'normal'],
    ['d', theme.fonts.display, 700, 'normal'],
  ];
  const fonts: SiteFont[] = [];
  const faces: string[] = [];
  for (const [kind, family, weight, style] of wanted) {
    const f = face(family, weight, style);
    if (!f) continue;
    const p = `fonts/${f.file}`;
    if (!fonts.some((x) => x.path === p)) fonts.push({ file: f.file, path: p });
    const format = /\.otf$/i.test(f.file) ? 'opentype' : 'truetype';
    faces.push(`@font-face{font-family:"${kind === 't' ? 'encre-text' : 'encre-display'}";src:url("${p}") format("${format}");font-weight:${weight};font-style:${style};font-display:swap}`);
  }
  const sections = theme.sectionColours.map((s, i) => `.s${i}{border-color:${s.rgb}}`).join('');
  const css = `${faces.join('\n')}
:root{--paper:${paper};--text:${text};--ink:${ink};--muted:${muted};--brand:${c.brand.rgb};--rule:${c.rule.rgb};--tint:${c.tint.rgb}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--text);font:1rem/1.5 "encre-text",system-ui,sans-serif}
.skip{position:absolute;left:-100vw;top:0;background:var(--paper);color:var(--ink);padding:.5rem 1rem;z-index:1}
.skip:focus{left:0}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0;padding:0}
.wrap{max-width:46rem;margin:0 auto;padding:0 1rem}
header.site{border-top:.5rem solid var(--brand);padding:1rem 0 .5rem}
header.site p{margin:.25rem 0}
.site-name{font:700 1.1rem/1.3 "encre-display","encre-text",sans-serif;color:var(--ink);text-decoration:none}
h1,h2,h3{font-family:"encre-display","encre-text",sans-serif;color:var(--ink);line-height:1.2}
h1{font-size:1.75rem;margin:.75rem 0}
h2{font-size:1.35rem;margin:2rem 0 .75rem;padding-left:.6rem;border-left:.4rem solid var(--brand)}
h3{font-size:1.1rem;margin:0 0 .25rem}
a{color:var(--ink);text-decoration-thickness:1px;text-underline-offset:.15em}
a:hover,a:focus{text-decoration-thickness:2px}
a:focus-visible{outline:3px solid var(--ink);outline-offset:2px}
.muted{color:var(--muted)}
.tagline{font-size:1.1rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none;margin:1rem 0}
.actions a{display:inline-block;padding:.5rem .8rem;border:2px solid var(--ink);border-radius:.3rem;text-decoration:none;font-weight:700;min-height:44px}
nav.filters{background:var(--tint);color:${tintText};padding:.75rem 1rem;border-radius:.3rem;margin:1rem 0}
nav.filters h2{font-size:1rem;margin:.5rem 0 .25rem;padding:0;border:0}
nav.filters ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;margin:0;padding:0}
nav.filters a{display:inline-block;padding:.2rem 0;color:${readable(ink, c.tint.rgb, tintText)}}
nav.filters a[aria-current]{font-weight:700}
ol.events{list-style:none;margin:0;padding:0}
ol.events li{padding:.75rem 0;border-bottom:1px solid var(--rule)}
ol.events p{margin:.1rem 0}
.status{display:inline-block;font-weight:700;color:var(--paper);background:var(--text);padding:0 .4rem;border-radius:.2rem;margin-right:.4rem}
.notice{border:2px solid var(--text);padding:.75rem 1rem;font-weight:700;border-radius:.3rem}
dl.facts{display:grid;grid-template-columns:1fr;gap:.1rem 1rem;margin:1rem 0}
dl.facts dt{font-weight:700;color:var(--muted);margin-top:.5rem}
dl.facts dd{margin:0}
.description{margin:1.5rem 0}
footer.site{margin:3rem 0 2rem;padding-top:1rem;border-top:1px solid var(--rule);font-size:.9rem}
section.group{border-left:.4rem solid var(--brand);padding-left:.75rem;margin-top:2rem}
section.group h2{border:0;padding:0;margin-top:0}
${sections}
@media (min-width:40em){.wrap{padding:0 2rem}h1{font-size:2.2rem}dl.facts{grid-template-columns:max-content 1fr}dl.facts dt{margin-top:0}}
@media print{nav.filters,.actions{display:none}}
`;
  return { css, fonts };
}
