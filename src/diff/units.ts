import { toString } from "mdast-util-to-string";
import type { List, ListItem, Node, Paragraph, RootContent, Strong } from "mdast";
import type { PolicyDocument, Section } from "../parse/document.js";
import { parseHeadingNumber } from "../parse/sections.js";
import { addListItem, blockText, toBlocks, type Block } from "./blocks.js";
import { collectDefinitions, normalizeSpace, type Definitions } from "./inline.js";

/**
 * The things the diff aligns: the document root, its sections (from the parser's section tree) and clauses, so
 * documents that carry their structure in lists and bold text rather than headings still align clause by clause. A
 * clause is an item of a list whose items mostly open with a bold lead-in ("* **Payment.** You agree…") or, numbered,
 * mostly run to several blocks; or a paragraph opening with a bold lead-in, where a section has two or more of them.
 */
export interface Unit {
  kind: "root" | "section" | "clause";
  /** As the reader sees it, numbering kept: the path element. */
  heading: string;
  /** Numbering stripped. */
  title: string;
  number: string | null;
  /** Heading level for sections (1–6); a clause is one below its parent. */
  depth: number;
  /** What alignment compares: the title, case and typography folded. */
  key: string;
  line: number;
  parent: Unit | null;
  children: Unit[];
  /** Content directly under the heading (clauses and sub-sections excluded). */
  blocks: Block[];
  path: string[];
  /** Position in document order (root is -1). */
  index: number;
  /** A clause as plain blocks (lead-in kept, nested clauses flattened), for when it has no counterpart. */
  plain?: () => Block[];
}

export interface UnitTree {
  root: Unit;
  /** Every section and clause in document order. */
  flat: Unit[];
}

function titleKey(title: string): string {
  return normalizeSpace(title)
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/(?<![\s.:;,])[\s.:;,]+$/, "");
}

export function buildUnits(doc: PolicyDocument): UnitTree {
  const defs = collectDefinitions(doc.tree);
  const flat: Unit[] = [];
  const root = newUnit("root", "", "", null, 0, null);
  fill(root, doc.preamble, defs, flat);
  const addSection = (section: Section, parent: Unit): void => {
    const unit = newUnit(
      "section",
      section.text,
      section.title,
      section.number,
      section.heading.position?.start.line ?? 0,
      parent,
      section.depth,
    );
    flat.push(unit);
    fill(unit, section.blocks, defs, flat);
    for (const child of section.children) addSection(child, unit);
  };
  for (const section of doc.sections) addSection(section, root);
  flat.forEach((u, i) => (u.index = i));
  return { root, flat };
}

function newUnit(
  kind: Unit["kind"],
  heading: string,
  title: string,
  number: string | null,
  line: number,
  parent: Unit | null,
  depth?: number,
): Unit {
  const unit: Unit = {
    kind,
    depth: depth ?? (parent ? parent.depth + 1 : 0),
    heading: normalizeSpace(heading),
    title: normalizeSpace(title),
    number,
    key: titleKey(title),
    line,
    parent,
    children: [],
    blocks: [],
    path: parent ? [...parent.path, normalizeSpace(heading)] : [],
    index: -1,
  };
  parent?.children.push(unit);
  return unit;
}

/** The bold text a paragraph opens with, when it reads as a title: short, and not the whole paragraph's point. */
function leadIn(node: Node | undefined): Strong | null {
  if (node?.type !== "paragraph") return null;
  const first = (node as Paragraph).children[0];
  if (first?.type !== "strong") return null;
  const title = normalizeSpace(toString(first));
  if (title.length < 2 || title.length > 120 || !/\p{L}/u.test(title)) return null;
  return first;
}

function itemLeadIn(item: ListItem): Strong | null {
  return leadIn(item.children[0]);
}

/** A list whose items are clauses: most carry a bold lead-in, or it is numbered and its items run to several blocks. */
function isClauseList(list: List): boolean {
  const items = list.children;
  if (items.length < 2) return false;
  const half = items.length / 2;
  if (items.filter((item) => itemLeadIn(item)).length >= half) return true;
  return list.ordered === true && items.filter((item) => item.children.length > 1).length >= half;
}

/**
 * Splits a paragraph where a bold lead-in opens a line: clauses written one per line without blank lines between them
 * render as one paragraph, but they are the same clauses as when the blank lines are there.
 */
