import type { Model } from '../derive/model.js';
import { formatDate, formatCount } from '../derive/french.js';
import { html, raw, externalLink, type SafeHtml, type HtmlValue } from './html.js';
import { descriptionHtml } from './richtext.js';
import { eventJsonLd, jsonForScript } from './jsonld.js';
import { STATUS_LABEL, type SiteEvent, type SiteStatus } from './event.js';

/**
 * Content-Security-Policy of every page: no script at all (the site needs none: JSON-LD is
 * data, not run), styles and fonts from the site only, no frames, forms or base URL.
 */
export const CSP = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/** What every page needs to know. */
export interface SiteContext {
  model: Model;
  baseUrl: string;
  /** "Mois de l’ESS 2016 en Languedoc-Roussillon": the site's name. */
  siteName: string;
  /** Filters of the home page, in order: groups of links to filter pages. */
  filters: FilterGroup[];
  /** Number of section colours of the theme (the class s<n> of a section). */
  sectionColours: number;
  /** The programme's screen PDF, when the site has it: its size in bytes. */
  programmeBytes?: number;
}

/** A filter page: its key (folder under f/), its title and its events. */
export interface Filter {
  key: string;
  label: string;
  /** The page's heading: « Événements du mardi 15 novembre 2016 ». */
  heading: string;
  events: SiteEvent[];
}

/** A group of filters shown together: « Par jour », « Par département », « Tarif », « Par catégorie ». */
export interface FilterGroup {
  name: string;
  filters: Filter[];
}

/** Relative path from a page at `depth` folders below the root back to the root: "", "../", "../../". */
function up(depth: number): string {
  return '../'.repeat(depth);
}

/** One page: head (CSP, viewport, OpenGraph, canonical address, style sheet, JSON-LD), header, main, footer. */
function page(ctx: SiteContext, p: { path: string; title: string; description: string; main: SafeHtml; jsonLd?: unknown; ogType?: string }): string {
  const depth = p.path.split('/').length - 1;
  const root = up(depth);
  const canonical = ctx.baseUrl + p.path.replace(/index\.html$/, '');
  const c = ctx.model.campaign;
  const doc = html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
<meta name="description" content="${p.description}">
<link rel="canonical" href="${canonical}">
<meta property="og:type" content="${p.ogType ?? 'website'}">
<meta property="og:site_name" content="${ctx.siteName}">
<meta property="og:locale" content="fr_FR">
<meta property="og:title" content="${p.title}">
<meta property="og:description" content="${p.description}">
<meta property="og:url" content="${canonical}">
<meta name="twitter:card" content="summary">
<link rel="stylesheet" href="${root}style.css">
<link rel="alternate" type="text/calendar" title="${`Agenda : ${ctx.siteName}`}" href="${root}agenda.ics">
${p.jsonLd ? raw(`<script type="application/ld+json">${jsonForScript(p.jsonLd)}</script>\n`) : ''}</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header class="site"><div class="wrap"><p><a class="site-name" href="${root}index.html">${ctx.siteName}</a></p><p class="muted">${ctx.model.periodLabel}</p></div></header>
<main id="contenu" class="wrap">
${p.main}
</main>
<footer class="site"><div class="wrap">
<p>${c.organiser.name}${c.organiser.address ? html`, ${c.organiser.address}` : ''}${c.organiser.website ? html` · ${externalLink(c.organiser.website, 'site de l’organisateur')}` : ''}</p>
${c.credits ? html`<p>${c.credits}</p>` : ''}<p class="muted">Programme complet : <a href="${root}agenda.ics">agenda (.ics)</a> · <a href="${root}agenda.json">données (JSON)</a>. Site statique fait avec encre, sans script ni traceur.</p>
</div></footer>
</body>
</html>
`;
  return doc.value;
}

/** The status mark before a title (« Annulé »), or nothing. */
function statusMark(status: SiteStatus): HtmlValue {
  const label = STATUS_LABEL[status];
  return label ? html`<span class="status">${label}</span> ` : '';
}

/** An event in a list: title (a link to its page), when, where, price. */
function eventItem(e: SiteEvent, root: string): SafeHtml {
  const v = e.view;
  return html`<li>
${v.category ? html`<p class="muted">${v.category}</p>` : ''}<h3>${statusMark(e.status)}<a href="${root}${e.dir}index.html">${v.title}</a></h3>
<p>${v.when ?? 'Date à préciser'}</p>
<p class="muted">${v.place}</p>
${v.price ? html`<p>${v.price}</p>` : ''}</li>
`;
}

/** Events grouped as the programme groups them (sections in order), each group a section with its heading. */
function groupedList(ctx: SiteContext, events: SiteEvent[], root: string): SafeHtml {
  const ids = new Set(events.map((e) => e.view.id));
  return html`${ctx.model.sections.map((s) => {
    const inIt = events.filter((e) => e.section.code === s.code && ids.has(e.view.id));
    if (inIt.length === 0) return '';
    return html`<section class="group s${s.colour % ctx.sectionColours}" aria-labelledby="g-${s.code}">
<h2 id="g-${s.code}">${s.name} <span class="muted">(${formatCount(inIt.length, 'événement')})</span></h2>
<ol class="events">
${inIt.map((e) => eventItem(e, root))}</ol>
</section>
`;
  })}`;
}

/** The filters as links (they work without JavaScript: each is a page), the current one marked. */
function filtersNav(ctx: SiteContext, root: string, current?: string): SafeHtml {
  return html`<nav class="filters" aria-label="Filtrer les événements">
${ctx.filters.map((g) => html`<h2>${g.name}</h2>
<ul>${g.filters.map((f) => html`<li><a href="${root}f/${f.key}/index.html"${f.key === current ? raw(' aria-current="page"') : ''}>${f.label}</a></li>`)}</ul>
`)}${current ? html`<p><a href="${root}index.html">Tous les événements</a></p>\n` : ''}</nav>`;
}

/** "1,2 Mo", "850 ko". */
function fileSize(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1).replace('.', ',')}\u00A0Mo` : `${Math.max(1, Math.round(bytes / 1000))}\u00A0ko`;
}

