/**
 * Splits a Markdown source into pieces that parse to exactly the blocks the whole source parses to, so each piece can
 * be parsed (and remembered) on its own. Versions of one policy share most of their paragraphs and sections, and a
 * run over a repository's history, or a diff of two versions, then parses each distinct piece once.
 *
 * A cut is made only before an unindented line that follows a blank line. The blank line has closed every paragraph,
 * table, block quote and type 6–7 HTML block, and an unindented line continues no list item or indented code, so such
 * a line starts a new top-level block, unless it is another item of the list above (a bullet or number) or could open
 * front matter (`---`): no cut there. What a blank line does not close is tracked line by line: front matter, fenced
 * code and type 1–5 HTML blocks (comments, `<pre>`, `<script>`, …). Every doubt keeps the text whole from there on:
 * an opening whose context is unsure, a link or footnote definition anywhere (the only document-wide state in
 * Markdown; a reference anywhere may use it), a lone CR line ending.
 */

// Not a space (indented: may continue a list item or code), nor a bullet, thematic break or front matter fence.
const UNINDENTED_NON_BULLET = /^[^\s*+-]/;
const ORDERED_ITEM = /^\d{1,9}[.)](?:[ \t]|\r?$)/;
const BLANK = /^[ \t]*\r?$/;
const FENCE_OPENING = /^ {0,3}(`{3,}|~{3,})/;
const FRONT_MATTER_OPENING = /^---[ \t]*\r?$/;
// Stricter than remark-frontmatter's closing on purpose: staying open too long only means fewer cuts.
const FRONT_MATTER_CLOSING = /^---\r?$/;
// A definition is `[label]:`; the label may span lines, but its `]:` never does. Code spans saying `]:` cost a cut.
const MAY_HAVE_DEFINITION = /\]:/;
const LONE_CR = /\r(?!\n)/;
const HTML_LINE = /^ {0,3}</;

const UNCLOSED_BY_BLANK_LINES: [start: RegExp, end: RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|\r?$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];

export function splitIntoIndependentPieces(source: string): string[] {
  if (MAY_HAVE_DEFINITION.test(source) || LONE_CR.test(source)) return [source];
  const cuts = [0];
  let inFrontMatter = false;
  let fence: string | null = null;
  let htmlEnd: RegExp | null = null;
  // A line opened with `<` may start an HTML block of type 6 or 7, whose text runs to the next blank line.
  let maybeInHtmlBlock = false;
  let afterBlank = false;
  for (let start = 0, lineNumber = 0; start < source.length; lineNumber++) {
    const newline = source.indexOf("\n", start);
    const line = source.slice(start, newline === -1 ? source.length : newline);
    if (lineNumber === 0 && FRONT_MATTER_OPENING.test(line)) inFrontMatter = true;
    else if (inFrontMatter) inFrontMatter = !FRONT_MATTER_CLOSING.test(line);
    else if (fence) fence = closesFence(line, fence) ? null : fence;
    else if (htmlEnd) htmlEnd = htmlEnd.test(line) ? null : htmlEnd;
    else if (BLANK.test(line)) maybeInHtmlBlock = false;
    else {
      if (afterBlank && UNINDENTED_NON_BULLET.test(line) && !ORDERED_ITEM.test(line)) cuts.push(start);
      const opensFenceHere = opensFence(line);
      const opensHtmlHere = opensFenceHere ? null : opensUnclosedHtml(line);
      if (opensFenceHere || opensHtmlHere) {
        // Only an unindented opening outside any HTML block surely opens at the top level: indented, it may be in a
        // list item and close with it; after a `<` line, it may be text of an HTML block. Past it, no more cuts.
        if (line[0] === " " || maybeInHtmlBlock) break;
        fence = opensFenceHere;
        htmlEnd = opensHtmlHere;
      } else if (HTML_LINE.test(line)) maybeInHtmlBlock = true;
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
  return !!match && match[1][0] === fence[0] && match[1].length >= fence.length && BLANK.test(line.slice(match[0].length));
}

function opensUnclosedHtml(line: string): RegExp | null {
  for (const [start, end] of UNCLOSED_BY_BLANK_LINES) {
    const match = start.exec(line);
    // The end is looked for after the whole opening, so `<!-->` counts as open: the safe reading.
    if (match) return end.test(line.slice(match[0].length)) ? null : end;
  }
  return null;
}
