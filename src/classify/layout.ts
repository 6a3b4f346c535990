import type { Nodes, Paragraph, Parent, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { SKIP, eachNode } from "../parse/walk.js";
import type { Change } from "../diff/types.js";
import type { PolicyDocument } from "../parse/document.js";
import { documentText } from "../parse/text.js";
import { sentenceSpans } from "./sentences.js";
import { oncePer, rememberedByText } from "../text/memo.js";
import { isPlain } from "../text/plain.js";

/**
 * What the classifier can only know from the whole documents, not from one change: whether a change's sentences
 * still stand somewhere in the other version (a restructure: a heading dropped, a section re-nested, a list turned
 * into paragraphs), and whether a block is page furniture (navigation, a logo, a site footer) that a capture of a web
 * page carries but the policy does not say.
 */
export interface Layout {
  /**
   * How often each sentence (normalised) occurs in the document after the sentence before it, and before the next:
   * sentence → neighbour → count ("" for none). Nested, so no key joining two sentences is built and hashed.
   */
  after: Neighbours;
  before: Neighbours;
  /** How often each sentence occurs, whatever stands around it (for headings and labels, which move with structure). */
  sentences: Map<string, number>;
  /** The block that starts on a line: its first and last sentences and their neighbours outside it. */
  unitAt: Map<number, Unit>;
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

type Neighbours = Map<string, Map<string, number>>;

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
    // The whole text is read only for a few changes (an address written out, a re-nested section), and the sentences
    // and their neighbours only for a block that came, went or was relabelled: each made when first asked for.
    let written: string | undefined;
    let lower: string | undefined;
    let units: ReturnType<typeof documentUnits> | undefined;
    const unitsNow = () => (units ??= documentUnits(doc));
    layout = {
      get after() {
        return unitsNow().after;
      },
      get before() {
        return unitsNow().before;
      },
      get sentences() {
        return unitsNow().sentences;
      },
      get unitAt() {
        return unitsNow().unitAt;
      },
      get written() {
        return (written ??= documentText(doc)
          .blocks.map((b) => b.text)
          .join("\n"));
      },
      get text() {
        return (lower ??= this.written.toLowerCase());
      },
      ...furniture(doc, phrases),
      dutyLines: dutyLines(doc),
    };
    cache.set(doc, layout);
  }
  return layout;
}

/**
 * A block (a paragraph, heading, list item's paragraph) as a key that survives re-extraction: lower case, letters,
 * digits and the signs that carry meaning (% $ € £), and no leading enumerator ("1.", "2.a.", "(ii)", "A."), since
 * renumbering and list markers are not wording.
 */
function blockKey(text: string): string {
  return text
    .replace(
      /^\s*(?:\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})\)|(?:\d{1,3}|[a-z]|[ivx]{1,4})(?:\.(?:\d{1,3}|[a-z]))*[.)])\s*/i,
      "",
    )
    .toLowerCase()
    .replace(isPlain(text) ? ASCII_NOT_KEPT : NOT_KEPT, " ")
    .trim();
}

const NOT_KEPT = /[^\p{L}\p{N}%$€£]+/gu;
/** The same for a plain text (text/plain.ts), read faster without the `u` flag. */
const ASCII_NOT_KEPT = /[^A-Za-z0-9%$€£]+/g;

interface Unit {
  /** The first and last sentence of the block starting on a line, and the sentences just outside it. */
  first: string;
  prev: string;
  last: string;
  next: string;
}

interface Entry {
  key: string;
  /** The sentence as written. */
  text: string;
  /** A short line without a closing stop: a heading or label, not a statement. */
  title: boolean;
  prev?: string;
  next?: string;
}

/** Words from which a sentence found as often in each version is the same statement wherever it stands. */
const LONG = 12;

/**
 * The sentences of a block, as keys and as written; a leading enumerator only counts at the block's start. Remembered
 * by block: a history lays out every version, and consecutive versions share most blocks.
 */
const sentencesIn: (block: string) => readonly Sentence[] = rememberedByText(splitSentences);

interface Sentence {
  key: string;
  text: string;
}

function splitSentences(block: string): Sentence[] {
  const flat = block.replace(/\s+/g, " ").trim();
  return sentenceSpans(flat)
    .map((span) => flat.slice(span.start, span.end).trim())
    .map((text) => ({ key: blockKey(text), text }))
    .filter((e) => e.key);
}

