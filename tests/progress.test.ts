import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, EPOCH } from './helpers/sample.js';

const ENCRE = path.join(ROOT, 'bin/encre.js');
const env = { ...process.env, SOURCE_DATE_EPOCH: EPOCH };
/** Single quotes for a shell command line. */
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** A progress line: a file being laid out, or done with what is left. */
const PROGRESS = /^(… \S+\.pdf: (laying out|\d+ pages? laid out)|✓ \[\d+\/\d+\] \S+\.pdf: )/m;

describe('a command line that says where it is', () => {
  // The smallest campaign there is: encre new's (two events).
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'encre-progress-'));
  const campaign = path.join(tmp, 'c');
  spawnSync(process.execPath, [ENCRE, 'new', campaign], { encoding: 'utf8' });

  it('shows progress lines on a terminal (script gives it a pseudo-terminal), none through a pipe', () => {
    const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
    expect(hasScript, 'script (util-linux) is needed for this test').toBe(true);
    const command = `${q(process.execPath)} ${q(ENCRE)} build affiche flyer --content ${q(campaign)} --out ${q(path.join(tmp, 'tty'))}`;
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env, cwd: tmp });
    expect(tty.status, tty.stdout + tty.stderr).toBe(0);
    const lines = tty.stdout.replace(/\r/g, '').split('\n');
    // Each file starts, has its pages laid out, and ends with how many are left.
    for (const f of ['affiche.pdf', 'flyer.pdf', 'screen/affiche.pdf', 'screen/flyer.pdf']) {
      expect(lines, f).toContain(`… ${f}: laying out`);
      expect(lines.some((l) => l.startsWith(`… ${f}: `) && / laid out$/.test(l)), f).toBe(true);
    }
    expect(lines.filter((l) => /^✓ \[\d\/4\] /.test(l)).length).toBe(4);
    expect(lines).toContain('✓ [4/4] screen/flyer.pdf: 2 pages');
    expect(lines.some((l) => /^✓ \[1\/4\] .* 3 files left, about \d+ s$/.test(l))).toBe(true);

    const piped = spawnSync(process.execPath, [ENCRE, 'build', 'affiche', 'flyer', '--content', campaign, '--out', path.join(tmp, 'pipe')], { encoding: 'utf8', env, cwd: tmp });
    expect(piped.status).toBe(0);
    expect(piped.stdout).not.toMatch(PROGRESS);
    expect(piped.stdout).toContain('wrote ');

    const quiet = spawnSync('script', ['-qec', `${command} --quiet`, '/dev/null'], { encoding: 'utf8', env, cwd: tmp });
    expect(quiet.status).toBe(0);
    expect(quiet.stdout.trim()).toBe('');
  });

  it('--json prints the build report as JSON: preflight.json\'s content and the files written', () => {
    const out = path.join(tmp, 'json');
    const r = spawnSync(process.execPath, [ENCRE, 'build', 'affiche', '--content', campaign, '--out', out, '--json'], { encoding: 'utf8', env, cwd: tmp });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { written: { file: string; pages: number }[]; files: { file: string }[]; printer: string };
    expect(report.written.map((w) => w.file).sort()).toEqual([path.join(out, 'affiche.pdf'), path.join(out, 'screen/affiche.pdf')].sort());
    for (const w of report.written) expect(existsSync(w.file)).toBe(true);
    const preflight = JSON.parse(readFileSync(path.join(out, 'preflight.json'), 'utf8')) as { files: unknown[]; printer: string };
    expect(report.files).toEqual(preflight.files);
    expect(report.printer).toBe(preflight.printer);
  });

  it('encre list names the documents, themes (the campaign\'s too), printer profiles and formats', () => {
    const r = spawnSync(process.execPath, [ENCRE, 'list', '--json'], { encoding: 'utf8', cwd: campaign });
    expect(r.status).toBe(0);
    const l = JSON.parse(r.stdout) as { documents: { id: string }[]; themes: string[]; printers: string[]; formats: { affiche: { name: string }[] } };
    expect(l.documents.map((d) => d.id)).toEqual(['programme', 'affiche', 'flyer', 'dossier-de-presse']);
    const own = /^theme: (\S+)/m.exec(readFileSync(path.join(campaign, 'campaign.yaml'), 'utf8'))![1]!;
    expect(l.themes).toContain(own);
    expect(l.themes).toContain('languedoc-roussillon');
    const printers = spawnSync('ls', [path.join(ROOT, 'printers')], { encoding: 'utf8' }).stdout.split('\n').filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
    expect(l.printers).toEqual(printers.sort());
    expect(l.formats.affiche.map((f) => f.name)).toContain('A3');
  });
});
