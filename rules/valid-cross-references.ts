import path from "node:path";
import GithubSlugger from "github-slugger";
import type { Node, Nodes, Parent } from "mdast";
import { toString } from "mdast-util-to-string";
import { EXIT, eachNode } from "../src/parse/walk.js";
import { visitParents } from "unist-util-visit-parents";
import { loadRuleData } from "../src/engine/data.js";
import type { Rule, RuleContext } from "../src/engine/types.js";
import type { PolicyDocument, Section } from "../src/parse/document.js";
import { documentText, blockRange, alignOffsets } from "../src/parse/text.js";
import { numberedParts, referenceParts } from "./lib/numbered-parts.js";
import { escapePhrase, matchesOf } from "./lib/regexp.js";

interface Keyword {
  word: string;
  noun: string;
  onlyWhenHeadingsUseIt?: string;
}

interface CrossReferenceData {
  keywords: Keyword[];
  lawBefore: string[];
  lawAfter: string[];
  citationMinDigits: number;
}

interface Options {
  checkLinks: boolean;
  checkNumbers: boolean;
}

const data = loadRuleData<CrossReferenceData>("valid-cross-references");
const alternation = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapePhrase)
    .join("|");

// A part number as legal text writes it: "9", "4.2", "D.8", "B(5)", "3(b)", "IV", "8.2(a)(iii)". Top-level letters
// are capitals, so "section a" or "Section Based" never start one.
const PART = new RegExp(
  String.raw`(?:\d+[a-z]?|[A-Z]|[IVXLC]{2,6})(?:\.(?:\d+|[A-Za-z](?!\p{L}))|\((?:\d{1,3}|[a-z]|[ivxlc]{1,6})\))*` +
    String.raw`(?![\p{L}\p{N}]|\.\d)`,
  "uy",
);
// Between the parts of "Sections 3, 4 and 7" or "Sections D.4 — D.7"; a dash or "to" makes a range.
const CONNECTOR = /\s*(?:,\s*(?:and|or)\s+|,\s*|\s(?:and|or|&)\s+|\s?(to|through|[-–—])\s?)\s*(?:§\s*)?/uy;
const LAW_BEFORE = new RegExp(`(?:^|[\\s(,])(?:${alternation(data.lawBefore)}),?\\s*$`, "u");
const LAW_AFTER = new RegExp(`^[\\s,]*(?:of\\s+(?:the\\s+)?)?(?:${alternation(data.lawAfter)})(?![\\p{L}])`, "u");
// "Section 5 of the FTC Act", "Section 3 of our Terms": another text's part. "of this Policy" stays ours.
const OTHER_TEXT = new RegExp(
  String.raw`^\s*(?:,\s*)?(?:of|in|under)\s+(?!this\b|these\b|the\s+present\b)` +
    String.raw`(?:(?:the|our|its|their|your|applicable|such)\s+)?[\p{Lu}]`,
  "u",
);
// "clause 7 of the Uptime, Security and Privacy section" names one of our own sections.
const NAMED_PART =
  /^\s*(?:,\s*)?(?:of|in|under)\s+(?:the|our|this)\s+(?!\s)([^.;:!?]{1,80}?)\s+(?:section|part|heading)\b/iu;