/**
 * Every sentence a reader sees, in order, each with the one before and after it (headings included, so a sentence
 * knows the heading it follows). Indented code counts too: a capture that shifts a list marker by one space turns a
 * list item's paragraphs into an indented code block and back. A table row is one block, its cells in order.
 */
function documentUnits(doc: PolicyDocument): Pick<Layout, "after" | "before" | "sentences" | "unitAt"> {
  const found: { line: number; sentences: readonly { key: string }[] }[] = [];
  for (const block of documentText(doc).blocks) {
    if (block.node.type === "tableCell") continue;
    found.push({ line: block.node.position!.start.line, sentences: sentencesIn(block.text) });
  }
  eachNode(doc.tree, (node) => {
    if (node.type === "tableRow") {
      found.push({
        line: node.position!.start.line,
        sentences: sentencesIn(node.children.map((cell) => toString(cell)).join(" ")),
      });
      return SKIP;
    }
    if (node.type === "code") {
      node.value
        .split(/\n\s*\n/)
        .forEach((part, i) => found.push({ line: node.position!.start.line + i / 1000, sentences: sentencesIn(part) }));
    }
  });
  found.sort((x, y) => x.line - y.line);
  const flat: string[] = [];
  const spans: { line: number; from: number; to: number }[] = [];
  for (const f of found) {
    if (!f.sentences.length) continue;
    spans.push({ line: f.line, from: flat.length, to: flat.length + f.sentences.length });
    for (const x of f.sentences) flat.push(x.key);
  }
  const after: Neighbours = new Map();
  const before: Neighbours = new Map();
  const sentences = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const bumpPair = (map: Neighbours, key: string, neighbour: string) => {
    let counts = map.get(key);
    if (!counts) map.set(key, (counts = new Map()));
    bump(counts, neighbour);
  };
  flat.forEach((key, i) => {
    bumpPair(after, key, flat[i - 1] ?? "");
    bumpPair(before, key, flat[i + 1] ?? "");
    bump(sentences, key);
  });
  const unitAt = new Map<number, Unit>();
  for (const { line, from, to } of spans) {
    if (Number.isInteger(line) && !unitAt.has(line))
      unitAt.set(line, { first: flat[from], prev: flat[from - 1] ?? "", last: flat[to - 1], next: flat[to] ?? "" });
  }
  return { after, before, sentences, unitAt };
}

