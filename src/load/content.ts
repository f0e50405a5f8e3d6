import path from 'node:path';
import type { Env } from './env.js';
import { parseYaml, validate, locate, type SourceFile } from './yaml.js';
import { CampaignSchema, type Campaign } from '../model/campaign.js';
import { EventFileSchema, EventSchema, type CampaignEvent } from '../model/event.js';
import { ContentError, type Problem } from '../model/errors.js';
import sharp from 'sharp';
import { realpath } from 'node:fs/promises';
import { downloadImage, isRemote } from '../assets/logos.js';

/** Where an event was written: for error messages and preflight reports. */
export interface Located<T> {
  value: T;
  file: string;
  line: number;
  /** Position in its file's list. */
  index: number;
}

/** The validated content of a campaign folder. */
export interface Content {
  campaign: Campaign;
  /** Path of campaign.yaml as shown in messages. */
  campaignFile: string;
  /**
   * Where each text of campaign.yaml is written (line and column, 1-based), by its field path
   * as `partners[0].name`: later checks (characters the fonts cannot print) locate their
   * problems with it. Plain data, copied to worker threads.
   */
  campaignPlaces: Record<string, { line: number; col: number }>;
  events: Located<CampaignEvent>[];
  /** Logo and image files read, keyed by their path as written in the content. */
  assets: Map<string, Uint8Array>;
}

/** How content is loaded. */
export interface LoadOptions {
  /**
   * Download partner logos given as http(s) URLs (`--allow-network`). Without it builds are
   * offline: such a logo is a located problem naming the flag.
   */
  allowNetwork?: boolean;
}

/**
 * Loads and validates `<dir>/campaign.yaml` and every `<dir>/events/*.yaml`.
 * Checks across files too: unique ids, highlights that exist, end after start, dates in the
 * campaign period, logo files present (or, with `allowNetwork`, remote logos downloaded).
 * @throws ContentError listing every problem found (file:line:col, field, received, expected, hint).
 */