/** The home page: the campaign, its period, downloads, filters, every event grouped as in the programme. */
export function homePage(ctx: SiteContext, events: SiteEvent[]): string {
  const m = ctx.model;
  const c = m.campaign;
  const description = `${ctx.siteName}, ${m.periodLabel} : ${formatCount(events.length, 'événement')}.${c.tagline ? ` ${c.tagline}` : ''}`;
  const main = html`<h1>${m.title}${m.editionLabel ? html` <span class="muted">${m.editionLabel}</span>` : ''}</h1>
<p class="tagline">${[m.regionLine, m.periodLabel].filter(Boolean).join(', ')}${c.tagline ? html`. ${c.tagline}` : ''}</p>
<ul class="actions">
${ctx.programmeBytes !== undefined ? html`<li><a href="programme.pdf" type="application/pdf" download>Télécharger le programme <span class="muted">(PDF, ${fileSize(ctx.programmeBytes)})</span></a></li>\n` : ''}<li><a href="agenda.ics" type="text/calendar" download>Tout l’agenda dans mon calendrier <span class="muted">(.ics)</span></a></li>
</ul>
${c.introduction.map((para) => html`<p>${para}</p>\n`)}${filtersNav(ctx, '')}
<h2 class="visually-hidden">Les ${formatCount(events.length, 'événement')}</h2>
${groupedList(ctx, events, '')}`;
  return page(ctx, { path: 'index.html', title: ctx.siteName, description, main });
}

