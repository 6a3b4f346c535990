import GithubSlugger from "github-slugger";
import { toString } from "mdast-util-to-string";
import type { Heading, Html, Root, RootContent } from "mdast";
import { replaceTags } from "./tags.js";

export interface Section {
  /** The heading node; for a raw HTML heading (`<h2>…</h2>`) the html node. */
  heading: Heading | Html;
  depth: number;
  /** The heading as a reader sees it: numbering kept, attribute lists and anchors removed. */
  text: string;
  /** The heading without its numbering ("Your rights" for "8.2 Your rights"). */
  title: string;
  /** "3", "8.2", "D.8", "IV"; null when the heading is not numbered. */
  number: string | null;
  /** Ids a link can reach this section by: explicit ids (`{#id}`, `<a name>`, `id=`) and GitHub's slug. */
  anchors: string[];
  /** Blocks directly under the heading, before its first sub-section. */
  blocks: RootContent[];
  children: Section[];
  parent: Section | null;
  /** Offsets of the whole section, heading through its last sub-section. */
  start: number;
  end: number;
}

// Kramdown / Pandoc attribute lists, as many static-site renderers write explicit heading ids.
const ATTRIBUTE_LIST = /(?<!\s)\s*\{:?\s*(?!\s)([^}]*)\}\s*$/;

/**
 * The attribute list a heading ends with. The list holds no "}", so it starts after the "}" before the last one, and
 * the pattern is run on that tail alone: on the whole text every "{" would start a scan to the end, and a heading made
 * of "{" took seconds (quadratic); in the tail the first "{" matches.
 */
function trailingAttributeList(text: string): RegExpExecArray | null {
  const close = text.trimEnd().length - 1;
  if (text[close] !== "}") return null;
  const from = text.lastIndexOf("}", close - 1) + 1;
  const found = ATTRIBUTE_LIST.exec(text.slice(from));
  if (found) found.index += from;
  return found;
}
const HTML_ID = /\b(?:id|name)\s*=\s*["']([^"']+)["']/gi;
const HTML_HEADING = /^<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>\s*$/i;
// "1.", "8.2", "D.8", "12)", "IV.", "Section 3:", "§ 4" — the numbering a heading starts with.
// The punctuation must end the number, so "U.S. State Data Privacy" is not section "U".
const NUMBERING = new RegExp(
  String.raw`^(?:(?:section|article|clause|part|schedule|annex|appendix|§)\s*)?((?:\d+|[A-Z]|[IVXLC]+)(?:\.\d+)*)` +
    String.raw`(?:[.):](?=\s|$)|\s+[-–—]|(?=\s))\s*(?!\s)(.*)$`,
  "i",
);

export function parseHeadingNumber(text: string): { number: string | null; title: string } {
  const match = NUMBERING.exec(text);
  if (!match) return { number: null, title: text };
  const [, number, rest] = match;
  // A bare letter or roman numeral counts only when punctuated ("A." or "IV."), so "A Note on Cookies" stays a title.
  const punctuated = /^[^\s]+[.):]/.test(
    text.replace(/^(?:section|article|clause|part|schedule|annex|appendix|§)\s*/i, ""),
  );
  if (
    /^[A-Z]+$/i.test(number) &&
    !punctuated &&
    !/^(?:section|article|clause|part|schedule|annex|appendix|§)/i.test(text)
  ) {
    return { number: null, title: text };
  }
  if (!rest) return { number: null, title: text };
  return { number: number.replace(/\.$/, ""), title: rest.trim() };
}

interface HeadingInfo {
  depth: number;
  text: string;
  explicitIds: string[];
}

