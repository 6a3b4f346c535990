import { unified, type Processor } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkFrontmatter from "remark-frontmatter";
import type { Nodes, Root, RootContent } from "mdast";
import { LRUCache } from "lru-cache";
import type { Extension } from "micromark-util-types";
import { forgetRemembered } from "../text/memo.js";
import { splitIntoIndependentPieces } from "./pieces.js";
import { InputLimitError, inlineMarkerLimit } from "./limits.js";
// Makes micromark's container handling linear (see edit-map.ts); every parse goes through this module.
import "./edit-map.js";
// Makes remark-gfm's autolink literals linear behind an unclosed `[` (see autolink-literal.ts).
import "./autolink-literal.js";

type Position = NonNullable<Nodes["position"]>;

let processor: Processor<Root> | undefined;

/** A unified plugin adding limits.ts's count of inline markers to the parse (it changes no tree). */
function limitInlineMarkers(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: Extension[] };
  (data.micromarkExtensions ??= []).push(inlineMarkerLimit);
}

function markdownProcessor(): Processor<Root> {
  processor ??= unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ["yaml"])
    .use(limitInlineMarkers) as unknown as Processor<Root>;
  return processor;
}

/** A piece's top-level blocks, with positions as parsed: the piece began `line` lines and `offset` characters in. */
interface ParsedPiece {
  children: RootContent[];
  line: number;
  offset: number;
}

/**
 * Recently parsed pieces, least recently used evicted first, up to a number of characters of source. Consecutive
 * versions of a policy share most pieces, so a small memory catches nearly every repeat: on the corpus, 256 K
 * characters of source (about 5 MB of trees) find as many as an unbounded one. lru-cache rather than a Map kept in
 * use order: moving a key to a Map's end (delete, then set) leaves a dead entry in its hash chain until the next
 * rehash, and 100,000 small policies sharing their pieces spent 14 s looking up through them.
 */
export const DEFAULT_PIECE_MEMORY = 256 * 1024;
let memoryCharacters = DEFAULT_PIECE_MEMORY;
let remembered = newMemory(memoryCharacters);

function newMemory(characters: number): LRUCache<string, ParsedPiece> {
  return new LRUCache<string, ParsedPiece>({
    maxSize: Math.max(1, characters),
    sizeCalculation: (_, piece) => Math.max(1, piece.length),
  });
}

/**
 * For benchmarks: forget every remembered piece, and every text memo (text/memo.ts), so a measurement starts as a
 * fresh process does, and remember up to `characters` of source from now on (0: nothing, to time the parse of text
 * seen before).
 */
export function resetPieceMemory(characters = memoryCharacters): void {
  memoryCharacters = characters;
  remembered = newMemory(characters);
  forgetRemembered();
  for (const listener of resetListeners) listener(characters);
}

const resetListeners = new Set<(characters: number) => void>();

/** Called on each resetPieceMemory: a parser in a worker thread (thread.ts) forgets with this one. */
export function onPieceMemoryReset(listener: (characters: number) => void): void {
  resetListeners.add(listener);
}

/**
 * New pieces are parsed together up to about this much text per call. micromark keeps every event of a call until
 * it ends, about 130 bytes for each character: one call over a 10 MB policy peaked at 1.4 GB. Calls of this size
 * cost no more time than one call (remark's cost per call is small beside 64 K of text).
 */
const RUN_CHARACTERS = 64 * 1024;

/**
 * The mdast tree of a whole source, the same tree remark gives for it, built from pieces (see pieces.ts): remembered
 * ones are reused, and each run of new ones is parsed in one call (up to RUN_CHARACTERS), since remark's cost per
 * call outweighs a short piece. The tree is the caller's own: a block the piece memory also holds is copied out, any
 * other is moved in place, its positions shifted to where its piece stands.
 */
