import { existsSync } from 'node:fs';
import path from 'node:path';
import { TOOL_ROOT } from '../paths.js';

/**
 * Where a theme's font files are found: the campaign folder's assets/fonts/ first (a
 * campaign's own typefaces), then encre's assets/fonts/ (Inter, Liberation Sans…). The
 * campaign is selected per thread, like the theme (src/build/job.ts openWorkspace).
 */
let selected: string | undefined;

/** Selects the campaign folder (absolute) whose assets/fonts/ is searched first; undefined: encre's fonts only. */
export function selectCampaignFonts(campaign: string | undefined): void {
  selected = campaign;
}

/** The folders searched for font files, in order: `<campaign>/assets/fonts/` (when there is a campaign), then encre's. */
export function fontDirs(campaign: string | undefined = selected): string[] {
  const own = path.join(TOOL_ROOT, 'assets/fonts');
  return [...new Set([...(campaign ? [path.join(campaign, 'assets/fonts')] : []), own])];
}

/**
 * The absolute path of a theme's font file (a file name, e.g. "Inter-Regular.otf"): in the
 * first of {@link fontDirs} that has it; in encre's folder when none has it (reading it then
 * fails, and the theme loader has reported it before).
 */
export function fontPath(file: string, campaign: string | undefined = selected): string {
  const dirs = fontDirs(campaign);
  return dirs.map((d) => path.join(d, file)).find((f) => existsSync(f)) ?? path.join(dirs.at(-1)!, file);
}

/** The campaign's own font files among `files` (file names): those read from its assets/fonts/, absolute. */
export function campaignFontFiles(files: readonly string[], campaign: string | undefined = selected): string[] {
  if (!campaign) return [];
  const dir = path.join(campaign, 'assets/fonts');
  return [...new Set(files)].map((f) => fontPath(f, campaign)).filter((f) => f.startsWith(dir + path.sep));
}
