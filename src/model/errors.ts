/**
 * One problem found in the input, located in its source file.
 * `line` and `col` are 1-based; 0 when the problem concerns the whole file.
 */
export interface Problem {
  file: string;
  line: number;
  col: number;
  /** Field path, e.g. "events[3].start"; "" for the file itself. */
  path: string;
  /** What was wrong: "expected …, received …". */
  message: string;
  /** How to fix it. */
  hint?: string;
}

/** Characters kept at each end of a long value quoted in a message. */
const CLIP_ENDS = 32;

/**
 * A text value quoted for a message, in double quotes: whole when short, otherwise its first
 * and last {@link CLIP_ENDS} characters and its length — `"Lorem ipsum…dolor sit amet"
 * (12,177 characters)` — so that a pasted page does not fill the terminal.
 */
export function quote(text: string): string {
  const chars = [...text];
  if (chars.length <= CLIP_ENDS * 2 + 16) return JSON.stringify(text);
  return `${JSON.stringify(chars.slice(0, CLIP_ENDS).join('')).slice(0, -1)}…${JSON.stringify(chars.slice(-CLIP_ENDS).join('')).slice(1)} (${chars.length.toLocaleString('en')} characters)`;
}

/** Formats a problem as `file:line:col path: message. Hint: hint`. */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file;
  const path = p.path ? ` ${p.path}:` : '';
  const hint = p.hint ? `\n  Hint: ${p.hint}` : '';
  return `${where}${path} ${p.message}${hint}`;
}

/** Thrown when the content has problems; carries all of them, not only the first. Exit code 1. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`${problems.length} problem${problems.length > 1 ? 's' : ''} in the content:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Thrown when a built document fails a check (missing event, page count…). Exit code 2. */
export class PreflightError extends Error {
  /** The event concerned, when there is one (its id). */
  readonly eventId?: string;
  constructor(message: string, eventId?: string) {
    super(message);
    this.name = 'PreflightError';
    this.eventId = eventId;
  }
}

/** Thrown for a wrong command line: unknown document, bad option value. Exit code 1, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Thrown when a theme cannot be used: an unknown name, a bad value, a missing font, an
 * `extends` cycle. Carries every problem found, located in the theme's files
 * (themes/<name>.yaml:line:col). Bad input, like content: exit code 1; but the message says
 * "theme" so that the designer, not the editor, knows it is theirs.
 */
export class ThemeError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    // A problem of the whole file, or of the --theme option itself: "file: message".
    const format = (p: Problem) => (p.line === 0 && !p.path ? `${p.file}: ${p.message}${p.hint ? `\n  Hint: ${p.hint}` : ''}` : formatProblem(p));
    super(`${problems.length} problem${problems.length > 1 ? 's' : ''} in the theme:\n${problems.map(format).join('\n')}`);
    this.name = 'ThemeError';
    this.problems = problems;
  }
}
