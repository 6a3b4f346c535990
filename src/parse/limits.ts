import type { Code, Construct, Effects, Extension, State, TokenizeContext } from "micromark-util-types";

/**
 * What policylint refuses to parse. micromark's cost grows with the square of how deeply lists and block quotes
 * nest on a line (1,000 levels: 2 s for 2 KB; 4,000: 20 s, then a stack overflow), and every walk over the tree goes
 * as deep. Real policies nest a few levels (8 at most in both corpora); 100 is markdown-it's own default bound.
 */
export const MAX_NESTING = 100;

/**
 * micromark also pairs emphasis and link markers by looking back over every marker before them in the paragraph:
 * 8,000 unclosed `*` in one paragraph took 5 s, 4,000 nested emphases 53 s, 64,000 `[a]` 91 s. The real corpora
 * have at most 68 markers in one paragraph, heading or table cell; 1,000 keeps the worst case near 50 ms a KB.
 */
export const MAX_INLINE_MARKERS = 1000;

/** A text beyond a stated limit: the CLI reports it as one line naming the file, exit 2, and goes on with the rest. */
export class InputLimitError extends Error {
  constructor(
    readonly filePath: string,
    readonly limit: string,
    readonly line: number,
  ) {
    super(`${limit} at line ${line}, beyond policylint's limit`);
    this.name = "InputLimitError";
  }

  /** The same limit, in this file, its line counted from the file's first line. */
  placed(filePath: string, linesBefore = 0): InputLimitError {
    return new InputLimitError(filePath, this.limit, this.line + linesBefore);
  }
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;

/**
 * An upper bound on how deeply YAML front matter nests, without parsing it: per line, its indentation plus the block
 * indicators on it (`- `, `? `, `: `, each of which can open a level), plus the flow brackets (`[`, `{`) still open
 * from earlier lines and this one. Brackets inside quotes count too: real front matter stays far below the limit.
 */
export function frontMatterNesting(value: string): number {
  let deepest = 0;
  let open = 0;
  for (const line of value.split(/\r\n?|\n/)) {
    let indent = 0;
    while (line.charCodeAt(indent) === SPACE) indent++;
    let indicators = 0;
    let flowPeak = open;
    for (let i = indent; i < line.length; i++) {
      const code = line.charCodeAt(i);
      if (code === 91 /* [ */ || code === 123 /* { */) flowPeak = Math.max(flowPeak, ++open);
      else if (code === 93 /* ] */ || code === 125 /* } */) open = Math.max(0, open - 1);
      else if ((code === 45 /* - */ || code === 63 /* ? */ || code === 58) /* : */ && isBlank(line.charCodeAt(i + 1))) {
        indicators++;
      }
    }
    deepest = Math.max(deepest, indent + indicators + flowPeak);
  }
  return deepest;
}

function isBlank(code: number): boolean {
  return Number.isNaN(code) || code === SPACE || code === TAB;
}

/**
 * Throws when a line may open lists and block quotes more than MAX_NESTING deep. A line is inside a container only
 * if its start carries that container's marker (`>`, a bullet, a number) or, for a list item it continues, at least
 * two columns of indentation; so markers plus half the other leading columns bound its depth from above without
 * parsing. Not counted: the space a `>` takes with it, and any space after a list marker, behind which only new
 * containers, each with its marker, can open. Only line starts are read, and a line no further than the limit.
 */
export function checkNesting(source: string, filePath: string): void {
  let line = 1;
  for (let i = 0; i < source.length;) {
    let markers = 0;
    let columns = 0;
    let column = 0;
    let afterQuote = false;
    let afterListMarker = false;
    for (;;) {
      const code = source.charCodeAt(i);
      if (code === SPACE || code === TAB) {
        const width = code === SPACE ? 1 : 4 - (column % 4);
        column += width;
        i++;
        if (!afterListMarker) columns += afterQuote ? width - 1 : width;
        afterQuote = false;
      } else if (code === 62 /* > */) {
        markers++;
        column++;
        i++;
        afterQuote = true;
      } else {
        const after = listMarkerEnd(source, i);
        if (after === i) break;
        markers++;
        column += after - i;
        i = after;
        afterListMarker = true;
      }
      if (markers + (columns >> 1) > MAX_NESTING) {
        throw new InputLimitError(filePath, `lists and block quotes nested deeper than ${MAX_NESTING} levels`, line);
      }
    }
    // On to the next line: LF, CRLF or a lone CR ends it.
    while (i < source.length && source.charCodeAt(i) !== LF && source.charCodeAt(i) !== CR) i++;
    if (source.charCodeAt(i) === CR && source.charCodeAt(i + 1) === LF) i++;
    i++;
    line++;
  }
}

/**
 * Where a list marker (`-`, `+`, `*`, or 1–9 digits and `.` or `)`) starting at `i` ends, when it is followed by a
 * space, tab or line end; else `i`.
 */
function listMarkerEnd(source: string, i: number): number {
  let end = i;
  const code = source.charCodeAt(i);
  if (code === 45 || code === 43 || code === 42) end = i + 1;
  else {
    while (end - i < 9 && isDigit(source.charCodeAt(end))) end++;
    const close = source.charCodeAt(end);
    if (end === i || (close !== 46 && close !== 41)) return i;
    end++;
  }
  const next = source.charCodeAt(end);
  return end >= source.length || next === SPACE || next === TAB || next === LF || next === CR ? end : i;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Markers seen so far in each inline run (a paragraph, heading or table cell has a tokenizer of its own). */
const markersSeen = new WeakMap<TokenizeContext, number>();

/**
 * Tried before micromark's own constructs at every emphasis, strikethrough and link marker of inline text; it counts
 * the marker and steps aside (it never matches, so the tree is remark's), or throws once a run has too many. The
 * line is the parsed text's; parseMarkdown and parseDocument place it in the file.
 */
const markerCount: Construct = {
  name: "policylintMarkerCount",
  add: "before",
  tokenize(this: TokenizeContext, _effects: Effects, _ok: State, nok: State): State {
    const seen = (markersSeen.get(this) ?? 0) + 1;
    markersSeen.set(this, seen);
    if (seen > MAX_INLINE_MARKERS) {
      throw new InputLimitError(
        "",
        `more than ${MAX_INLINE_MARKERS.toLocaleString("en-US")} emphasis and link markers in one paragraph`,
        this.now().line,
      );
    }
    return (code: Code) => nok(code);
  },
};

/** The micromark extension that bounds inline markers: `!`, `*`, `[`, `]`, `_`, `~`. */
export const inlineMarkerLimit: Extension = {
  text: { 33: markerCount, 42: markerCount, 91: markerCount, 93: markerCount, 95: markerCount, 126: markerCount },
};
