import path from "node:path";
import GithubSlugger from "github-slugger";
import type { Heading, Link, Node, Parent } from "mdast";
import { toString } from "mdast-util-to-string";
import { loadRuleData } from "../src/engine/data.js";
import type { Rule, RuleContext } from "../src/engine/types.js";
import type { PolicyDocument } from "../src/parse/document.js";
import { documentText, blockRange, alignOffsets } from "../src/parse/text.js";
import { numberedParts, referenceParts } from "./lib/numbered-parts.js";

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
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join("|");

// A part number as legal text writes it: "9", "4.2", "D.8", "B(5)", "3(b)", "IV", "8.2(a)(iii)". Top-level letters
// are capitals, so "section a" or "Section Based" never start one.
const PART = /(?:\d+[a-z]?|[A-Z]|[IVXLC]{2,6})(?:\.(?:\d+|[A-Za-z](?!\p{L}))|\((?:\d{1,3}|[a-z]|[ivxlc]{1,6})\))*(?![\p{L}\p{N}]|\.\d)/uy;
// Between the parts of "Sections 3, 4 and 7" or "Sections D.4 — D.7"; a dash or "to" makes a range.
const CONNECTOR = /\s*(?:,\s*(?:and|or)\s+|,\s*|\s(?:and|or|&)\s+|\s?(to|through|[-–—])\s?)\s*(?:§\s*)?/uy;
const LAW_BEFORE = new RegExp(`(?:^|[\\s(,])(?:${alternation(data.lawBefore)}),?\\s*$`, "u");
const LAW_AFTER = new RegExp(`^[\\s,]*(?:of\\s+(?:the\\s+)?)?(?:${alternation(data.lawAfter)})(?![\\p{L}])`, "u");
// "Section 5 of the FTC Act", "Section 3 of our Terms": another text's part. "of this Policy" stays ours.
const OTHER_TEXT = /^\s*,?\s*(?:of|in|under)\s+(?!this\b|these\b|the\s+present\b)(?:(?:the|our|its|their|your|applicable|such)\s+)?[\p{Lu}]/u;
// "clause 7 of the Uptime, Security and Privacy section" names one of our own sections.
const NAMED_PART = /^\s*,?\s*(?:of|in|under)\s+(?:the|our|this)\s+([^.;:!?]{1,80}?)\s+(?:section|part|heading)\b/iu;
const HTML_ID = /\b(?:id|name)\s*=\s*["']([^"']+)["']/gi;
const HTML_HREF = /\bhref\s*=\s*["']([^"']*#[^"']*)["']/gi;
const ATTRIBUTE_ID = /\{:?\s*#([\w:.-]+)[^}]*\}/g;

export const validCrossReferences: Rule<Options> = {
  meta: {
    id: "valid-cross-references",
    description: 'References to the document\'s own parts resolve: "Section 9", "§8.2", "clause 3(b)", "paragraph D.8", [links](#anchor)',
    defaultSeverity: "error",
    rationale:
      "A reference to a section that was renumbered or never written sends the reader to nothing, often for the very " +
      "rights or limits the sentence is about. Citations of laws (\"Cal. Civ. Code § 1798.100\", \"Art. 6(1)(f) GDPR\") are not checked.",
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
          "## 3. Rights\n\nSee Section 1, clause 2(a) and [Rights](#3-rights). We comply with Cal. Civ. Code § 1798.100, " +
          "Art. 6(1)(f) GDPR and Section 5 of the FTC Act.\n",
      },
    ],
    options: {
      checkNumbers: { type: "boolean", default: true, description: 'Check numbered references such as "Section 9" and "§8.2".' },
      checkLinks: { type: "boolean", default: true, description: "Check in-page links [text](#anchor) against heading slugs and explicit ids." },
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
  const titles = new Set(doc.allSections.flatMap((s) => [titleKey(s.text), titleKey(s.title)]));
  const headingWords = new Set(doc.allSections.map((s) => /^\p{L}+/u.exec(s.text)?.[0].toLowerCase()));
  const keywords = data.keywords.filter((k) => !k.onlyWhenHeadingsUseIt || headingWords.has(k.onlyWhenHeadingsUseIt));
  const byWord = new Map(keywords.map((k) => [k.word.toLowerCase(), k]));
  const keywordPattern = new RegExp(`(?<![\\p{L}\\p{N}§])(${alternation(keywords.map((k) => k.word))})(?![\\p{L}])`, "giu");

  for (const block of documentText(doc).blocks) {
    if (block.node.type === "heading") continue;
    const { text } = block;
    const external = externalLinkRanges(block.node);
    for (const m of text.matchAll(keywordPattern)) {
      const keyword = byWord.get(m[1].toLowerCase())!;
      const found = readReference(text, m.index! + m[0].length, /^\P{L}/u.test(keyword.word), usesLetters);
      if (!found) continue;
      const end = found.parts[found.parts.length - 1].end;
      const sourceAt = block.offsets[m.index!];
      if (external.some(([s, e]) => sourceAt >= s && sourceAt < e)) continue;
      if (isCitation(text.slice(0, m.index!), text.slice(end), titles)) continue;
      const whole = text.slice(m.index!, end);
      const targets = found.range ? [found.parts[0], found.parts[found.parts.length - 1]] : found.parts;
      if (found.range && runsBackwards(referenceParts(targets[0].text), referenceParts(targets[1].text))) {
        context.report({ message: `"${whole}" is a range that runs backwards`, ...blockRange(block, m.index!, end) });
        continue;
      }
      for (const part of targets) {
        const key = referenceParts(part.text);
        // No policy has a hundred sections: "section 1798.140" is the CCPA's even when the Act goes unnamed.
        if (/^\d+$/.test(key[0]) && key[0].length >= data.citationMinDigits) continue;
        if (known.has(key.join("."))) continue;
        const single = found.parts.length === 1;
        const quoted = single ? `"${whole}"` : `"${part.text}" in "${whole}"`;
        const at = single ? blockRange(block, m.index!, end) : blockRange(block, part.start, part.end);
        const article = /^[aeiou]/.test(keyword.noun) ? "an" : "a";
        context.report({ message: `${quoted} refers to ${article} ${keyword.noun} that does not exist`, ...at });
      }
    }
  }
}

interface ReferencePart {
  text: string;
  start: number;
  end: number;
}

function readReference(text: string, from: number, symbol: boolean, usesLetters: boolean): { parts: ReferencePart[]; range: boolean } | null {
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
  if (named) return !titles.has(titleKey(named[1]));
  return LAW_BEFORE.test(before) || LAW_AFTER.test(after) || OTHER_TEXT.test(after);
}

/** Titles compared as a reader would: "Uptime, Security and Privacy" is "Uptime, Security, and Privacy". */
function titleKey(title: string): string {
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
  const visit = (n: Node) => {
    if (n.type === "link" && !(n as Link).url.startsWith("#")) ranges.push([n.position!.start.offset!, n.position!.end.offset!]);
    if ("children" in n) for (const child of (n as Parent).children) visit(child);
  };
  visit(node);
  return ranges;
}

function checkLinks(context: RuleContext<Options>): void {
  const { doc } = context;
  const ids = documentIds(doc);
  const ownFile = path.basename(doc.filePath);
  const resolves = (fragment: string) => {
    const id = safeDecode(fragment).replace(/^user-content-/, "");
    return id === "" || id.toLowerCase() === "top" || ids.has(id) || ids.has(id.toLowerCase());
  };
  const inPage = (url: string) => {
    const hash = url.indexOf("#");
    if (hash < 0) return null;
    const target = url.slice(0, hash);
    return target === "" || (ownFile !== "" && target === ownFile) || target === `./${ownFile}` ? url.slice(hash + 1) : null;
  };
  for (const link of documentText(doc).links) {
    const fragment = inPage(link.url);
    if (fragment === null || resolves(fragment)) continue;
    context.report({ message: `Link "${link.url}" points to no heading or anchor in this document`, start: link.start, end: link.end });
  }
  for (const { node } of documentText(doc).html) {
    if (!node.position) continue;
    for (const m of node.value.matchAll(HTML_HREF)) {
      const fragment = inPage(m[1]);
      if (fragment === null || resolves(fragment)) continue;
      const map = alignOffsets(node.value, doc.source, node.position.start.offset!, node.position.end.offset!);
      const from = m.index! + m[0].indexOf(m[1]);
      context.report({ message: `Link "${m[1]}" points to no heading or anchor in this document`, start: map[from], end: map[from + m[1].length - 1] + 1 });
    }
  }
}

/** Every id a fragment can land on: section anchors, ids and names in raw HTML, attribute lists, nested headings' slugs. */
function documentIds(doc: PolicyDocument): Set<string> {
  const ids = new Set<string>();
  const add = (id: string) => {
    ids.add(id);
    ids.add(id.toLowerCase());
  };
  for (const section of doc.allSections) {
    section.anchors.forEach(add);
    // Jekyll's kramdown names "## 1. Who We Are" "who-we-are": sites built with it link that way.
    add(section.text.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, "").replace(/^[^\p{L}]+/u, "").replace(/ /g, "-"));
  }
  const { html, blocks } = documentText(doc);
  for (const { node } of html) for (const m of node.value.matchAll(HTML_ID)) add(m[1]);
  for (const block of blocks) for (const m of block.text.matchAll(ATTRIBUTE_ID)) add(m[1]);
  // Headings inside lists or quotes are no sections, but GitHub gives them ids all the same.
  const slugger = new GithubSlugger();
  const visit = (node: Node, depth: number) => {
    if (node.type === "heading" && depth > 1) add(slugger.slug(toString(node as Heading)));
    if ("children" in node) for (const child of (node as Parent).children) visit(child, depth + 1);
  };
  visit(doc.tree, 0);
  return ids;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

