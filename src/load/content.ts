import path from 'node:path';
import type { Env } from './env.js';
import { parseYaml, validate, locate, type SourceFile } from './yaml.js';
import { CampaignSchema, type Campaign } from '../model/campaign.js';
import { EventFileSchema, type CampaignEvent } from '../model/event.js';
import { ContentError, type Problem } from '../model/errors.js';

/** Where an event was written: for error messages and preflight reports. */
export interface Located<T> {
  value: T;
  file: string;
  line: number;
}

/** The validated content of a campaign folder. */
export interface Content {
  campaign: Campaign;
  /** Path of campaign.yaml as shown in messages. */
  campaignFile: string;
  events: Located<CampaignEvent>[];
  /** Logo and image files read, keyed by their path as written in the content. */
  assets: Map<string, Uint8Array>;
}

/**
 * Loads and validates `<dir>/campaign.yaml` and every `<dir>/events/*.yaml`.
 * Checks across files too: unique ids, highlights that exist, end after start, dates in the
 * campaign period, logo files present.
 * @throws ContentError listing every problem found (file:line:col, field, received, expected, hint).
 */
export async function loadContent(env: Env, dir: string): Promise<Content> {
  const problems: Problem[] = [];
  const rel = (f: string) => path.relative(env.root, path.resolve(env.root, f)) || f;

  const campaignFile = rel(path.join(dir, 'campaign.yaml'));
  if ((await env.list(dir)).length === 0) {
    throw new ContentError([{ file: rel(dir), line: 0, col: 0, path: '', message: 'content folder not found or empty', hint: 'pass --content DIR, a folder with campaign.yaml and events/*.yaml' }]);
  }
  const campaignSource = await readSource(env, campaignFile, problems);
  const campaign = campaignSource ? validate(campaignSource, CampaignSchema) : undefined;
  if (campaign) problems.push(...campaign.problems);

  const eventsDir = path.join(dir, 'events');
  const names = (await env.list(eventsDir)).filter((n) => /\.ya?ml$/.test(n));
  if (names.length === 0) {
    problems.push({ file: rel(eventsDir), line: 0, col: 0, path: '', message: 'no event file found', hint: 'add at least one events/<name>.yaml with an "events:" list' });
  }
  const events: Located<CampaignEvent>[] = [];
  const sources = new Map<string, SourceFile>();
  for (const name of names) {
    const file = rel(path.join(eventsDir, name));
    const source = await readSource(env, file, problems);
    if (!source) continue;
    const result = validate(source, EventFileSchema);
    problems.push(...result.problems);
    sources.set(file, source);
    result.value?.events.forEach((value, i) => {
      events.push({ value, file, line: locate(source, ['events', i]).line });
    });
  }

  const assets = new Map<string, Uint8Array>();
  if (campaign?.value && campaignSource) {
    // Checks across files need every file valid: an invalid file contributes no events.
    if (problems.length === 0) problems.push(...crossCheck(campaign.value, events, campaignSource, sources));
    for (const [i, partner] of campaign.value.partners.entries()) {
      if (!partner.logo) continue;
      try {
        assets.set(partner.logo, await env.readBytes(partner.logo));
      } catch {
        const at = locate(campaignSource, ['partners', i, 'logo']);
        problems.push({ file: campaignFile, ...at, path: `partners[${i}].logo`, message: `file not found: "${partner.logo}"`, hint: 'logo paths are relative to the project root, e.g. "assets/logos/partner.svg"' });
      }
    }
  }
  if (problems.length > 0 || !campaign?.value) {
    throw new ContentError(problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col));
  }
  return { campaign: campaign.value, campaignFile, events, assets };
}

async function readSource(env: Env, file: string, problems: Problem[]): Promise<SourceFile | undefined> {
  let text: string;
  try {
    text = await env.readText(file);
  } catch {
    problems.push({ file, line: 0, col: 0, path: '', message: 'file not found or unreadable', hint: 'run from the project root, or pass --content DIR' });
    return undefined;
  }
  if (text.trim() === '') {
    problems.push({ file, line: 0, col: 0, path: '', message: 'the file is empty', hint: 'delete it or fill it in' });
    return undefined;
  }
  const { source, problems: syntax } = parseYaml(file, text.replace(/^\uFEFF/, ''));
  problems.push(...syntax);
  return syntax.length > 0 ? undefined : source;
}

function crossCheck(
  campaign: Campaign,
  events: Located<CampaignEvent>[],
  campaignSource: SourceFile,
  sources: Map<string, SourceFile>,
): Problem[] {
  const problems: Problem[] = [];
  const at = (e: Located<CampaignEvent>, field: string) => {
    const source = sources.get(e.file);
    const index = [...events.filter((x) => x.file === e.file)].indexOf(e);
    const pos = source ? locate(source, ['events', index, field]) : { line: e.line, col: 1 };
    return { file: e.file, ...pos, path: `events[${index}].${field}` };
  };
  const seen = new Map<string, Located<CampaignEvent>>();
  for (const e of events) {
    const first = seen.get(e.value.id);
    if (first) {
      problems.push({ ...at(e, 'id'), message: `duplicate id "${e.value.id}", first used at ${first.file}:${first.line}`, hint: 'every event needs its own id: it is part of its URL' });
    } else seen.set(e.value.id, e);
    const { start, end } = e.value;
    if (start && end && end < start) {
      problems.push({ ...at(e, 'end'), message: `the end "${end}" is before the start "${start}"`, hint: 'check the day and use 24-hour time' });
    }
    const day = start?.slice(0, 10);
    if (day && (day < campaign.period.start || day > campaign.period.end)) {
      problems.push({ ...at(e, 'start'), message: `"${start}" is outside the campaign period ${campaign.period.start} … ${campaign.period.end}`, hint: 'check the month and year' });
    }
  }
  campaign.highlights.forEach((id, i) => {
    if (!seen.has(id)) {
      problems.push({ file: campaignSource.file, ...locate(campaignSource, ['highlights', i]), path: `highlights[${i}]`, message: `no event has the id "${id}"`, hint: 'highlights list event ids from content/events/*.yaml' });
    }
  });
  return problems;
}
