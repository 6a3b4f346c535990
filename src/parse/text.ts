import type { Heading, Html, Link, Definition, Node, Paragraph, Parent, TableCell, Text } from "mdast";
import type { PolicyDocument } from "./document.js";
import { oncePer } from "../text/memo.js";

/** Stands in for inline code, HTML and footnote references, so no pattern matches across them. */
export const OPAQUE = "\uFFFC";

export type TextBlockNode = Paragraph | Heading | TableCell;

/**
 * The text of one paragraph, heading or table cell as a reader sees it (escapes and entities decoded, emphasis
 * markers gone, link text kept, link targets dropped), with the source offset of every character.
 */
export interface BlockText {
  node: TextBlockNode;
  text: string;
  /** offsets[i] is the source offset of text[i]; offsets[text.length] is the offset just past the last. */
  offsets: Int32Array;
  /** Outermost first: root, list, listItem, blockquote, table, … */
  ancestors: Parent[];
}

export interface LinkTarget {
  node: Link | Definition;
  url: string;
  /** Source offsets of the url as written, when it can be found verbatim. */
  start: number;
  end: number;
}

export interface DocumentText {
  blocks: BlockText[];
  html: { node: Html; ancestors: Parent[] }[];
  links: LinkTarget[];
}

export const documentText: (doc: PolicyDocument) => DocumentText = oncePer(collect);

const TEXT_BLOCKS = new Set(["paragraph", "heading", "tableCell"]);
const SKIPPED = new Set(["code", "yaml", "toml", "math"]);

function collect(doc: PolicyDocument): DocumentText {
  const out: DocumentText = { blocks: [], html: [], links: [] };
  // Written out rather than with unist-util-visit-parents, which makes a closure for every node it visits: this walk
  // runs over every node of every document checked or compared (with it, the walk took half again as long).
  const walk = (node: Node, ancestors: Parent[]): void => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === "html") out.html.push({ node: node as Html, ancestors });
    else if (node.type === "link" || node.type === "definition") recordLink(doc, node as Link | Definition, out.links);
    else if (TEXT_BLOCKS.has(node.type)) out.blocks.push(flatten(doc, node as TextBlockNode, ancestors));
    // Blocks hold no blocks, and code, front matter and math hold no prose: a text block's own HTML and links (its
    // inline content) are still collected for the rules that read them.
    if (!("children" in node)) return;
    const next = [...ancestors, node as Parent];
    for (const child of (node as Parent).children) walk(child, next);
  };
  walk(doc.tree, []);
  return out;
}

function recordLink(doc: PolicyDocument, node: Link | Definition, links: LinkTarget[]): void {
  const from = node.position?.start.offset ?? 0;
  const to = node.position?.end.offset ?? from;
  const raw = doc.source.slice(from, to);
  const at = raw.lastIndexOf(node.url);
  const start = at >= 0 ? from + at : from;
  links.push({ node, url: node.url, start, end: at >= 0 ? start + node.url.length : to });
}

function flatten(doc: PolicyDocument, block: TextBlockNode, ancestors: Parent[]): BlockText {
  let text = "";
  // What each piece of the text came from: a text value and its node's span, or one character standing at an offset.
  const values: (string | null)[] = [];
  const spans: number[] = [];
  // Hand-written, not unist-util-visit: this runs for every block of every document, and visit creates and names a
  // function for each node it enters (on a bare walk of the corpus, about twenty times this loop's time).
  const visit = (node: Node): void => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case "text":
        text += (node as Text).value;
        values.push((node as Text).value);
        spans.push(start, end);
        return;
      case "inlineCode":
      case "html":
      case "footnoteReference":
      case "image":
      case "imageReference":
        text += OPAQUE;
        values.push(null);
        spans.push(start, start);
        return;
      case "break":
        text += "\n";
        values.push(null);
        spans.push(start, start);
        return;
      default:
        if ("children" in node) for (const child of (node as Parent).children) visit(child);
    }
  };
  for (const child of block.children) visit(child);
  const blockEnd = block.position?.end.offset ?? 0;
  // The offsets are mapped when first asked for: a diff or a history reads the text of every block of every version,
  // and the offsets only of the few it reports.
  let offsets: Int32Array | undefined;
  return {
    node: block,
    text,
    get offsets() {
      return (offsets ??= alignBlock(doc.source, values, spans, blockEnd));
    },
    ancestors,
  };
}

function alignBlock(source: string, values: (string | null)[], spans: number[], blockEnd: number): Int32Array {
  const offsets: number[] = [];
  values.forEach((value, i) => {
    if (value === null) offsets.push(spans[2 * i]);
    else alignOffsets(value, source, spans[2 * i], spans[2 * i + 1], offsets);
  });
  offsets.push(offsets.length ? Math.max(offsets[offsets.length - 1] + 1, 0) : blockEnd);
  return Int32Array.from(offsets);
}

/**
 * Maps each character of a decoded text value back into the source it came from, stepping over backslash escapes,
 * entity references and the indentation or `>` markers that continuation lines carry. The offsets are appended to
 * `into` (a block's whole map is built in one array).
 */
export function alignOffsets(value: string, source: string, start: number, end: number, into: number[] = []): number[] {
  // Most text is written as it reads (no escape, entity or continuation marker): each character is where it stands.
  if (end - start === value.length && source.startsWith(value, start)) {
    for (let i = start; i < end; i++) into.push(i);
    return into;
  }
  let i = start;
  for (let j = 0; j < value.length; j++) {
    const ch = value.charCodeAt(j);
    let entityAt = -1;
    for (; i < end; i++) {
      const at = source.charCodeAt(i);
      if (at === ch) break;
      if (at === AMPERSAND) {
        const semi = source.indexOf(";", i);
        if (semi > i && semi - i <= 32 && semi < end) {
          // The whole entity renders as this one character.
          entityAt = i;
          i = semi + 1;
          break;
        }
      }
    }
    if (entityAt !== -1) {
      into.push(entityAt);
      continue;
    }
    if (i >= end) {
      const last = Math.max(start, end - 1);
      for (let k = j; k < value.length; k++) into.push(last);
      return into;
    }
    into.push(i++);
  }
  return into;
}

const AMPERSAND = 0x26;

/** Source offsets of text[from, to) in a block. */
export function blockRange(
  block: Pick<BlockText, "offsets">,
  from: number,
  to: number,
): { start: number; end: number } {
  const start = block.offsets[from];
  const end = to > from ? block.offsets[to - 1] + 1 : start;
  return { start, end };
}