export async function loadContent(env: Env, dir: string, opts: LoadOptions = {}): Promise<Content> {
  const problems: Problem[] = [];
  const rel = (f: string) => path.relative(env.root, path.resolve(env.root, f)) || f;

  const campaignFile = rel(path.join(dir, 'campaign.yaml'));
  if ((await env.list(dir)).length === 0) {
    throw new ContentError([{ file: rel(dir), line: 0, col: 0, path: '', message: 'content folder not found or empty', hint: 'pass --content DIR, a folder with campaign.yaml and events/*.yaml' }]);
  }
  const campaignSource = await readSource(env, campaignFile, problems);
  const campaign = campaignSource ? validate(campaignSource, CampaignSchema) : undefined;
  if (campaign) problems.push(...campaign.problems.map(withSiteHint));

  const eventsDir = path.join(dir, 'events');
  const names = (await env.list(eventsDir)).filter((n) => /\.ya?ml$/.test(n));
  if (names.length === 0) {
    problems.push({ file: rel(eventsDir), line: 0, col: 0, path: '', message: 'no event file found', hint: 'add at least one events/<name>.yaml with an "events:" list' });
  }
  const events: Located<CampaignEvent>[] = [];
  const sources = new Map<string, SourceFile>();
  /** Ids of events that failed validation (a highlight naming one is not "unknown"). */
  const invalidIds = new Set<string>();
  /** Events that failed validation but have an id (duplicate ids are still found). */
  const invalidItems: { id: string; file: string; index: number; line: number }[] = [];
  /** True when an events file could not be read at all: its events are unknown. */
  let unreadable = false;
  for (const name of names) {
    const file = rel(path.join(eventsDir, name));
    const source = await readSource(env, file, problems);
    if (!source) {
      unreadable = true;
      continue;
    }
    const result = validate(source, EventFileSchema);
    problems.push(...result.problems);
    sources.set(file, source);
    result.value?.events.forEach((value, i) => {
      events.push({ value, file, line: locate(source, ['events', i]).line, index: i });
    });
    if (!result.value) {
      // The file has problems: its valid events still take part in the checks across
      // files (duplicate ids, dates, period), so that one run reports everything.
      const raw = source.doc.toJS({ maxAliasCount: 100 }) as { events?: unknown[] } | null;
      (Array.isArray(raw?.events) ? raw.events : []).forEach((item, i) => {
        const one = EventSchema.safeParse(item);
        if (one.success) events.push({ value: one.data, file, line: locate(source, ['events', i]).line, index: i });
        else if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') {
          const id = (item as { id: string }).id;
          invalidIds.add(id);
          invalidItems.push({ id, file, index: i, line: locate(source, ['events', i]).line });
        }
      });
    }
  }

  const assets = new Map<string, Uint8Array>();
  if (campaign?.value && campaignSource) {
    problems.push(...crossCheck(campaign.value, events, campaignSource, sources, invalidIds, unreadable, invalidItems));
    for (const [i, partner] of campaign.value.partners.entries()) {
      if (!partner.logo) continue;
      const at = { file: campaignFile, ...locate(campaignSource, ['partners', i, 'logo']), path: `partners[${i}].logo` };
      let bytes: Uint8Array;
      if (isRemote(partner.logo)) {
        if (!opts.allowNetwork) {
          problems.push({ ...at, message: `"${partner.logo}": a remote file, refused: builds are offline (no network access)`, hint: 'pass --allow-network to download it during the build, or save the file in the campaign folder (e.g. assets/logos/) and give its path from there' });
          continue;
        }
        const got = await downloadImage(partner.logo);
        if ('reason' in got) {
          problems.push({ ...at, message: `"${partner.logo}": ${got.reason}`, hint: got.hint });
          continue;
        }
        bytes = got.bytes;
      } else {
        // A logo's path is relative to the campaign folder, wherever encre runs from.
        const refused = await outsideCampaign(env, dir, partner.logo);
        if (refused) {
          problems.push({ ...at, message: `"${partner.logo}": ${refused}`, hint: `copy the file into the campaign folder ${rel(dir)}/ (e.g. ${rel(path.join(dir, 'assets/logos'))}/) and give its path from that folder, e.g. "assets/logos/partner.svg"` });
          continue;
        }
        try {
          bytes = await env.readBytes(path.join(dir, partner.logo));
        } catch {
          problems.push({ ...at, message: `file not found: "${partner.logo}" (looked for ${rel(path.join(dir, partner.logo))})`, hint: 'logo paths are relative to the campaign folder (the one holding campaign.yaml), e.g. "assets/logos/partner.svg"' });
          continue;
        }
      }
      const unreadable = await checkImage(bytes);
      if (unreadable) problems.push({ ...at, message: `"${partner.logo}": ${unreadable.message}`, hint: unreadable.hint });
      else assets.set(partner.logo, bytes);
    }
  }
  if (problems.length > 0 || !campaign?.value) {
    throw new ContentError(problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col));
  }
  const campaignPlaces: Record<string, { line: number; col: number }> = {};
  eachText(campaign.value, (_text, field, keys) => (campaignPlaces[field] = locate(campaignSource!, keys)));
  // The page budget, which copyfitting may refuse while laying out.
  if (campaign.value.programme.pages !== undefined) campaignPlaces['programme.pages'] = locate(campaignSource!, ['programme', 'pages']);
  if (campaign.value.printer !== undefined) campaignPlaces.printer = locate(campaignSource!, ['printer']);
  return { campaign: campaign.value, campaignFile, campaignPlaces, events, assets };
}

/** Hints for the site and QR settings of campaign.yaml, added to zod's located messages. */
const SITE_HINTS: Record<string, string> = {
  'site.baseUrl': 'give the address of the folder where out/site/ will be published, e.g. baseUrl: https://mois-ess.example.org/ (every QR code holds it: choose it before printing)',
  'qr.target': 'write target: site (each code leads to the event\'s page on the campaign\'s site: add site: { baseUrl: https://… }) or target: event-url (each code leads to the event\'s own url)',
};

function withSiteHint(p: Problem): Problem {
  const hint = SITE_HINTS[p.path];
  return hint && !p.hint ? { ...p, hint } : p;
}

/**
 * Calls `visit` with every string inside `value` (objects and arrays walked in order), its
 * field path as messages write it (`partners[0].name`: the keys of
 * {@link Content.campaignPlaces}) and the same path as keys.
 */
