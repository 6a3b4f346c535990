import type { Nodes, Paragraph, Parent, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Change } from "../diff/types.js";
import type { PolicyDocument } from "../parse/document.js";
import { documentText } from "../parse/text.js";
import { sentenceSpans } from "./sentences.js";

/**
 * What the classifier can only know from the whole documents, not from one change: whether a change's sentences
 * still stand somewhere in the other version (a restructure: a heading dropped, a section re-nested, a list turned
 * into paragraphs), and whether a block is page furniture (navigation, a logo, a site footer) that a capture of a web
 * page carries but the policy does not say.
 */
export interface Layout {
  /** How often each normalised sentence occurs in the document. */
  sentences: Map<string, number>;
  /** The words a reader sees, lower case: to ask whether an address is written out anywhere. */
  text: string;
  /** The same, as written: what a re-nested section's few new sentences are read against. */
  written: string;
  /** 1-based lines where a furniture block starts, and the line from which the page footer runs to the end. */
  furnitureLines: Set<number>;
  footerFrom: number;
  /** Lines of the items a prohibition introduces ("The following acts are prohibited:" then "(1) …", "(2) …"). */
  dutyLines: Set<number>;
}

export interface Layouts {
  old: Layout;
  new: Layout;
}

const caches = new WeakMap<ReadonlySet<string>, WeakMap<PolicyDocument, Layout>>();

/** `phrases`: lines of a web page's interface, lower case ("back to top"), from the classifier's knowledge. */
export function layoutOf(doc: PolicyDocument, phrases: ReadonlySet<string> = new Set()): Layout {
  let cache = caches.get(phrases);
  if (!cache) caches.set(phrases, (cache = new WeakMap()));
  let layout = cache.get(doc);
  if (!layout) {
    const written = documentText(doc)
      .blocks.map((b) => b.text)
      .join("\n");
    layout = { sentences: documentSentences(doc), text: written.toLowerCase(), written, ...furniture(doc, phrases), dutyLines: dutyLines(doc) };
    cache.set(doc, layout);
  }
  return layout;
}

/**
 * A sentence as a key that survives re-extraction: lower case, letters and digits only, a leading enumerator ("1.",
 * "A.", "(ii)") dropped, since renumbering and list markers are not wording. `title` marks a short line without a
 * closing stop: a heading or label, not a statement.
 */