function splitAtLeadIns(nodes: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (const node of nodes) {
    if (node.type !== "paragraph") {
      out.push(node);
      continue;
    }
    const children = (node as Paragraph).children;
    let from = 0;
    for (let k = 1; k < children.length; k++) {
      const before = children[k - 1];
      const opensLine = before.type === "break" || (before.type === "text" && /\n[^\S\n]*$/.test(before.value));
      if (!opensLine || !leadIn({ type: "paragraph", children: [children[k]] } as Paragraph)) continue;
      out.push(piece(node as Paragraph, children.slice(from, k)));
      from = k;
    }
    out.push(from === 0 ? node : piece(node as Paragraph, children.slice(from)));
  }
  return out;
}

function piece(paragraph: Paragraph, children: Paragraph["children"]): Paragraph {
  const start = children[0]?.position?.start ?? paragraph.position?.start;
  const end = children[children.length - 1]?.position?.end ?? paragraph.position?.end;
  return { type: "paragraph", children, position: start && end ? { start, end } : paragraph.position };
}

/** Distributes a section's blocks between the unit itself and the clauses found among them. */
function fill(unit: Unit, given: readonly RootContent[] | readonly Node[], defs: Definitions, flat: Unit[]): void {
  const nodes = splitAtLeadIns(given);
  // A list clause's first paragraph carries the clause's own title, not a nested clause's.
  const own = leadInOf.has(unit) && unit.kind === "clause" ? nodes[0] : undefined;
  // One bold lead-in is emphasis ("**Short version:**" in every section); two or more structure the text.
  const leadIns = nodes.filter((n) => n !== own && leadIn(n)).length;
  let open = unit;
  let pending: Node[] = [];
  // Every node a paragraph clause spans, clause lists included, for its plain form.
  let spanned: Node[] = [];
  const flush = (): void => {
    // One by one: a spread of a section of 150,000 blocks overflows the stack.
    if (pending.length) for (const block of toBlocks(pending, { defs, skip: skipFor(open) })) open.blocks.push(block);
    pending = [];
  };
  for (const node of nodes) {
    const lead = leadIns >= 2 && node !== own ? leadIn(node) : null;
    if (lead) {
      flush();
      const heading = normalizeSpace(toString(lead)).replace(/(?<![\s.:;,])[\s.:;,]+$/, "");
      const { number, title } = parseHeadingNumber(heading);
      open = newUnit("clause", heading, title, number, node.position?.start.line ?? 0, unit);
      leadInOf.set(open, lead);
      flat.push(open);
      const span: Node[] = (spanned = []);
      open.plain = once(() => toBlocks(span, { defs }));
      pending.push(node);
      spanned.push(node);
    } else if (node.type === "list" && isClauseList(node as List)) {
      flush();
      addListClauses(node as List, open, defs, flat);
      if (open !== unit) spanned.push(node);
    } else {
      pending.push(node);
      if (open !== unit) spanned.push(node);
    }
  }
  flush();
}

function addListClauses(list: List, parent: Unit, defs: Definitions, flat: Unit[]): void {
  list.children.forEach((item, i) => {
    const lead = itemLeadIn(item);
    const number = list.ordered ? String((list.start ?? 1) + i) : null;
    const leadText = lead ? normalizeSpace(toString(lead)).replace(/(?<![\s.:;,])[\s.:;,]+$/, "") : firstWords(item);
    const heading = number ? `${number}. ${leadText}` : leadText;
    const unit = newUnit("clause", heading, leadText, number, item.position?.start.line ?? 0, parent);
    if (lead) leadInOf.set(unit, lead);
    unit.plain = once(() => {
      const out: Block[] = [];
      addListItem(item, { defs }, out);
      return out;
    });
    flat.push(unit);
    fill(unit, item.children, defs, flat);
  });
}

const leadInOf = new WeakMap<Unit, Strong>();

/** Built on first use and kept, so every pass that reads a clause as plain blocks sees the same blocks. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function skipFor(unit: Unit): ReadonlySet<Node> | undefined {
  const lead = leadInOf.get(unit);
  return lead ? new Set([lead]) : undefined;
}

function firstWords(item: ListItem): string {
  const words = normalizeSpace(toString(item.children[0] ?? item)).split(" ");
  return words.length > 8 ? `${words.slice(0, 8).join(" ")}…` : words.join(" ");
}

/** Everything a unit holds, sub-units included, as one text: the content of an added or removed section. */
export function unitContent(unit: Unit): string {
  const parts: string[] = [];
  if (unit.blocks.length) parts.push(blockText(unit.blocks));
  for (const child of unit.children) parts.push([child.heading, unitContent(child)].filter(Boolean).join("\n\n"));
  return parts.filter(Boolean).join("\n\n");
}
