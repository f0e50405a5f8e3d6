/** What the bench scripts (bench/run.ts, bench/dev.ts) share: their options, medians, tables and machine. */
import os from 'node:os';

/** The value of `--name VALUE` or `--name=VALUE` in `argv`; undefined when absent. */
export function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Median of numbers (the mean of the middle two for an even count); NaN when empty. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A figure with `digits` decimals, "—" for none (undefined, NaN, infinite). */
export const fmt = (x: number | undefined, digits = 2) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits));

/** A plain-text table: a header, a rule, the rows; the first `left` columns aligned left, the others right. */
export function textTable(header: string[], rows: string[][], left: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return `${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`;
}

/** The machine the figures are of, for a results file: load averages before and now, cores, CPU, memory, system, Node. */
export function machine(loadBefore: number[]) {
  return { loadAverage: { before: loadBefore, after: os.loadavg() }, cores: os.availableParallelism(), cpu: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, node: process.version };
}