export function sentenceEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  for (const line of text.split(/\n+/)) {
    const flat = line.replace(/\s+/g, " ").trim();
    if (!flat) continue;
    for (const span of sentenceSpans(flat)) {
      const sentence = flat.slice(span.start, span.end).trim();
      const key = sentence
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim()
        .replace(/^(?:\d+|[a-z]|[ivx]+)(?: (?:\d+|[a-z]|[ivx]+))* (?=\p{L})/u, "");
      if (key) entries.push({ key, text: sentence, title: !/[.!?:;]["'”’)\]]*$/.test(sentence) && key.split(" ").length <= 10 });
    }
  }
  return entries;
}

export function sentenceKeys(text: string): string[] {
  return sentenceEntries(text).map((e) => e.key);
}

/**
 * Every sentence a reader sees, counted. Indented code counts too: a capture that shifts a list marker by one space
 * turns a list item's paragraphs into an indented code block and back, the same words either way.
 */
function documentSentences(doc: PolicyDocument): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (text: string) => {
    for (const key of sentenceKeys(text)) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const block of documentText(doc).blocks) count(block.text);
  const visit = (node: Nodes) => {
    if (node.type === "code") count(node.value.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ")).join("\n"));
    else if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(doc.tree);
  return counts;
}

/**
 * Whether every sentence this change takes away still stands in the new version as often as in the old, and every
 * sentence it brings already stood in the old as often as in the new: the words were moved or re-nested, not
 * changed. A section's own title is structure (a heading dropped over text that stays is a restructure); a change
 * that neither takes nor brings a sentence is left to the other steps.
 */
export function restructured(change: Change, layouts: Layouts): boolean {
  const net = netSentences(change, layouts);
  if (!net) return false;
  const { lost, all } = net;
  if (!lost.length) return true;
  // A section or clause whose statements all stand elsewhere, less a subtitle or two that went with its heading
  // ("What to expect on how we treat your data"), was re-nested, not rewritten.
  const whole = change.kind !== "modified" && (change.target === "section" || change.target === "clause");
  const statements = all.filter((e) => !e.title).length;
  return whole && statements >= 2 && lost.length <= 2 && lost.every((e) => e.title);
}

/**
 * The sentences of a change that do not stand in the other version as often as in its own: what the change really
 * takes away or brings, once text that only moved is set aside. Null for changes this does not apply to.
 */
export function netSentences(change: Change, layouts: Layouts): { lost: Entry[]; all: Entry[] } | null {
  if (change.target.startsWith("table") || change.target === "link" || change.target === "date" || change.target === "frontmatter") return null;
  const { removed, added } = sentencesOf(change);
  if (!removed.length && !added.length) return null;
  const { old: before, new: after } = layouts;
  const kept = (key: string, from: Layout, to: Layout) => (to.sentences.get(key) ?? 0) >= (from.sentences.get(key) ?? 0);
  const lost = [...removed.filter((e) => !kept(e.key, before, after)), ...added.filter((e) => !kept(e.key, after, before))];
  return { lost, all: [...removed, ...added] };
}

function sentencesOf(change: Change): { removed: Entry[]; added: Entry[] } {
  const titled = change.target === "section" || change.target === "clause";
  const side = (s: Change["old"]): Entry[] => {
    if (!s) return [];
    if (titled) return sentenceEntries(s.content ?? "");
    return sentenceEntries(s.content === undefined ? s.text : `${s.text}\n${s.content}`);
  };
  const before = side(change.old);
  const after = side(change.new);
  if (change.kind === "added") return { removed: [], added: after };
  if (change.kind === "removed") return { removed: before, added: [] };
  return { removed: without(before, after), added: without(after, before) };
}

interface Entry {
  key: string;
  /** The sentence as written. */
  text: string;
  title: boolean;
}

/** The entries of `a` less one occurrence for each key in `b`. */
function without(a: Entry[], b: Entry[]): Entry[] {
  const left = new Map<string, number>();
  for (const { key } of b) left.set(key, (left.get(key) ?? 0) + 1);
  return a.filter(({ key }) => {
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    return n === 0;
  });
}

/** Whether each side of the change lies in page furniture of its own document. */
export function inFurniture(change: Change, layouts: Layouts): boolean {
  const sides: [Change["old"], Layout][] = [
    [change.old, layouts.old],
    [change.new, layouts.new],
  ];
  let any = false;
  for (const [side, layout] of sides) {
    if (!side) continue;
    if (side.line === null) return false;
    if (!layout.furnitureLines.has(side.line) && side.line < layout.footerFrom) return false;
    any = true;
  }
  return any;
}

const SEPARATORS = /^[\s|·•\-–—/,>»›]*$/u;

/** A paragraph made only of links and images: a menu, a tab strip, a logo, a row of app-store badges. */
function isNavigation(node: Paragraph): boolean {
  let links = 0;
  for (const child of node.children) {
    if (child.type === "link" || child.type === "image" || child.type === "linkReference" || child.type === "imageReference") links++;
    else if (child.type === "text" || child.type === "break") {
      if (child.type === "text" && !SEPARATORS.test(child.value)) return false;
    } else if (child.type === "strong" || child.type === "emphasis") {
      if (!child.children.every((c) => c.type === "link" || c.type === "image")) return false;
      links++;
    } else return false;
  }
  return links > 0;
}

/** A short line without a full stop: a menu column's title ("Media", "Our Apps") beside a menu. */
function isLabel(node: Nodes): boolean {
  if (node.type !== "paragraph") return false;
  const text = toString(node).trim();
  return text.length > 0 && text.split(/\s+/).length <= 3 && !/[.:;!?]$/.test(text);
}

/** A lead-in that makes what follows a duty of the reader. */
const PROHIBITION = /\b(?:(?:are|is) (?:strictly )?prohibited|(?:you|users?) (?:may|must|shall|will) not|agree not to|(?:shall|must) not engage|not (?:permitted|allowed) to)\b[^:]*:\s*$/i;
const ITEM = /^\s*(?:\(?\d{1,2}\)|\(?[a-z]\)|\(?[ivx]{1,4}\))\s/i;

/**
 * The items a prohibition introduces: after "The following acts are prohibited when using the Services:", each
 * "(1) …" paragraph or list item up to the next heading or the next paragraph that is no item.
 */
function dutyLines(doc: PolicyDocument): Set<number> {
  const lines = new Set<number>();
  const walk = (parent: Parent) => {
    const kids = parent.children as RootContent[];
    let open = false;
    for (const node of kids) {
      const text = node.type === "paragraph" ? toString(node) : "";
      if (node.type === "heading") open = false;
      else if (open && node.type === "list") for (const item of node.children) lines.add(item.position!.start.line);
      else if (open && node.type === "paragraph" && ITEM.test(text)) lines.add(node.position!.start.line);
      else if (node.type === "paragraph") open = PROHIBITION.test(text);
      if (node.type === "list" || node.type === "listItem" || node.type === "blockquote") walk(node as Parent);
    }
  };
  walk(doc.tree);
  return lines;
}

/** Copyright lines close a site's footer, not a policy. */
const COPYRIGHT = /^(?:©|\(c\)|copyright\b).*|all rights reserved\.?$/i;

function furniture(doc: PolicyDocument, phrases: ReadonlySet<string>): { furnitureLines: Set<number>; footerFrom: number } {
  const lines = new Set<number>();
  const interfaceLine = (node: Nodes) => node.type === "paragraph" && phrases.has(toString(node).trim().toLowerCase().replace(/[.:]$/, ""));
  const visit = (parent: Parent) => {
    const kids = parent.children as RootContent[];
    kids.forEach((node, i) => {
      if ((node.type === "paragraph" && isNavigation(node)) || interfaceLine(node)) {
        lines.add(node.position!.start.line);
        for (const near of [kids[i - 1], kids[i + 1]]) if (near && isLabel(near)) lines.add(near.position!.start.line);
      }
      if ("children" in node && node.type !== "paragraph" && node.type !== "heading") visit(node as Parent);
    });
  };
  visit(doc.tree);
  furnishedSections(doc, lines);
  return { furnitureLines: lines, footerFrom: footerStart(doc, lines) };
}

/**
 * Sections that are page furniture as a whole: one whose every block is furniture (an "Index" of in-page links
 * and its "View More" button), and a pop-up (a section with an empty link, the pop-up's close button) together with
 * the sections of the same title that follow it, as page builders write a pop-up's title twice.
 */
function furnishedSections(doc: PolicyDocument, lines: Set<number>): void {
  const blocks = doc.tree.children;
  const popups = new Set<string>();
  for (let i = 0; i < blocks.length; i++) {
    const heading = blocks[i];
    if (heading.type !== "heading") continue;
    let end = i + 1;
    while (end < blocks.length && blocks[end].type !== "heading") end++;
    const body = blocks.slice(i + 1, end);
    const title = toString(heading).trim();
    const closer = body.some((b) => b.type === "paragraph" && b.children.length > 0 && b.children.every((c) => c.type === "link" && !toString(c).trim()));
    const furnished = body.length > 0 && body.every((b) => lines.has(b.position!.start.line));
    if (closer) popups.add(title);
    if (closer || furnished || popups.has(title)) {
      lines.add(heading.position!.start.line);
      for (const b of body) lines.add(b.position!.start.line);
    }
  }
}

/**
 * The site footer of a captured page: from a menu in the last part of the document to the end, when what follows
 * is mostly menus and their labels and a copyright line closes it. Everything there belongs to every page of the
 * site (a mission statement, a disclaimer, addresses), so none of it is the policy's wording.
 */
function footerStart(doc: PolicyDocument, navLines: Set<number>): number {
  const blocks = doc.tree.children;
  const none = Number.MAX_SAFE_INTEGER;
  const last = blocks.length - 1;
  const closing = blocks.slice(Math.max(0, last - 3)).some((b) => b.type === "paragraph" && COPYRIGHT.test(toString(b).trim()));
  if (!closing) return none;
  const from = Math.floor(blocks.length * 0.6);
  for (let i = from; i <= last; i++) {
    if (!navLines.has(blocks[i].position!.start.line)) continue;
    const tail = blocks.slice(i);
    const menus = tail.filter((b) => navLines.has(b.position!.start.line)).length;
    if (menus >= 3 && menus * 2.5 >= tail.length) return blocks[i].position!.start.line;
  }
  return none;
}