function readHeading(node: RootContent): HeadingInfo | null {
  if (node.type === "heading") {
    const explicitIds: string[] = [];
    for (const child of node.children) {
      if (child.type === "html") for (const m of child.value.matchAll(HTML_ID)) explicitIds.push(m[1]);
    }
    let text = toString(node, { includeHtml: false }).replace(/\s+/g, " ").trim();
    const attributes = trailingAttributeList(text);
    if (attributes && /(^|\s)[#.][\w-]/.test(attributes[1])) {
      const id = /#([\w:.-]+)/.exec(attributes[1]);
      if (id) explicitIds.push(id[1]);
      text = text.slice(0, attributes.index).trim();
    }
    return { depth: node.depth, text, explicitIds };
  }
  if (node.type === "html") {
    const match = HTML_HEADING.exec(node.value.trim());
    if (!match) return null;
    const explicitIds = [...match[0].matchAll(HTML_ID)].map((m) => m[1]);
    const text = replaceTags(match[2], "").replace(/\s+/g, " ").trim();
    return { depth: Number(match[1]), text, explicitIds };
  }
  return null;
}

export function buildSections(
  tree: Root,
  source: string,
): { preamble: RootContent[]; sections: Section[]; allSections: Section[] } {
  const slugger = new GithubSlugger();
  const preamble: RootContent[] = [];
  const sections: Section[] = [];
  const allSections: Section[] = [];
  const open: Section[] = [];

  // Ids of anchor-only blocks seen since the last content; a heading right after them takes them over.
  let pendingIds: string[] = [];
  let previous: RootContent | null = null;

  for (const node of tree.children) {
    if (node.type === "yaml") continue;
    const info = readHeading(node);
    if (!info) {
      const ids = hiddenAnchorIds(node);
      const last = open[open.length - 1];
      // `{: #id}` on the line under a heading is kramdown's way of naming that heading.
      if (ids && node.type === "paragraph" && last && previous === last.heading && isAttributeList(node))
        last.anchors.unshift(...ids);
      else pendingIds = ids ? [...pendingIds, ...ids] : [];
      // Content after a sub-section belongs to the deepest open section.
      (open.length ? open[open.length - 1].blocks : preamble).push(node);
      previous = node;
      continue;
    }
    info.explicitIds.unshift(...pendingIds);
    pendingIds = [];
    previous = node;
    const start = node.position?.start.offset ?? 0;
    while (open.length && open[open.length - 1].depth >= info.depth) open.pop()!.end = start;
    const parent = open[open.length - 1] ?? null;
    const { number, title } = parseHeadingNumber(info.text);
    const section: Section = {
      heading: node as Heading | Html,
      depth: info.depth,
      text: info.text,
      title,
      number,
      anchors: [...info.explicitIds, slugger.slug(info.text)],
      blocks: [],
      children: [],
      parent,
      start,
      end: source.length,
    };
    (parent ? parent.children : sections).push(section);
    allSections.push(section);
    open.push(section);
  }
  return { preamble, sections, allSections };
}

const ONLY_ATTRIBUTE_LIST = /^\{:?\s*#([\w:.-]+)(?![\w:.-])[^}]*\}$/;

function isAttributeList(node: RootContent): boolean {
  return node.type === "paragraph" && ONLY_ATTRIBUTE_LIST.test(toString(node).trim());
}

/**
 * The ids of a block that renders nothing a reader sees but anchors: `<a name="x"></a>` (an HTML block, or a
 * paragraph holding only inline HTML) or a lone attribute list `{: #x}`. Null for any other block.
 */
export function hiddenAnchorIds(node: RootContent): string[] | null {
  let markup: string;
  if (node.type === "html") markup = node.value;
  else if (node.type === "paragraph") {
    const attributes = ONLY_ATTRIBUTE_LIST.exec(toString(node).trim());
    if (attributes) return [attributes[1]];
    if (!node.children.every((c) => c.type === "html" || (c.type === "text" && !c.value.trim()))) return null;
    markup = node.children.map((c) => (c.type === "html" ? c.value : "")).join("");
  } else return null;
  if (/<!--/.test(markup) || replaceTags(markup, "").trim()) return null;
  const ids = [...markup.matchAll(HTML_ID)].map((m) => m[1]);
  return ids.length ? ids : null;
}

/** The section path from the top ("Sharing" › "Sub-processors"), as the diff and messages name a place. */
export function sectionPath(section: Section): string[] {
  const path: string[] = [];
  for (let s: Section | null = section; s; s = s.parent) path.unshift(s.text);
  return path;
}
