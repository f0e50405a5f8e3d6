import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';

/**
 * The campaign folder a command works on: `--content DIR` when given; else the current folder
 * when it holds a campaign.yaml; else `content/` when it holds one (the sample campaign, run
 * from encre's own checkout).
 * @param given the `--content` option, as typed (relative to `cwd`), or undefined.
 * @returns the folder, relative to `cwd` as typed ("." for the current folder).
 * @throws UsageError when no option is given and neither folder holds a campaign.yaml.
 */
export function campaignFolder(given: string | undefined, cwd: string): string {
  if (given !== undefined) return given;
  if (isCampaign(cwd)) return '.';
  if (isCampaign(path.join(cwd, 'content'))) return 'content';
  throw new UsageError(`no campaign here: ${cwd} holds no campaign.yaml (nor content/campaign.yaml)\n  Hint: run encre in a campaign folder, pass --content DIR, or start one with \`encre new DIR\``);
}

/** True when `dir` holds a campaign.yaml file. */
export function isCampaign(dir: string): boolean {
  const f = path.join(dir, 'campaign.yaml');
  return existsSync(f) && statSync(f).isFile();
}
