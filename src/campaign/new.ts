import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { TOOL_ROOT } from '../paths.js';
import { UsageError } from '../model/errors.js';

/** The folder `encre new` copies: a campaign that builds as it is (templates/campaign/ in encre). */
export const TEMPLATE_DIR = path.join(TOOL_ROOT, 'templates', 'campaign');

/**
 * Writes a new campaign folder (`encre new DIR`): campaign.yaml with a comment on each field,
 * events/ with two example events, themes/campagne.yaml extending the default theme,
 * assets/logos/ with a logo, and a README of its own — a copy of {@link TEMPLATE_DIR}, which
 * builds at once.
 * @param dir the folder to create (absolute, or relative to the current folder); it may
 *   exist if empty.
 * @returns the files written, relative to `dir`, sorted.
 * @throws UsageError when `dir` is a file or a folder that is not empty (nothing is overwritten).
 */
export function newCampaign(dir: string): string[] {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`encre new: "${dir}" is a file, expected a folder to create\n  Hint: give the path of a new folder, e.g. encre new ../mois-ess-2027`);
    const there = readdirSync(dir);
    if (there.length > 0) throw new UsageError(`encre new: the folder "${dir}" is not empty (${there.slice(0, 3).join(', ')}${there.length > 3 ? ', …' : ''}); nothing was written\n  Hint: give the path of a new or empty folder`);
  }
  cpSync(TEMPLATE_DIR, dir, { recursive: true, errorOnExist: true, force: false });
  return listFiles(dir);
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name).split(path.sep).join('/')]))
    .sort();
}