/** The sentences of a change's text, block by block (a table's rows each a block), each with its neighbours. */
function entriesOf(text: string): Entry[] {
  const blocks = text.split(/\n\s*\n/).flatMap((block) => (block.includes(" | ") ? block.split("\n") : [block]));
  const entries = blocks.flatMap((block) =>
    sentencesIn(block).map((e) => ({
      ...e,
      title: !/[.!?:;]["'”’)\]]*$/.test(e.text) && e.text.split(" ").length <= 10,
    })),
  );
  return entries.map((e, i) => ({ ...e, prev: entries[i - 1]?.key, next: entries[i + 1]?.key }));
}

/**
 * Whether the sentences this change takes away still stand in the new version, and the blocks it brings already stood
 * in the old one, each beside the same neighbour (the block before it or the one after): the text was re-nested or
 * its heading dropped, not rewritten. A block that stands elsewhere beside other blocks has moved into another
 * context ("We keep this for 30 days" under another heading) and counts as changed. A modified block counts only
 * when what it gained or lost is a heading or label that stands elsewhere too ("Marketing" folded into its item).
 */
export function restructured(change: Change, layouts: Layouts): boolean {
  if (change.kind === "modified") return relabelled(change, layouts);
  const net = netSentences(change, layouts);
  if (!net) return false;
  const { lost, all } = net;
  if (!lost.length) return true;
  // A section or clause whose statements all stand elsewhere, less a subtitle or two that went with its heading
  // ("What to expect on how we treat your data"), was re-nested, not rewritten.
  const whole = change.target === "section" || change.target === "clause";
  const statements = all.filter((e) => !e.title).length;
  return whole && statements >= 1 && lost.length <= 2 && lost.every((e) => e.title);
}

/**
 * The blocks of an added or removed change that do not stand in the other version beside the same neighbours: what
 * the change really takes away or brings, once text that was only re-nested is set aside. Null for changes this
 * does not apply to.
 */
export function netSentences(change: Change, layouts: Layouts): NetSentences | null {
  // Asked twice for one change (is it a restructure? then, which sentences are news?): worked out once.
  let memo = netMemo.get(layouts);
  if (!memo) netMemo.set(layouts, (memo = new WeakMap()));
  if (!memo.has(change)) memo.set(change, computeNet(change, layouts));
  return memo.get(change)!;
}

type NetSentences = { lost: Entry[]; all: Entry[] };
const netMemo = new WeakMap<Layouts, WeakMap<Change, NetSentences | null>>();

function computeNet(change: Change, layouts: Layouts): NetSentences | null {
  if (change.kind !== "added" && change.kind !== "removed") return null;
  if (
    change.target.startsWith("table") ||
    change.target === "link" ||
    change.target === "date" ||
    change.target === "frontmatter"
  )
    return null;
  const removed = change.kind === "removed";
  const side = (removed ? change.old : change.new)!;
  const [own, other] = removed ? [layouts.old, layouts.new] : [layouts.new, layouts.old];
  const titled = change.target === "section" || change.target === "clause";
  const entries = entriesOf(
    titled
      ? `${side.text}\n\n${side.content ?? ""}`
      : side.content === undefined
        ? side.text
        : `${side.text}\n\n${side.content}`,
  );
  if (!entries.length) return null;
  // The change's first and last blocks have their neighbours in the document.
  const around = side.line === null ? undefined : own.unitAt.get(side.line);
  if (around && around.first === entries[0].key) entries[0].prev = around.prev;
  const last = entries[entries.length - 1];
  if (around && !titled && around.last === last.key) last.next = around.next;
  const count = (map: Map<string, number>, key: string) => map.get(key) ?? 0;
  const pair = (map: Neighbours, key: string, neighbour: string) => map.get(key)?.get(neighbour) ?? 0;
  // A long sentence found as often in the other version is the same statement wherever it went: re-extraction that
  // renames or re-nests the headings around it (list items turned into clauses) leaves no neighbour as it was. A
  // short one ("We keep this for 30 days.", "This right is available only to residents of California.") means
  // something only beside its neighbours.
  const unique = (e: Entry) =>
    e.key.split(" ").length >= LONG && count(other.sentences, e.key) >= count(own.sentences, e.key);
  const kept = (e: Entry) =>
    unique(e) ||
    (e.prev !== undefined && pair(other.after, e.key, e.prev) >= Math.max(1, pair(own.after, e.key, e.prev))) ||
    (e.next !== undefined && pair(other.before, e.key, e.next) >= Math.max(1, pair(own.before, e.key, e.next)));
  // The section's own title is structure: a heading dropped over text that stays is a restructure.
  const body = titled ? entries.slice(1) : entries;
  if (!body.length) return null;
  return { lost: body.filter((e) => !kept(e)), all: body };
}

/** A modified block whose only gain or loss is a short heading or label that stands elsewhere in the other version. */
function relabelled(change: Change, layouts: Layouts): boolean {
  if (
    !change.old ||
    !change.new ||
    change.target.startsWith("table") ||
    ["link", "date", "frontmatter"].includes(change.target)
  )
    return false;
  const before = entriesOf(change.old.text);
  const after = entriesOf(change.new.text);
  const gone = without(before, after);
  const came = without(after, before);
  if (!gone.length && !came.length) return false;
  const stands = (e: Entry, own: Layout, other: Layout) =>
    e.title && (other.sentences.get(e.key) ?? 0) >= (own.sentences.get(e.key) ?? 0);
  return (
    gone.every((e) => stands(e, layouts.old, layouts.new)) && came.every((e) => stands(e, layouts.new, layouts.old))
  );
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

/** A block's text as mdast-util-to-string gives it, once per node: furniture and duties both read every paragraph. */
const textOf = oncePer((node: Nodes): string => toString(node));

const longestOf = (phrases: ReadonlySet<string>): number => {
  let longest = longestPhrase.get(phrases);
  if (longest === undefined) {
    longest = Math.max(0, ...[...phrases].map((p) => p.length));
    longestPhrase.set(phrases, longest);
  }
  return longest;
};
const longestPhrase = new WeakMap<ReadonlySet<string>, number>();

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
    if (
      child.type === "link" ||
      child.type === "image" ||
      child.type === "linkReference" ||
      child.type === "imageReference"
    )
      links++;
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
const PROHIBITION = new RegExp(
  String.raw`\b(?:(?:are|is) (?:strictly )?prohibited|(?:you|users?) (?:may|must|shall|will) not|agree not to` +
    String.raw`|(?:shall|must) not engage|not (?:permitted|allowed) to)\b[^:]*:\s*$`,
  "i",
);
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
      const text = node.type === "paragraph" ? textOf(node) : "";
      if (node.type === "heading") open = false;
      else if (open && node.type === "list") for (const item of node.children) lines.add(item.position!.start.line);
      else if (open && node.type === "paragraph" && ITEM.test(text)) lines.add(node.position!.start.line);
      else if (node.type === "paragraph") open = text.trimEnd().endsWith(":") && PROHIBITION.test(text);
      if (node.type === "list" || node.type === "listItem" || node.type === "blockquote") walk(node as Parent);
    }
  };
  walk(doc.tree);
  return lines;
}