/** A filter page: its events, grouped as in the programme, with every filter as a link. */
export function filterPage(ctx: SiteContext, f: Filter): string {
  const root = '../../';
  const main = html`<p><a href="${root}index.html">← Tout le programme</a></p>
<h1>${f.heading}</h1>
<p>${formatCount(f.events.length, 'événement')}</p>
${filtersNav(ctx, root, f.key)}
${groupedList(ctx, f.events, root)}`;
  return page(ctx, { path: `f/${f.key}/index.html`, title: `${f.heading} — ${ctx.siteName}`, description: `${f.heading} : ${formatCount(f.events.length, 'événement')} (${ctx.siteName}).`, main });
}

/** The OpenStreetMap search of a place (a link: no map tile is loaded by the site). */
function osmLink(e: SiteEvent): string {
  const v = e.view;
  const q = [v.address, v.commune, e.country === 'FR' ? 'France' : e.country].filter(Boolean).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(q)}`;
}

const STATUS_NOTICE: Record<SiteStatus, string | undefined> = {
  scheduled: undefined,
  cancelled: 'Cet événement est annulé.',
  postponed: 'Cet événement est reporté à une date qui reste à fixer.',
  full: 'Cet événement est complet : il n’y a plus de place.',
};

/** An event's page: everything about it, an « add to my calendar » file, its JSON-LD. */
export function eventPage(ctx: SiteContext, e: SiteEvent): string {
  const root = '../../';
  const v = e.view;
  const s = e.source;
  const filterOfSection = ctx.filters.flatMap((g) => g.filters).find((f) => f.key === sectionKey(ctx.model, e.section.code));
  const notice = STATUS_NOTICE[e.status];
  const main = html`<p><a href="${root}index.html">← Tout le programme</a>${filterOfSection ? html` · <a href="${root}f/${filterOfSection.key}/index.html">${e.section.name}</a>` : ''}</p>
<article>
${v.category ? html`<p class="muted">${v.category}</p>\n` : ''}<h1>${statusMark(e.status)}${v.title}</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>\n` : ''}<dl class="facts">
<dt>Quand</dt><dd>${v.when ?? 'Date à préciser'}</dd>
<dt>Où</dt><dd>${[v.venue, v.address].filter(Boolean).join(', ')}${v.venue || v.address ? raw('<br>') : ''}${v.commune} (${v.areaName})<br><a href="${osmLink(e)}" rel="noopener">Voir sur OpenStreetMap</a></dd>
${v.organiser ? html`<dt>Organisateur</dt><dd>${v.organiser}</dd>\n` : ''}${v.price ? html`<dt>Tarif</dt><dd>${v.price}</dd>\n` : ''}<dt>Statut</dt><dd>${STATUS_LABEL[e.status] ?? 'Programmé'}</dd>
${v.website ? html`<dt>Page de l’organisateur</dt><dd>${externalLink(v.website, v.website)}</dd>\n` : ''}${v.tags.length ? html`<dt>Thèmes</dt><dd>${v.tags.join(', ')}</dd>\n` : ''}</dl>
${v.descriptionBlocks ? html`<div class="description">${descriptionHtml(v.descriptionBlocks)}</div>\n` : ''}${s.start ? html`<ul class="actions"><li><a href="${s.id}.ics" type="text/calendar" download>Ajouter à mon agenda <span class="muted">(.ics)</span></a></li></ul>\n` : ''}</article>`;
  const description = v.description ? truncate(v.description, 200) : `${v.when ?? 'Date à préciser'}, ${v.place}`;
  return page(ctx, { path: `${e.dir}index.html`, title: `${v.title} — ${ctx.siteName}`, description, main, jsonLd: eventJsonLd(e, ctx.model), ogType: 'article' });
}

function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/** The filter key of a section of the programme: "departement-34", "jour-2016-11-15", "lieu-salle-des-fetes". */
export function sectionKey(model: Model, code: string): string {
  const kind = { departement: 'departement', day: 'jour', venue: 'lieu', category: 'categorie' }[model.groupBy];
  return `${kind}-${code}`.toLowerCase();
}

/** The date part as a heading: « Événements du mardi 15 novembre 2016 ». */
export function dayHeading(day: string): string {
  return `Événements du ${formatDate(day)}`;
}
