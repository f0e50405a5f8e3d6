/**
 * The preflight failures of a build as one message: each file's problems under its name,
 * a problem that the print and the screen file of a document share listed once, under both
 * names (« programme.pdf and screen/programme.pdf: »).
 */

/** A failed file: its path in the output folder and its message (`file:` then its problems). */
export interface FileFailure {
  file: string;
  message: string;
}

/** The problems of a failure's message: its lines after « file: », or the rest of its one line. */
function problemsOf(f: FileFailure): string[] {
  const prefix = `${f.file}:`;
  if (!f.message.startsWith(prefix)) return [f.message];
  const rest = f.message.slice(prefix.length);
  if (!rest.startsWith('\n')) return [rest.trim()];
  return rest.split('\n').map((l) => l.trim()).filter(Boolean);
}

/**
 * Joins the failures of a build, in their order, each file's problems under its name; the
 * problems two files share (the print and screen files of one document) are listed once,
 * under both names, where the first of them stood.
 */
export function mergeFailures(failures: FileFailure[]): string {
  const problems = failures.map(problemsOf);
  const blocks: string[] = [];
  const done = new Set<number>();
  failures.forEach((f, i) => {
    if (done.has(i)) return;
    // The other file of the same document (screen/x.pdf for x.pdf), when it failed too.
    const twin = failures.findIndex((g, j) => j > i && !done.has(j) && g.file.replace(/^screen\//, '') === f.file.replace(/^screen\//, ''));
    const own = problems[i]!;
    if (twin < 0) {
      blocks.push(f.message);
      return;
    }
    const inline = !f.message.includes('\n');
    done.add(twin);
    const other = problems[twin]!;
    const shared = own.filter((p) => other.includes(p));
    const onlyOwn = own.filter((p) => !other.includes(p));
    const onlyOther = other.filter((p) => !own.includes(p));
    if (shared.length > 0) blocks.push(block([f.file, failures[twin]!.file], shared, inline));
    if (onlyOwn.length > 0) blocks.push(block([f.file], onlyOwn, inline));
    if (onlyOther.length > 0) blocks.push(block([failures[twin]!.file], onlyOther, inline));
  });
  return blocks.join('\n');
}

/** Problems under their files' names: on the same line for one problem of a one-line message (« file: problem »). */
function block(files: string[], problems: string[], inline: boolean): string {
  if (inline && problems.length === 1) return `${files.join(' and ')}: ${problems[0]}`;
  return `${files.join(' and ')}:\n  ${problems.join('\n  ')}`;
}