export function parseMarkdown(source: string): Root {
  const pieces = splitIntoIndependentPieces(source);
  // Uncut, the text is remark's alone: nothing to remember a whole document for.
  if (pieces.length === 1) return markdownProcessor().parse(source) as Root;
  // Where each piece starts; after the loop, `line` counts the source's line endings.
  const lines: number[] = [];
  const offsets: number[] = [];
  let line = 0;
  let offset = 0;
  for (const piece of pieces) {
    lines.push(line);
    offsets.push(offset);
    line += countNewlines(piece);
    offset += piece.length;
  }
  const parsed = pieces.map(recall);
  const rootFields: Record<string, unknown> = {};
  for (let first = 0; first < pieces.length; first++) {
    if (parsed[first]) continue;
    let end = first + 1;
    while (end < pieces.length && !parsed[end] && offsets[end] - offsets[first] < RUN_CHARACTERS) end++;
    const fields = parseRun(
      source.slice(offsets[first], offsets[end] ?? source.length),
      first,
      end,
      lines,
      offsets,
      parsed,
    );
    // A field remark set on the root (a task-list quirk) belongs to no one piece: such pieces are not remembered.
    if (fields) Object.assign(rootFields, fields);
    else for (let i = first; i < end; i++) remember(pieces[i], parsed[i]!);
    // The loop moves on to `end`, which may be new too when the run stopped at RUN_CHARACTERS.
    first = end - 1;
  }
  const children: RootContent[] = [];
  const handedOut = new Set<ParsedPiece>();
  for (let i = 0; i < pieces.length; i++) {
    const piece = parsed[i]!;
    const { children: blocks, line: parsedAtLine, offset: parsedAtOffset } = piece;
    // A piece the memory keeps, or one already handed out (a piece twice in the source), is copied for the caller;
    // any other is the caller's alone and is moved in place, so a large new text is not held twice.
    const shared = remembered.peek(pieces[i]) === piece || handedOut.has(piece);
    handedOut.add(piece);
    const [lineShift, offsetShift] = [lines[i] - parsedAtLine, offsets[i] - parsedAtOffset];
    for (const block of blocks)
      children.push(shared ? copyShifted(block, lineShift, offsetShift) : shiftInPlace(block, lineShift, offsetShift));
  }
  const lastLineStart = source.lastIndexOf("\n") + 1;
  return {
    type: "root",
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: line + 1, column: source.length - lastLineStart + 1, offset: source.length },
    },
    ...rootFields,
  };
}

/**
 * Parses pieces first…end-1 as one text and hands each its blocks (no block crosses a cut, so each has one owner).
 * Returns the fields remark set on the root besides its type, children and position, if any.
 */
function parseRun(
  text: string,
  first: number,
  end: number,
  lines: number[],
  offsets: number[],
  parsed: (ParsedPiece | undefined)[],
) {
  for (let i = first; i < end; i++)
    parsed[i] = { children: [], line: lines[i] - lines[first], offset: offsets[i] - offsets[first] };
  let tree: Root;
  try {
    tree = markdownProcessor().parse(text) as Root;
  } catch (error) {
    // A limit reached in this run: its line counted from the run's first line.
    throw error instanceof InputLimitError ? error.placed(error.filePath, lines[first]) : error;
  }
  const { type, children, position, ...fields } = tree;
  let owner = first;
  for (const block of children) {
    const at = block.position?.start.offset ?? 0;
    while (owner + 1 < end && at >= parsed[owner + 1]!.offset) owner++;
    parsed[owner]!.children.push(block);
  }
  return Object.keys(fields).length ? fields : null;
}

function recall(piece: string): ParsedPiece | undefined {
  // Seen again: it becomes the most recently used.
  return remembered.get(piece);
}

function remember(piece: string, parsed: ParsedPiece): void {
  // A piece twice in one source is parsed twice in its run, and counted once.
  if (memoryCharacters === 0 || remembered.has(piece)) return;
  remembered.set(piece, parsed);
}

function copyShifted<T extends Nodes>(node: T, lineShift: number, offsetShift: number): T {
  const copy: Record<string, unknown> = {};
  for (const key in node) {
    const value: unknown = node[key as keyof T];
    if (key === "children")
      copy.children = (value as Nodes[]).map((child) => copyShifted(child, lineShift, offsetShift));
    else if (key === "position") copy.position = value && shiftPosition(value as Position, lineShift, offsetShift);
    // A table's `align` list: the caller may change it, and the remembered piece must not see that.
    else copy[key] = typeof value === "object" && value !== null ? structuredClone(value) : value;
  }
  return copy as T;
}

function shiftInPlace<T extends Nodes>(node: T, lineShift: number, offsetShift: number): T {
  if (lineShift === 0 && offsetShift === 0) return node;
  if (node.position) node.position = shiftPosition(node.position, lineShift, offsetShift);
  if ("children" in node) for (const child of node.children) shiftInPlace(child, lineShift, offsetShift);
  return node;
}

function shiftPosition({ start, end }: Position, lineShift: number, offsetShift: number): Position {
  return {
    start: { line: start.line + lineShift, column: start.column, offset: (start.offset ?? 0) + offsetShift },
    end: { line: end.line + lineShift, column: end.column, offset: (end.offset ?? 0) + offsetShift },
  };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}