export function eachText(value: unknown, visit: (text: string, field: string, keys: (string | number)[]) => void, keys: (string | number)[] = []): void {
  if (typeof value === 'string') visit(value, keys.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : p ? `${p}.${k}` : k), ''), keys);
  else if (Array.isArray(value)) value.forEach((v, i) => eachText(v, visit, [...keys, i]));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) eachText(v, visit, [...keys, k]);
}

/** Largest content file read, in bytes: far above any campaign, far below memory trouble. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

async function readSource(env: Env, file: string, problems: Problem[]): Promise<SourceFile | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await env.readBytes(file);
  } catch {
    problems.push({ file, line: 0, col: 0, path: '', message: 'file not found or unreadable', hint: 'run from the project root, or pass --content DIR' });
    return undefined;
  }
  if (bytes.length > MAX_FILE_BYTES) {
    problems.push({ file, line: 0, col: 0, path: '', message: `the file is ${(bytes.length / 1048576).toFixed(1)} MB, more than the ${MAX_FILE_BYTES / 1048576} MB a content file may hold`, hint: 'split the events into several files (one per département)' });
    return undefined;
  }
  const decoded = decodeUtf8(bytes);
  if ('line' in decoded) {
    problems.push({ file, line: decoded.line, col: decoded.col, path: '', message: 'the file is not UTF-8 (a byte here is not valid UTF-8: the file looks saved as Latin-1 or Windows-1252)', hint: 're-save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)' });
    return undefined;
  }
  // A byte-order mark and Windows (CRLF) or old Mac (CR) line endings are harmless: normalised.
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    problems.push({ file, line: 0, col: 0, path: '', message: 'the file is empty', hint: 'delete it or fill it in' });
    return undefined;
  }
  const directive = /^%YAML\s+1\.[01]\b.*$/m.exec(text);
  if (directive) {
    const line = text.slice(0, directive.index).split('\n').length;
    problems.push({ file, line, col: 1, path: '', message: `a "${directive[0].trim()}" directive: encre reads YAML 1.2 (yes/no stay words, 09 is not octal, 2016-11-15 stays text)`, hint: 'remove the directive line' });
    return undefined;
  }
  const { source, problems: syntax } = parseYaml(file, text);
  problems.push(...syntax);
  return syntax.length > 0 ? undefined : source;
}

/** Strict UTF-8 decoding; on an invalid byte, its line and column (1-based). */
function decodeUtf8(bytes: Uint8Array): { text: string } | { line: number; col: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Find the first invalid sequence by decoding line by line.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        const chunk = bytes.subarray(start, i);
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(chunk);
        } catch {
          const text = new TextDecoder('utf-8').decode(chunk);
          return { line, col: Math.max(1, text.indexOf('\uFFFD') + 1) };
        }
        line++;
        start = i + 1;
      }
    }
    return { line: 1, col: 1 };
  }
}

