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
  /** 1-based lines where a furniture block starts, and the line from which the page footer runs to the end. */
  furnitureLines: Set<number>;
  footerFrom: number;
}

export interface Layouts {
  old: Layout;
  new: Layout;
}

const cache = new WeakMap<PolicyDocument, Layout>();

export function layoutOf(doc: PolicyDocument): Layout {
  let layout = cache.get(doc);
  if (!layout) {
    const text = documentText(doc)
      .blocks.map((b) => b.text)
      .join("\n")
      .toLowerCase();
    layout = { sentences: documentSentences(doc), text, ...furniture(doc) };
    cache.set(doc, layout);
  }
  return layout;
}

/**
 * A sentence as a key that survives re-extraction: lower case, letters and digits only, a leading enumerator ("1.",
 * "A.", "(ii)") dropped, since renumbering and list markers are not wording. `title` marks a short line without a
 * closing stop: a heading or label, not a statement.
 */
export function sentenceEntries(text: string): { key: string; title: boolean }[] {
  const entries: { key: string; title: boolean }[] = [];
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
      if (key) entries.push({ key, title: !/[.!?:;]["'”’)\]]*$/.test(sentence) && key.split(" ").length <= 10 });
    }
  }
  return entries;
}

export function sentenceKeys(text: string): string[] {
  return sentenceEntries(text).map((e) => e.key);
}

function documentSentences(doc: PolicyDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const block of documentText(doc).blocks) {
    for (const key of sentenceKeys(block.text)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whether every sentence this change takes away still stands in the new version as often as in the old, and every
 * sentence it brings already stood in the old as often as in the new: the words were moved or re-nested, not
 * changed. A section's own title is structure (a heading dropped over text that stays is a restructure); a change
 * that neither takes nor brings a sentence is left to the other steps.
 */
export function restructured(change: Change, layouts: Layouts): boolean {
  if (change.target.startsWith("table") || change.target === "link" || change.target === "date" || change.target === "frontmatter") return false;
  const { removed, added } = sentencesOf(change);
  if (!removed.length && !added.length) return false;
  const { old: before, new: after } = layouts;
  const kept = (key: string, from: Layout, to: Layout) => (to.sentences.get(key) ?? 0) >= (from.sentences.get(key) ?? 0);
  const lost = [
    ...removed.filter((e) => !kept(e.key, before, after)),
    ...added.filter((e) => !kept(e.key, after, before)),
  ];
  if (!lost.length) return true;
  // A section or clause whose statements all stand elsewhere, less a subtitle or two that went with its heading
  // ("What to expect on how we treat your data"), was re-nested, not rewritten.
  const whole = change.kind !== "modified" && (change.target === "section" || change.target === "clause");
  const statements = [...removed, ...added].filter((e) => !e.title).length;
  return whole && statements >= 2 && lost.length <= 2 && lost.every((e) => e.title);
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

type Entry = { key: string; title: boolean };

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

/** Copyright lines close a site's footer, not a policy. */
const COPYRIGHT = /^(?:©|\(c\)|copyright\b).*|all rights reserved\.?$/i;

function furniture(doc: PolicyDocument): { furnitureLines: Set<number>; footerFrom: number } {
  const lines = new Set<number>();
  const visit = (parent: Parent) => {
    const kids = parent.children as RootContent[];
    kids.forEach((node, i) => {
      if (node.type === "paragraph" && isNavigation(node)) {
        lines.add(node.position!.start.line);
        for (const near of [kids[i - 1], kids[i + 1]]) if (near && isLabel(near)) lines.add(near.position!.start.line);
      }
      if ("children" in node && node.type !== "paragraph" && node.type !== "heading") visit(node as Parent);
    });
  };
  visit(doc.tree);
  return { furnitureLines: lines, footerFrom: footerStart(doc, lines) };
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
