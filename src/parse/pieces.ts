/**
 * Splits a Markdown source into pieces that parse to exactly the blocks the whole source parses to, so each piece can
 * be parsed (and remembered) on its own. Versions of one policy share most of their paragraphs and sections, and a
 * run over a repository's history, or a diff of two versions, then parses each distinct piece once.
 *
 * A cut is made only before an unindented line that follows a blank line. The blank line has closed every paragraph,
 * table, block quote and type 6–7 HTML block, and an unindented line continues no list item or indented code, so such
 * a line starts a new top-level block, unless it is another item of the list above (a bullet or number) or could open
 * front matter (`---`): no cut there. What a blank line does not close is tracked line by line: front matter, and
 * fenced code and HTML comments or raw blocks (`<pre>`, `<script>`, …) at the top level. Code or HTML left open inside
 * a list item would take in the blank lines at the end of a piece, and indented code changes how the next block
 * starts, so the next cut is skipped after a line that may open one. Every doubt keeps the rest of the text whole: an
 * opening whose context is unsure, the rarer HTML blocks (`<?`, `<!DOCTYPE`, CDATA). A link or footnote definition
 * (the only document-wide state in Markdown), a lone CR or a BOM anywhere keep the whole text one piece.
 */

// Not a space (indented: may continue a list item or code), nor a bullet, thematic break or front matter fence.
const UNINDENTED_NON_BULLET = /^[^\s*+-]/;
const ORDERED_ITEM = /^\d{1,9}[.)](?:[ \t]|\r?$)/;
const BLANK = /^[ \t]*\r?$/;
const FENCE_OPENING = /^ {0,3}(`{3,}|~{3,})/;
// remark-frontmatter's fence, for opening and closing alike.
const FRONT_MATTER_FENCE = /^---[ \t]*\r?$/;
// A definition is `[label]:`; the label may span lines, but its `]:` never does. Code spans saying `]:` cost a cut.
const MAY_HAVE_DEFINITION = /\]:/;
// Line counts and offsets are shifted by LF; a lone CR also ends a line, and a BOM is not counted by remark.
const LONE_CR_OR_BOM = /\r(?!\n)|^\uFEFF/;
const HTML_LINE = /^ {0,3}</;
// Code or HTML behind indentation, a block quote or a list marker: it may be open inside a list item.
const CONTAINED_OPENING = /^(?:[ \t>]|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))+(?:`{3}|~{3}|<)/;
// Indented code runs on over blank lines, so the block after it starts in micromark's "interrupting" mode, where an
// empty or not-1 list item in a block quote (`>-`, `> 2. b`) is no list item: that block stays in the code's piece.
const MAY_BE_INDENTED_CODE = /^(?: {4}| {0,3}\t)/;

// HTML blocks that stay open across blank lines, and what closes them (CommonMark 4.6, types 1 and 2). The closing
// may share the opening line, even overlap it: micromark ends `<!-->` at once.
const TRACKED_HTML: [opening: RegExp, closing: RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|\r?$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
];
// Types 3–5 (`<?`, `<!X`, `<![CDATA[`): rare in policies, and micromark's reading of their ends has quirks.
const UNTRACKED_HTML = /^ {0,3}<(?:\?|![A-Za-z]|!\[CDATA\[)/;

export function splitIntoIndependentPieces(source: string): string[] {
  if (MAY_HAVE_DEFINITION.test(source) || LONE_CR_OR_BOM.test(source)) return [source];
  const cuts = [0];
  let inFrontMatter = false;
  let fence: string | null = null;
  let htmlEnd: RegExp | null = null;
  // A line opened with `<` may start an HTML block of type 6 or 7, whose text runs to the next blank line.
  let maybeInHtmlBlock = false;
  // The next block must stay in this piece: see CONTAINED_OPENING and MAY_BE_INDENTED_CODE.
  let keepNextBlock = false;
  let afterBlank = false;
  for (let start = 0, lineNumber = 0; start < source.length; lineNumber++) {
    const newline = source.indexOf("\n", start);
    const line = source.slice(start, newline === -1 ? source.length : newline);
    if (lineNumber === 0 && FRONT_MATTER_FENCE.test(line)) inFrontMatter = true;
    else if (inFrontMatter) inFrontMatter = !FRONT_MATTER_FENCE.test(line);
    else if (fence) fence = closesFence(line, fence) ? null : fence;
    else if (htmlEnd) htmlEnd = htmlEnd.test(line) ? null : htmlEnd;
    else if (BLANK.test(line)) maybeInHtmlBlock = false;
    else {
      if (afterBlank && UNINDENTED_NON_BULLET.test(line) && !ORDERED_ITEM.test(line)) {
        if (!keepNextBlock) cuts.push(start);
        // This line closes every list item and indented code, and whatever was open in them.
        keepNextBlock = false;
      }
      const opensFenceHere = opensFence(line);
      const opensHtmlHere = opensFenceHere ? null : opensTrackedHtml(line);
      if (opensFenceHere || opensHtmlHere) {
        // Only an unindented opening outside any HTML block surely opens at the top level: indented, it may be in a
        // list item and close with it; after a `<` line, it may be text of an HTML block.
        if (line[0] === " " || maybeInHtmlBlock) break;
        fence = opensFenceHere;
        htmlEnd = opensHtmlHere;
      } else if (UNTRACKED_HTML.test(line)) break;
      else if (HTML_LINE.test(line)) maybeInHtmlBlock = true;
      if (CONTAINED_OPENING.test(line) || MAY_BE_INDENTED_CODE.test(line)) keepNextBlock = true;
    }
    afterBlank = !inFrontMatter && !fence && !htmlEnd && BLANK.test(line);
    start = newline === -1 ? source.length : newline + 1;
  }
  return cuts.map((cut, i) => source.slice(cut, cuts[i + 1] ?? source.length));
}

function opensFence(line: string): string | null {
  const match = FENCE_OPENING.exec(line);
  if (!match) return null;
  // A backtick "fence" whose info string has a backtick is an inline code span (CommonMark 4.5).
  if (match[1][0] === "`" && line.includes("`", match[0].length)) return null;
  return match[1];
}

function closesFence(line: string, fence: string): boolean {
  const match = FENCE_OPENING.exec(line);
  return (
    !!match && match[1][0] === fence[0] && match[1].length >= fence.length && BLANK.test(line.slice(match[0].length))
  );
}

/** The closing to wait for when the line opens a tracked HTML block that it does not also close. */
function opensTrackedHtml(line: string): RegExp | null {
  for (const [opening, closing] of TRACKED_HTML) {
    if (opening.test(line)) return closing.test(line.slice(line.indexOf("<") + 1)) ? null : closing;
  }
  return null;
}