/** Copyright lines close a site's footer, not a policy. */
const COPYRIGHT = /^(?:©|\(c\)|copyright\b).*|all rights reserved\.?$/i;

/**
 * Page furniture, by line. A paragraph of links alone is a menu only where a page keeps its menus: above the first
 * heading (tab strips, breadcrumbs), in the site footer, or when every link is to a place on the page (a table of
 * contents). Elsewhere a paragraph of links is how policies list their partners, sub-processors and opt-out links,
 * and it is read as words.
 */
function furniture(
  doc: PolicyDocument,
  phrases: ReadonlySet<string>,
): { furnitureLines: Set<number>; footerFrom: number } {
  const lines = new Set<number>();
  const menus = new Set<number>();
  // The page's top: everything before its first sentence of prose (a paragraph of eight words or more that ends
  // like a sentence), where tab strips and breadcrumbs stand, around the title.
  const prose = doc.tree.children.find(
    (b) => b.type === "paragraph" && /[.!?:]["'”’)]*$/.test(textOf(b).trim()) && textOf(b).split(/\s+/).length >= 8,
  );
  const firstHeading = prose?.position!.start.line ?? Number.MAX_SAFE_INTEGER;
  // Lower-casing never shortens a text, so a paragraph longer than every phrase and a stop is none of them.
  const longest = longestOf(phrases) + 1;
  const interfaceLine = (node: Nodes) => {
    if (node.type !== "paragraph") return false;
    const text = textOf(node).trim();
    return text.length <= longest && phrases.has(text.toLowerCase().replace(/[.:]$/, ""));
  };
  // Blocks at any depth (in lists, quotes, tables), each with its neighbours; not the inline content of a paragraph.
  eachNode(doc.tree, (node, i, parent) => {
    if (!parent || i === undefined) return;
    const kids = parent.children as Nodes[];
    const line = node.position!.start.line;
    if (node.type === "paragraph" && isNavigation(node)) {
      menus.add(line);
      for (const near of [kids[i - 1], kids[i + 1]]) if (near && isLabel(near)) menus.add(near.position!.start.line);
      if (line < firstHeading || inPageOnly(node)) {
        lines.add(line);
        for (const near of [kids[i - 1], kids[i + 1]]) if (near && isLabel(near)) lines.add(near.position!.start.line);
      }
    } else if (interfaceLine(node)) lines.add(line);
    if (node.type === "paragraph" || node.type === "heading") return SKIP;
  });
  furnishedSections(doc, lines);
  return { furnitureLines: lines, footerFrom: footerStart(doc, menus) };
}

/** Every link of the paragraph goes to a place on this page ("#section-3"): a table of contents' entry. */
function inPageOnly(node: Paragraph): boolean {
  const links: string[] = [];
  eachNode(node, (link) => {
    if (link.type === "link") links.push(link.url);
  });
  return links.length > 0 && links.every((url) => url.startsWith("#"));
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
    // A pop-up's close button: a link with no text to a script anchor on the page ("#elementor-action…"); icon rows
    // (links to other sites) are not.
    const closer = body.some(
      (b) =>
        b.type === "paragraph" &&
        b.children.length > 0 &&
        b.children.every((c) => c.type === "link" && !toString(c).trim() && c.url.startsWith("#")),
    );
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
function footerStart(doc: PolicyDocument, navLines: ReadonlySet<number>): number {
  const blocks = doc.tree.children;
  const none = Number.MAX_SAFE_INTEGER;
  const last = blocks.length - 1;
  const closing = blocks
    .slice(Math.max(0, last - 3))
    .some((b) => b.type === "paragraph" && COPYRIGHT.test(toString(b).trim()));
  if (!closing) return none;
  const from = Math.floor(blocks.length * 0.4);
  for (let i = from; i <= last; i++) {
    if (!navLines.has(blocks[i].position!.start.line)) continue;
    const tail = blocks.slice(i);
    const menus = tail.filter((b) => navLines.has(b.position!.start.line)).length;
    if (menus >= 4 && menus * 2 >= tail.length) return blocks[i].position!.start.line;
  }
  return none;
}
