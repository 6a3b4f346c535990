/** Line/column lookup for a source string, 1-based like every editor and ESLint. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export function lineStartOffsets(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    // A lone CR is a line ending too (CommonMark); CRLF is counted once, at its LF.
    else if (ch === 13 && source.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

export function pointAt(lineStarts: number[], offset: number): Point {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1, offset };
}

export interface Spanned {
  type: string;
  value?: unknown;
  children?: Spanned[];
  position?: { start: Point; end: Point };
}

/**
 * Gives every node of the tree a position. remark-gfm's autolink literals (a bare `www.` address or e-mail in text)
 * rebuild the text around them without positions, so a rule reading `node.position` would throw and a finding there
 * would land at 1:1. A node without one is placed where its text stands between its positioned neighbours (the
 * first occurrence after the previous sibling), or just after that sibling when its text differs from the source (an
 * escaped `a\_b@x.com`): always inside its parent and in document order, which is all a reader of positions needs.
 */
export function fillMissingPositions(root: Spanned, source: string, lineStarts: number[]): void {
  if (!root.position) return;
  fillChildren(root, source, lineStarts);
}

function fillChildren(parent: Spanned, source: string, lineStarts: number[]): void {
  const children = parent.children;
  if (!children) return;
  let cursor = parent.position!.start.offset;
  // Where the next child that came with a position starts, for each child: found in one pass from the end, since a
  // paragraph can hold thousands of autolinks without positions in a row.
  const limits = new Array<number>(children.length);
  for (let i = children.length - 1, next = parent.position!.end.offset; i >= 0; i--) {
    limits[i] = next;
    const position = children[i].position;
    if (position) next = position.start.offset;
  }
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (!child.position) {
      const limit = limits[i];
      const text = plainText(child);
      const found = text ? textAt(source, text, cursor, limit) : -1;
      const start = found >= 0 ? found : cursor;
      const end = Math.max(start, Math.min(limit, start + text.length));
      child.position = { start: pointAt(lineStarts, start), end: pointAt(lineStarts, end) };
    }
    cursor = Math.max(cursor, child.position.end.offset);
    fillChildren(child, source, lineStarts);
  }
}

/**
 * Where `text` first stands in `source` from `from`, ending by `limit`, or -1. A child's text nearly always starts at
 * the cursor; when it does not (escapes, entities), only a short stretch is searched, so a paragraph of such children
 * costs no more than its length.
 */
function textAt(source: string, text: string, from: number, limit: number): number {
  if (source.startsWith(text, from)) return from + text.length <= limit ? from : -1;
  const end = Math.min(limit, from + 2 * text.length + 256);
  const found = source.slice(from, end).indexOf(text);
  return found >= 0 ? from + found : -1;
}

function plainText(node: Spanned): string {
  if (typeof node.value === "string") return node.value;
  return node.children ? node.children.map(plainText).join("") : "";
}
