import type { BuildProgress } from '../build.js';

/**
 * Progress lines for a terminal (`encre build` when its output is a TTY, without --quiet or
 * --json): a line when a file starts, one after each chunk of its pages laid out, and one when
 * it is done with the files left and an estimate of the time they take (from the files made so far).
 * @param write writes one line (no newline).
 * @param now a clock in milliseconds (for the estimate only: never part of a file).
 * @returns the build's `onProgress` callback.
 */
export function progressLines(write: (line: string) => void, now: () => number = () => performance.now()): (p: BuildProgress) => void {
  const start = now();
  return (p) => {
    if (!p.done) {
      write(p.pages === 0 ? `… ${p.file}: laying out` : `… ${p.file}: ${p.pages} page${p.pages > 1 ? 's' : ''} laid out`);
      return;
    }
    const left = p.total - p.finished;
    const seconds = left > 0 ? Math.max(1, Math.round(((now() - start) / p.finished) * left / 1000)) : 0;
    write(`✓ [${p.finished}/${p.total}] ${p.file}: ${p.pages} page${p.pages > 1 ? 's' : ''}${left > 0 ? `, ${left} file${left > 1 ? 's' : ''} left, about ${seconds} s` : ''}`);
  };
}