function crossCheck(
  campaign: Campaign,
  events: Located<CampaignEvent>[],
  campaignSource: SourceFile,
  sources: Map<string, SourceFile>,
  invalidIds: Set<string>,
  unreadable: boolean,
  invalidItems: { id: string; file: string; index: number; line: number }[],
): Problem[] {
  const problems: Problem[] = [];
  const at = (e: Located<CampaignEvent>, field: string) => {
    const source = sources.get(e.file);
    const pos = source ? locate(source, ['events', e.index, field]) : { line: e.line, col: 1 };
    return { file: e.file, ...pos, path: `events[${e.index}].${field}` };
  };
  const periodOk = campaign.period.start <= campaign.period.end;
  if (!periodOk) {
    problems.push({ file: campaignSource.file, ...locate(campaignSource, ['period', 'end']), path: 'period.end', message: `the period ends (${campaign.period.end}) before it starts (${campaign.period.start})`, hint: 'swap start and end' });
  }
  const seen = new Map<string, Located<CampaignEvent>>();
  // Duplicate ids, over every event that has one, valid or not, in file order.
  const withIds = [...events.map((e) => ({ id: e.value.id, file: e.file, index: e.index, line: e.line })), ...invalidItems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.index - b.index,
  );
  const firstOf = new Map<string, { file: string; line: number }>();
  for (const x of withIds) {
    const first = firstOf.get(x.id);
    if (!first) {
      firstOf.set(x.id, x);
      continue;
    }
    const source = sources.get(x.file);
    const pos = source ? locate(source, ['events', x.index, 'id']) : { line: x.line, col: 1 };
    problems.push({ file: x.file, ...pos, path: `events[${x.index}].id`, message: `duplicate id "${x.id}", first used at ${first.file}:${first.line}`, hint: 'every event needs its own id: it is part of its URL' });
  }
  for (const e of events) {
    if (!seen.has(e.value.id)) seen.set(e.value.id, e);
    const { start, end } = e.value;
    if (start && end && end < start) {
      problems.push({ ...at(e, 'end'), message: `the end "${end}" is before the start "${start}"`, hint: 'check the day and use 24-hour time' });
    }
    for (const field of ['start', 'end'] as const) {
      const value = e.value[field];
      const day = value?.slice(0, 10);
      if (periodOk && day && (day < campaign.period.start || day > campaign.period.end)) {
        problems.push({ ...at(e, field), message: `"${value}" is outside the campaign period ${campaign.period.start} … ${campaign.period.end}`, hint: 'check the month and year' });
      }
    }
  }
  if (events.length === 0 && invalidIds.size === 0 && !unreadable) {
    problems.push({ file: campaignSource.file, line: 0, col: 0, path: '', message: 'the campaign has no event: every events/*.yaml list is empty', hint: 'add events, or import them with `encre import`' });
  }
  campaign.highlights.forEach((id, i) => {
    if (campaign.highlights.indexOf(id) < i) {
      problems.push({ file: campaignSource.file, ...locate(campaignSource, ['highlights', i]), path: `highlights[${i}]`, message: `"${id}" is listed twice`, hint: 'list each highlight once' });
    } else if (!seen.has(id) && !invalidIds.has(id) && !unreadable) {
      problems.push({ file: campaignSource.file, ...locate(campaignSource, ['highlights', i]), path: `highlights[${i}]`, message: `no event has the id "${id}"`, hint: 'highlights list event ids from content/events/*.yaml' });
    }
  });
  return problems;
}

/** Largest image accepted, in pixels (width × height): 50 megapixels, a 60 × 40 cm poster photo at 300 ppi is 33. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** Why an image cannot be placed (sharp cannot decode it, or it is too large), or undefined. */
async function checkImage(bytes: Uint8Array): Promise<{ message: string; hint: string } | undefined> {
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!meta.width || !meta.height) return { message: 'not an image sharp can read', hint: 'use SVG, PNG, JPEG or WebP' };
    if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
      return { message: `${meta.width} × ${meta.height} pixels, more than the ${MAX_IMAGE_PIXELS / 1e6} megapixels accepted`, hint: 'resize it: a logo needs about 1,000 pixels across' };
    }
    return undefined;
  } catch (e) {
    return { message: `not an image sharp can read (${(e as Error).message})`, hint: 'use SVG, PNG, JPEG or WebP' };
  }
}

/**
 * Why a path written in the content may not be read, or undefined: a campaign is
 * self-contained, so absolute paths, ".." leading out of the campaign folder `dir`, and
 * symbolic links that lead out of it are refused. URLs are not paths: see `isRemote` and
 * `allowNetwork`.
 * @param dir the campaign folder, relative to the Env's root (or absolute).
 * @param file the path as written in campaign.yaml, relative to `dir`.
 */
async function outsideCampaign(env: Env, dir: string, file: string): Promise<string | undefined> {
  if (path.isAbsolute(file)) return 'an absolute path: a campaign may only name files inside its own folder';
  const folder = path.resolve(env.root, dir);
  const target = path.resolve(folder, file);
  if (!isInside(folder, target)) return 'a path leading out of the campaign folder';
  let real: string;
  try {
    real = await realpath(folder);
  } catch {
    return undefined; // no folder: reported as "not found"
  }
  try {
    if (!isInside(real, await realpath(target))) return 'a symbolic link leading out of the campaign folder';
  } catch {
    return undefined; // missing: reported as "file not found"
  }
  return undefined;
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
