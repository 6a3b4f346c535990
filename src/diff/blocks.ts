import type { Code, Html, List, ListItem, Node, Parent, Table } from "mdast";
import { normalizeSpace, renderInline, type Definitions, type LinkRef } from "./inline.js";
import { replaceTags } from "../parse/tags.js";

/**
 * A unit of content inside a section, as the diff compares it: what a reader sees, with markup gone. List items are
 * blocks of their own (nested items follow their parent), so a reordered or inserted item is one change.
 */
export type BlockType = "paragraph" | "list-item" | "table" | "code";

export interface TableRow {
  cells: string[];
  links: LinkRef[];
  line: number;
}

export interface TableData {
  header: string[];
  rows: TableRow[];
}

export interface Block {
  type: BlockType;
  text: string;
  links: LinkRef[];
  line: number;
  /** What matching compares: equal keys are the same block as a reader sees it (numbering aside). */
  key: string;
  /** The name a list item leads with (its opening link, or the words before a colon): what the item is about. */
  lead?: string;
  table?: TableData;
}

export interface BlockContext {
  defs: Definitions;
  /** Inline nodes not to render (a clause's bold lead-in, which is its title, not its body). */
  skip?: ReadonlySet<Node>;
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const ATTRIBUTE_LIST = /^\{:?\s*[#.][^}]*\}$/;
const ENUMERATOR = /^(?:\d+|[a-z]|[ivxlc]+)[.)]\s+(?=\S)/i;

function lineOf(node: Node): number {
  return node.position?.start.line ?? 0;
}

function make(type: BlockType, text: string, links: LinkRef[], line: number): Block {
  // Paragraphs and list items share a key space: text that only gained or lost a bullet reads the same; and a
  // written-out number ("12\. The arbitration…") is numbering, which is no change, like a list item's.
  return { type, text, links, line, key: `paragraph\u0000${text.replace(ENUMERATOR, "")}` };
}

/** Blocks alike in all a reader sees (their lines aside): between them, block matching finds nothing to report. */
export function sameBlocks(x: readonly Block[], y: readonly Block[]): boolean {
  return x.length === y.length && x.every((b, i) => sameBlock(b, y[i]));
}

function sameBlock(x: Block, y: Block): boolean {
  if (x.type !== y.type || x.text !== y.text || x.key !== y.key || x.lead !== y.lead) return false;
  if (!sameLinks(x.links, y.links)) return false;
  if (!x.table || !y.table) return x.table === y.table;
  const [a, b] = [x.table, y.table];
  return (
    sameStrings(a.header, b.header) &&
    a.rows.length === b.rows.length &&
    a.rows.every((row, i) => sameStrings(row.cells, b.rows[i].cells) && sameLinks(row.links, b.rows[i].links))
  );
}

function sameLinks(x: readonly LinkRef[], y: readonly LinkRef[]): boolean {
  return x.length === y.length && x.every((l, i) => l.text === y[i].text && l.url === y[i].url);
}

function sameStrings(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((s, i) => s === y[i]);
}

export function toBlocks(nodes: readonly Node[], ctx: BlockContext, out: Block[] = []): Block[] {
  for (const node of nodes) addBlock(node, ctx, out);
  return out;
}

function addBlock(node: Node, ctx: BlockContext, out: Block[]): void {
  switch (node.type) {
    case "paragraph":
    case "heading": {
      const { text, links } = renderInline((node as Parent).children, ctx.defs, ctx.skip);
      // A lone kramdown attribute list (`{: #id}`) names the block above; renderers show nothing.
      if (text && !ATTRIBUTE_LIST.test(text)) out.push(make("paragraph", text, links, lineOf(node)));
      return;
    }
    case "list":
      for (const item of (node as List).children) addListItem(item, ctx, out);
      return;
    case "table":
      out.push(tableBlock(node as Table, ctx));
      return;
    case "code": {
      // Code is shown verbatim, so only trailing spaces and blank edges are noise.
      // (?<!…): a match starts where its run of spaces does, so a long run is scanned once, not once per space.
      const value = (node as Code).value.replace(/(?<![ \t])[ \t]+$/gm, "").replace(/^\n+|(?<!\n)\n+$/g, "");
      if (value) out.push({ type: "code", text: value, links: [], line: lineOf(node), key: `code\u0000${value}` });
      return;
    }
    case "html": {
      const text = htmlText((node as Html).value);
      if (text) out.push(make("paragraph", text, [], lineOf(node)));
      return;
    }
    case "blockquote":
    case "footnoteDefinition":
      toBlocks((node as Parent).children, ctx, out);
      return;
    default:
      // definitions, thematic breaks, front matter: nothing a reader reads as text.
      return;
  }
}

export function addListItem(item: ListItem, ctx: BlockContext, out: Block[]): void {
  const own: string[] = [];
  const links: LinkRef[] = [];
  const rest: Node[] = [];
  for (const child of item.children) {
    if (child.type === "paragraph" || child.type === "heading") {
      const inline = renderInline(child.children, ctx.defs, ctx.skip);
      if (inline.text) own.push(inline.text);
      links.push(...inline.links);
    } else rest.push(child);
  }
  const checkbox = item.checked === true ? "[x] " : item.checked === false ? "[ ] " : "";
  if (own.length) {
    const block = make("list-item", checkbox + own.join("\n\n"), links, lineOf(item));
    block.lead = leadOf(item, block);
    out.push(block);
  }
  toBlocks(rest, ctx, out);
}

function leadOf(item: ListItem, block: Block): string | undefined {
  const first = item.children[0];
  const opening = first?.type === "paragraph" ? first.children[0] : undefined;
  if ((opening?.type === "link" || opening?.type === "linkReference") && block.links[0]?.text)
    return block.links[0].text;
  const named = /^([^:.;]{1,48}):\s+\S/u.exec(block.text);
  return named && named[1].split(" ").length <= 6 ? named[1] : undefined;
}

function tableBlock(node: Table, ctx: BlockContext): Block {
  const rows = node.children.map((row) => {
    const links: LinkRef[] = [];
    const cells = row.children.map((cell) => {
      const inline = renderInline(cell.children, ctx.defs, ctx.skip);
      links.push(...inline.links);
      return inline.text;
    });
    return { cells, links, line: lineOf(row) };
  });
  const [head, ...body] = rows;
  const header = head?.cells ?? [];
  const text = [header, ...body.map((r) => r.cells)].map((cells) => cells.join(" | ")).join("\n");
  return {
    type: "table",
    text,
    links: rows.flatMap((r) => r.links),
    line: lineOf(node),
    // Tables are matched by their header; rows are compared inside (see tables.ts).
    key: `table\u0000${header.join("\u0001").toLowerCase()}`,
    table: { header, rows: body },
  };
}

/** The words of a raw HTML block: comments and tags dropped, entities for spaces and ampersands decoded. */
function htmlText(value: string): string {
  const text = replaceTags(value.replace(COMMENT, " ").replace(/<br\s*\/?>|<\/(?:p|div|li|tr|h[1-6])>/gi, " "), "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
  return normalizeSpace(text);
}

export function blockText(blocks: readonly Block[]): string {
  return blocks.map((b) => b.text).join("\n\n");
}
