/**
 * Checks on react-pdf's final layout (the laid-out tree it renders from): text that
 * overflows its frame (a word or URL wider than the column), and text, images and QR codes
 * outside the safe area of the trim. Each problem names the page and the content item (the
 * nearest element with an id, e.g. "event-herault-03").
 */

/** A node of react-pdf's laid-out tree (only what the checks read). */
export interface LaidOutNode {
  type: string;
  box?: { left: number; top: number; width: number; height: number };
  props?: { id?: string; fixed?: boolean; wrap?: boolean; 'data-zone'?: string };
  /** Laid-out lines; `overflowRight` is the trailing white space react-pdf lets hang past the edge. */
  lines?: { xAdvance?: number; overflowRight?: number; string?: string }[];
  children?: LaidOutNode[];
}

/** Where the checks apply, in pt: the trim box on the page, and the safe margin inside it. */
export interface SafeArea {
  trim: { left: number; top: number; width: number; height: number };
  margin: number;
}

/** Tolerance for rounding, in pt. */
const EPSILON = 0.5;

/** Inked width of a laid-out line: its advance without the trailing space left hanging. */
function inked(l: { xAdvance?: number; overflowRight?: number }): number {
  return (l.xAdvance ?? 0) - (l.overflowRight ?? 0);
}

/** The first line of any text in the subtree that is wider than its frame, if any. */
export function overflowingLine(node: LaidOutNode): string | undefined {
  if (node.type === 'TEXT' && node.box) {
    const wide = (node.lines ?? []).find((l) => inked(l) > node.box!.width + EPSILON);
    if (wide) return wide.string ?? '';
  }
  for (const child of node.children ?? []) {
    const found = overflowingLine(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A problem of the layout: its page, the box at fault and the message. */
export interface LayoutProblem {
  /** Page number in the document, 1-based. */
  page: number;
  /** The box at fault, in pt from the top left corner of the page (the MediaBox). */
  box: { left: number; top: number; width: number; height: number };
  /** "page 3, event-gard-02: text overflows its frame: "…"". */
  message: string;
}

/**
 * Walks every page of a laid-out document, or of a chunk of its pages.
 * @param firstPage index (0-based) of the chunk's first page in the whole document: pages are
 *   named by their number in the document.
 * @returns one message per problem: "page 3, event-gard-02: text overflows its frame: "…"".
 */
export function checkLayout(root: LaidOutNode, area: SafeArea, firstPage = 0): string[] {
  return layoutProblems(root, area, firstPage).map((p) => p.message);
}

/**
 * {@link checkLayout} with each problem's page and box (the preview outlines it).
 * @returns the problems in page order.
 */
export function layoutProblems(root: LaidOutNode, area: SafeArea, firstPage = 0): LayoutProblem[] {
  const found: LayoutProblem[] = [];
  (root.children ?? []).forEach((page, p) => {
    const texts: { left: number; top: number; width: number; height: number; text: string; where: string }[] = [];
    const visit = (node: LaidOutNode, x: number, y: number, item: string | undefined) => {
      const box = node.box;
      const left = x + (box?.left ?? 0);
      const top = y + (box?.top ?? 0);
      const id = node.props?.id ?? item;
      const where = `page ${firstPage + p + 1}${id ? `, ${id}` : ''}`;
      // The slug line sits outside the trim by design (Sheet marks it data-zone="slug").
      if (node.props?.['data-zone'] === 'slug') return;
      if (node.type === 'TEXT' && box) {
        const text = (node.lines ?? []).map((l) => l.string ?? '').join('').trim();
        const wide = (node.lines ?? []).find((l) => inked(l) > box.width + EPSILON);
        const at = { page: firstPage + p + 1, box: { left, top, width: box.width, height: box.height } };
        if (wide) found.push({ ...at, message: `${where}: text overflows its frame by ${(inked(wide) - box.width).toFixed(1)} pt: "${(wide.string ?? '').trim().slice(0, 60)}" — a word or URL is wider than its column` });
        if (text && !inside(left, top, box.width, box.height, area)) found.push({ ...at, message: `${where}: text leaves the safe area (${area.margin.toFixed(1)} pt inside the trim): "${text.slice(0, 60)}"` });
        if (text) texts.push({ left, top, width: inkWidth(node, box.width), height: box.height, text, where });
      }
      if ((node.type === 'IMAGE' || (node.type === 'SVG' && !node.props?.fixed)) && box && !inside(left, top, box.width, box.height, area)) {
        found.push({ page: firstPage + p + 1, box: { left, top, width: box.width, height: box.height }, message: `${where}: ${node.type === 'IMAGE' ? 'image' : 'graphic (QR code or chart)'} leaves the safe area` });
      }
      if (node.type === 'SVG') return; // its children are in its own coordinates
      for (const child of node.children ?? []) visit(child, left, top, id);
    };
    for (const child of page.children ?? []) visit(child, 0, 0, undefined);
    // Text set over text: two frames that were each fine alone but collide on the page
    // (an over-long title pushing into the block below it).
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!;
        const b = texts[j]!;
        const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
        const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
        const left = Math.max(a.left, b.left);
        const top = Math.max(a.top, b.top);
        if (w > 1 && h > 1) found.push({ page: firstPage + p + 1, box: { left, top, width: w, height: h }, message: `${a.where}: text "${a.text.slice(0, 40)}" overlaps "${b.text.slice(0, 40)}"${b.where !== a.where ? ` (${b.where})` : ''}` });
      }
    }
  });
  return found;
}

/** Width actually inked by a text: its widest line (a left-aligned frame is often wider). */
function inkWidth(node: LaidOutNode, frame: number): number {
  const widest = Math.max(0, ...(node.lines ?? []).map((l) => (l.xAdvance ?? 0) - (l.overflowRight ?? 0)));
  return Math.min(frame, widest || frame);
}

function inside(left: number, top: number, width: number, height: number, area: SafeArea): boolean {
  const { trim, margin } = area;
  return (
    left >= trim.left + margin - EPSILON &&
    top >= trim.top + margin - EPSILON &&
    left + width <= trim.left + trim.width - margin + EPSILON &&
    top + height <= trim.top + trim.height - margin + EPSILON
  );
}