const HTML_ID = /\b(?:id|name)\s*=\s*["']([^"']+)["']/gi;
const HTML_HREF = /\bhref\s*=\s*["']([^"'#]*#[^"']*)["']/gi;
const ATTRIBUTE_ID = /\{:?\s*#([\w:.-]+)(?![\w:.-])[^}]*\}/g;

export const validCrossReferences: Rule<Options> = {
  meta: {
    id: "valid-cross-references",
    description:
      'References to the document\'s own parts resolve: "Section 9", ' +
      '"§8.2", "clause 3(b)", "paragraph D.8", [links](#anchor)',
    defaultSeverity: "error",
    rationale:
      "A reference to a section that was renumbered or never written sends the reader to nothing, often for the " +
      'very rights or limits the sentence is about. Citations of laws ("Cal. Civ. Code § 1798.100", "Art. ' +
      '6(1)(f) GDPR") are not checked. Links are read as a reader of the page follows them, since pages ' +
      'converted from HTML lose their ids: "#limitations_on_liability" lands on "15. LIMITATIONS ON LIABILITY" ' +
      "(the fragment's words are a heading's or bold label's), \"[1.Introduction](#section0)\" on the heading " +
      'its text names. A numbered paragraph "9.1" makes section 9 exist; `Section 11 "Changes"` resolves by ' +
      "its quoted title when the number fits, and a wrong number with a right title is reported as such.",
    examples: [
      {
        title: "References that point nowhere",
        markdown:
          "# Terms\n\n## 1. Accounts\n\n## 2. Payment\n\n(a) Fees are billed monthly.\n\n" +
          "## 3. Rights\n\nAs described in §2.1 and clause 2(b), see [Your Rights](#your-rights).\n",
      },
      {
        title: "References that resolve, and citations of laws",
        markdown:
          "# Terms\n\n## 1. Accounts\n\n## 2. Payment\n\n(a) Fees are billed monthly.\n\n" +
          "## 3. Rights\n\nSee Section 1, clause 2(a) and [Rights](#3-rights). " +
          "We comply with Cal. Civ. Code § 1798.100, Art. 6(1)(f) GDPR and Section 5 of the FTC Act.\n",
      },
    ],
    options: {
      checkNumbers: {
        type: "boolean",
        default: true,
        description: 'Check numbered references such as "Section 9" and "§8.2".',
      },
      checkLinks: {
        type: "boolean",
        default: true,
        description: "Check in-page links [text](#anchor) against heading slugs and explicit ids.",
      },
    },
  },
  check(context) {
    if (context.options.checkNumbers) checkNumbers(context);
    if (context.options.checkLinks) checkLinks(context);
  },
};

function checkNumbers(context: RuleContext<Options>): void {
  const { doc } = context;
  const known = numberedParts(doc);
  const usesLetters = doc.allSections.some((s) => s.number !== null && /^[a-z]/i.test(s.number));
  const titles = new Set(doc.allSections.flatMap((s) => [titleLetters(s.text), titleLetters(s.title)]));
  const headingWords = new Set(doc.allSections.map((s) => /^\p{L}+/u.exec(s.text)?.[0].toLowerCase()));
  const keywords = data.keywords.filter((k) => !k.onlyWhenHeadingsUseIt || headingWords.has(k.onlyWhenHeadingsUseIt));
  const byWord = new Map(keywords.map((k) => [k.word.toLowerCase(), k]));
  const keywordPattern = new RegExp(
    `(?<![\\p{L}\\p{N}§])(${alternation(keywords.map((k) => k.word))})(?![\\p{L}])`,
    "giu",
  );

  for (const block of documentText(doc).blocks) {
    if (block.node.type === "heading") continue;
    const { text } = block;
    const external = externalLinkRanges(block.node);
    for (const m of matchesOf(keywordPattern, text)) {
      const keyword = byWord.get(m[1].toLowerCase())!;
      const found = readReference(text, m.end, /^\P{L}/u.test(keyword.word), usesLetters);
      if (!found) continue;
      const end = found.parts[found.parts.length - 1].end;
      const sourceAt = block.offsets[m.start];
      if (external.some(([s, e]) => sourceAt >= s && sourceAt < e)) continue;
      if (isCitation(text.slice(0, m.start), text.slice(end), titles)) continue;
      const whole = text.slice(m.start, end);
      const targets = found.range ? [found.parts[0], found.parts[found.parts.length - 1]] : found.parts;
      if (found.range && runsBackwards(referenceParts(targets[0].text), referenceParts(targets[1].text))) {
        context.report({ message: `"${whole}" is a range that runs backwards`, ...blockRange(block, m.start, end) });
        continue;
      }
      for (const part of targets) {
        const key = referenceParts(part.text);
        // No policy has a hundred sections: "section 1798.140" is the CCPA's even when the Act goes unnamed.
        if (/^\d+$/.test(key[0]) && key[0].length >= data.citationMinDigits) continue;
        if (known.has(key.join("."))) continue;
        const single = found.parts.length === 1;
        const quoted = single ? `"${whole}"` : `"${part.text}" in "${whole}"`;
        const at = single ? blockRange(block, m.start, end) : blockRange(block, part.start, part.end);
        const titled = single ? titledSection(doc, text.slice(end)) : null;
        if (titled) {
          if (titleMatchesNumber(titled, key)) continue;
          const where = titled.number
            ? `numbered ${titled.number}`
            : `the ${ordinal(titled.position)} heading of its level`;
          context.report({
            message: `${quoted}: the number does not match the section titled "${titled.section.title}" (${where})`,
            ...at,
          });
          continue;
        }
        const article = /^[aeiou]/.test(keyword.noun) ? "an" : "a";
        context.report({ message: `${quoted} refers to ${article} ${keyword.noun} that does not exist`, ...at });
      }
    }
  }
}

// `Section 11 "Changes to the Privacy Policy"`, `Section 2 ‘Your rights’`: a title quoted right after the number.
const QUOTED_TITLE = /^\s*(?:[,:]\s*)?(?:\(\s*)?["“‘'](?<title>[^"“”‘’\n]{3,120}?)[.,]?["”’']/u;

interface TitledSection {
  section: Section;
  number: string | null;
  /** 1-based position among the headings of its level under the same parent. */
  position: number;
}

function titledSection(doc: PolicyDocument, after: string): TitledSection | null {
  const title = QUOTED_TITLE.exec(after)?.groups?.title;
  if (!title) return null;
  const wanted = titleLetters(title);
  const section = doc.allSections.find((s) => titleLetters(s.title) === wanted || titleLetters(s.text) === wanted);
  if (!section) return null;
  const siblings = section.parent ? section.parent.children : doc.sections;
  return { section, number: section.number, position: siblings.indexOf(section) + 1 };
}

/**
 * A reference whose quoted title names one of our headings resolves by that title when its number fits: the
 * heading's own number, or, where headings print none, its position among the headings of its level. A page that
 * prints no numbers may show a few sub-topics at the level of its sections, so the stated number may run up to two
 * behind the position (Parler counts "Changes to the Privacy Policy", its 13th heading, as Section 11), never ahead.
 */
function titleMatchesNumber(titled: TitledSection, key: string[]): boolean {
  if (titled.number) return referenceParts(titled.number).join(".") === key.join(".");
  if (key.length !== 1 || !/^\d+$/.test(key[0])) return false;
  const stated = Number(key[0]);
  return stated <= titled.position && titled.position - stated <= 2;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

interface ReferencePart {
  text: string;
  start: number;
  end: number;
}

function readReference(
  text: string,
  from: number,
  symbol: boolean,
  usesLetters: boolean,
): { parts: ReferencePart[]; range: boolean } | null {
  const space = /\s*/y;
  space.lastIndex = from;
  const gap = space.exec(text)![0];
  if (!symbol && !gap) return null;
  const parts: ReferencePart[] = [];
  let range = false;
  let at = from + gap.length;
  for (;;) {
    PART.lastIndex = at;
    const part = PART.exec(text);
    // "In this section I explain…", "Section A user…": a pronoun or article, unless the document numbers by letter.
    if (!part || (/^[A-Z]$/.test(part[0]) && !usesLetters && /^\s+\p{Ll}/u.test(text.slice(at + 1)))) break;
    parts.push({ text: part[0], start: at, end: at + part[0].length });
    CONNECTOR.lastIndex = at + part[0].length;
    const connector = CONNECTOR.exec(text);
    if (!connector) break;
    PART.lastIndex = CONNECTOR.lastIndex;
    if (!PART.test(text)) break;
    if (connector[1]) range = true;
    at = CONNECTOR.lastIndex;
  }
  return parts.length ? { parts, range } : null;
}

function isCitation(before: string, after: string, titles: Set<string>): boolean {
  // "clause 7 of the Uptime, Security and Privacy section" is ours only if we have a section of that name.
  const named = NAMED_PART.exec(after);
  if (named) return !titles.has(titleLetters(named[1]));
  return LAW_BEFORE.test(before) || LAW_AFTER.test(after) || OTHER_TEXT.test(after);
}

/** Titles compared as a reader would: "Uptime, Security and Privacy" is "Uptime, Security, and Privacy". */
function titleLetters(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** "Sections D.4 — D.1": both ends exist, but the range holds nothing. */
function runsBackwards(first: string[], last: string[]): boolean {
  if (first.length !== last.length || first.slice(0, -1).join(".") !== last.slice(0, -1).join(".")) return false;
  const [a, b] = [first[first.length - 1], last[last.length - 1]];
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(b) < Number(a);
  return /^[a-z]$/.test(a) && /^[a-z]$/.test(b) && b < a;
}

/** Source ranges of links to other pages inside a block: a reference in their text cites that page, not this one. */
function externalLinkRanges(node: Node): [number, number][] {
  const ranges: [number, number][] = [];
  eachNode(node as Nodes, (link) => {
    if (link.type === "link" && !link.url.startsWith("#"))
      ranges.push([link.position!.start.offset!, link.position!.end.offset!]);
  });
  return ranges;
}

function checkLinks(context: RuleContext<Options>): void {
  const { doc } = context;
  const ids = documentIds(doc);
  const ownFile = path.basename(doc.filePath);
  const bareId = (fragment: string) => safeDecode(fragment).replace(/^user-content-/, "");
  const byId = (fragment: string) => {
    const id = bareId(fragment);
    return id === "" || id.toLowerCase() === "top" || ids.has(id) || ids.has(id.toLowerCase());
  };
  const inPage = (url: string) => {
    const hash = url.indexOf("#");
    if (hash < 0) return null;
    const target = url.slice(0, hash);
    return target === "" || (ownFile !== "" && target === ownFile) || target === `./${ownFile}`
      ? url.slice(hash + 1)
      : null;
  };
  // Pages converted from HTML lose their ids ("#section0", "#_kfosu7ttf89l", "#pp_sharing"); a reader of the page
  // still lands on the place the link names. A fragment resolves by its words ("#limitations_on_liability" →
  // "15. LIMITATIONS ON LIABILITY") or by the text of a link to it ("[1.Introduction](#section0)"); once one link
  // shows where a fragment lands, every link to it does ("[contact us](#_l8q1yc21jzme)").
  // The labels are read only when some fragment names no id: most documents never need them.
  let read: Labels | undefined;
  const labels = {
    hasWords: (w: string[]) => (read ??= documentLabels(doc)).hasWords(w),
    hasText: (t: string) => (read ??= documentLabels(doc)).hasText(t),
  };
  const links = documentText(doc).links.map((link) => ({ link, fragment: inPage(link.url) }));
  const recovered = new Set<string>();
  for (const { link, fragment } of links) {
    if (fragment === null || byId(fragment)) continue;
    const text = link.node.type === "link" ? toString(link.node) : "";
    if (labels.hasWords(fragmentWords(bareId(fragment))) || labels.hasText(text))
      recovered.add(bareId(fragment).toLowerCase());
  }
  const resolves = (fragment: string) =>
    byId(fragment) || recovered.has(bareId(fragment).toLowerCase()) || labels.hasWords(fragmentWords(bareId(fragment)));
  for (const { link, fragment } of links) {
    if (fragment === null || resolves(fragment)) continue;
    context.report({
      message: `Link "${link.url}" points to no heading or anchor in this document`,
      start: link.start,
      end: link.end,
    });
  }
  for (const { node } of documentText(doc).html) {
    if (!node.position) continue;
    for (const m of matchesOf(HTML_HREF, node.value)) {
      const fragment = inPage(m[1]);
      if (fragment === null || resolves(fragment)) continue;
      const map = alignOffsets(node.value, doc.source, node.position.start.offset!, node.position.end.offset!);
      const from = m.start + m[0].indexOf(m[1]);
      context.report({
        message: `Link "${m[1]}" points to no heading or anchor in this document`,
        start: map[from],
        end: map[from + m[1].length - 1] + 1,
      });
    }
  }
}

interface Labels {
  /** Every word of the fragment is a word of one heading or label. */
  hasWords(words: string[]): boolean;
  /** The text names a heading or label (case, punctuation, spacing and leading numbering aside). */
  hasText(text: string): boolean;
}

/** "u.s.-state-specific-notice" → ["u", "s", "state", "specific", "notice"]; "section2bi" → ["section", "2", "bi"]. */
function fragmentWords(fragment: string): string[] {
  return fragment
    .replace(/(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu, "$1$2 ")
    .split(/[\s\-_.]+/)
    .filter(Boolean)
    .map(stem);
}

function labelWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(stem);
}

/** "collected" and "collect", "rights" and "right": a fragment names a heading in its own inflection. */
function stem(word: string): string {
  const w = word.toLowerCase();
  const cut = /(?:ing|ed|es|s)$/.exec(w);
  return cut && w.length - cut[0].length >= 4 ? w.slice(0, cut.index) : w;
}

/** "3.b.ii.Location information", "Section 2 ‘Your rights’", "15\\. LIMITATIONS" → the words a reader compares. */
export function labelKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const LEADING_NUMBERING = new RegExp(
  String.raw`^\s*(?:(?:section|article|clause|part|schedule)\s+\d+(?:\.\d+)*\s*[.:]?\s*)?` +
    String.raw`(?:(?:\d{1,3}|[a-z]|[ivx]{1,5}|[\u2160-\u217f])[.)]\s*)*`,
  "i",
);

function labelKeys(text: string): string[] {
  const keys = [labelKey(text), labelKey(text.replace(LEADING_NUMBERING, ""))].filter((k) => /\p{L}/u.test(k));
  return [...new Set(keys)];
}

const labelCache = new WeakMap<PolicyDocument, Labels>();

function hasLink(node: Node): boolean {
  let found = false;
  eachNode(node as Nodes, (n) => {
    if (n.type !== "link" && n.type !== "linkReference") return;
    found = true;
    return EXIT;
  });
  return found;
}

/** "◎ The ecosystem", "Children’s Privacy": one short line without closing punctuation. */
function isTitleLine(text: string): boolean {
  return (
    text.length > 0 && text.length <= 80 && !/\n/.test(text) && text.split(/\s+/).length <= 10 && !/[.,;:]$/.test(text)
  );
}

/**
 * What a reader sees as the name of a place in the page: headings (in lists and quotes too), lines written as
 * headings ("◎ The ecosystem", "_Interoperability with Weixin_"), bold or italic labels that open a paragraph, a list
 * item, a table cell or a line inside one ("**Deletion**", "<br>**Your general (non-precise) location**"), and the
 * first cell of each table row.
 */
function documentLabels(doc: PolicyDocument): Labels {
  const cached = labelCache.get(doc);
  if (cached) return cached;
  const texts: string[] = doc.allSections.map((s) => s.text);
  eachNode(doc.tree, (node) => {
    if (node.type === "heading") texts.push(toString(node));
    if (node.type === "tableRow") {
      const first = (node as Parent).children[0];
      if (first && !hasLink(first)) texts.push(toString(first));
    }
    if (node.type === "paragraph" || node.type === "tableCell") {
      const children = (node as Parent).children;
      const text = toString(node).trim();
      // A line standing as a heading; never a line of links, whose text is what is being checked.
      if (node.type === "paragraph" && !hasLink(node) && isTitleLine(text)) texts.push(text);
      children.forEach((child, i) => {
        if (child.type !== "strong" && child.type !== "emphasis") return;
        const before = children.slice(0, i).filter((c) => !(c.type === "text" && !c.value.trim()));
        const last = before[before.length - 1];
        const opensLine =
          !last ||
          last.type === "break" ||
          (last.type === "html" && /<br\s*\/?>\s*$/i.test(last.value)) ||
          (last.type === "text" && /\n[^\S\n]*$/.test(last.value));
        if (opensLine) texts.push(toString(child).replace(/(?<![\s.:;,])[\s.:;,]+$/, ""));
      });
    }
  });
  const keys = new Set(texts.flatMap(labelKeys));
  const wordSets = texts.map((t) => new Set(labelWords(t)));
  const labels: Labels = {
    hasWords: (words) => words.some((w) => /\p{L}/u.test(w)) && wordSets.some((set) => words.every((w) => set.has(w))),
    hasText: (text) => labelKeys(text).some((k) => keys.has(k)),
  };
  labelCache.set(doc, labels);
  return labels;
}

/**
 * Every id a fragment can land on: section anchors, ids and names in raw HTML, attribute lists, nested headings' slugs.
 */
function documentIds(doc: PolicyDocument): Set<string> {
  const ids = new Set<string>();
  const add = (id: string) => {
    ids.add(id);
    ids.add(id.toLowerCase());
  };
  for (const section of doc.allSections) {
    section.anchors.forEach(add);
    // Jekyll's kramdown names "## 1. Who We Are" "who-we-are": sites built with it link that way.
    add(
      section.text
        .toLowerCase()
        .replace(/[^\p{L}\p{N} -]/gu, "")
        .replace(/^[^\p{L}]+/u, "")
        .replace(/ /g, "-"),
    );
  }
  const { html, blocks } = documentText(doc);
  for (const { node } of html) for (const m of node.value.matchAll(HTML_ID)) add(m[1]);
  for (const block of blocks) for (const m of block.text.matchAll(ATTRIBUTE_ID)) add(m[1]);
  // Headings inside lists or quotes are no sections, but GitHub gives them ids all the same.
  const slugger = new GithubSlugger();
  visitParents(doc.tree, "heading", (heading, ancestors) => {
    if (ancestors.length > 1) add(slugger.slug(toString(heading)));
  });
  return ids;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
