import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './helpers/sample.js';
import { sharedBuild } from './helpers/shared.js';

/** Runs the encre command line as a user would (bin/encre.js), from the project root. */
function encre(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/encre.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the command line', () => {
  it('refuses an unknown document with the list of known ones, exit 1, no stack trace', () => {
    const r = encre('build', 'programm', '--out', 'tests/.output/cli');
    expect(r.code).toBe(1);
    expect(r.err).toBe('encre: unknown document "programm"; expected one of: programme, affiche, flyer, dossier-de-presse (or tract, poster, dossier)\n');
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a number of seconds', () => {
    const r = encre('build', 'affiche', '--source-date-epoch', 'abc', '--out', 'tests/.output/cli');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^encre: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, received "abc"/);
  });

  it('says so when the content folder does not exist', () => {
    const r = encre('build', '--content', 'package.json', '--out', 'tests/.output/cli');
    expect(r.code).toBe(1);
    expect(r.err).toContain('package.json content folder not found or empty');
  });

  it('prints its version', () => {
    expect(encre('--version').out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('encre check', () => {
  it('fails a screen file checked against a print profile, listing why, exit 2', async () => {
    // The sample's tract, print and screen files, as `encre build` writes them (the run's shared build).
    const dir = await sharedBuild('sample');
    const ok = encre('check', `${dir}/flyer.pdf`);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/flyer\.pdf — 2 p\. 148×210 mm \+ 3 mm bleed · DeviceCMYK · FOGRA39 PDF\/X-4 · .* · OK/);
    const bad = encre('check', `${dir}/screen/flyer.pdf`);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('error: RGB in a CMYK print file: DeviceRGB');
    expect(bad.out).toContain('error: bleed is 0 mm, the printer asks for 3 mm');
    expect(bad.out).toContain(`Hint: ${dir}/screen/flyer.pdf is in RGB, as a screen file is: check it as one with --screen`);
    expect(ok.out).not.toContain('Hint:');
    const marks = encre('check', '--printer', 'digital', `${dir}/flyer.pdf`);
    expect(marks.code).toBe(2);
    expect(marks.out).toContain('error: the printer refuses crop marks: 2 page(s) have a slug beyond the bleed');
  });
});
