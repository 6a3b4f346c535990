import type { Paragraph, Parent, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { loadRuleData } from "../src/engine/data.js";
import type { Rule, RuleContext } from "../src/engine/types.js";
import type { PolicyDocument, Section } from "../src/parse/document.js";
import { hiddenAnchorIds } from "../src/parse/sections.js";
import { documentText, blockRange, OPAQUE, type BlockText } from "../src/parse/text.js";
import { lastSentence } from "../src/text/sentences.js";
import { isReviewTag } from "./lib/blanks.js";
import { escapePhrase } from "./lib/regexp.js";

interface EmptySectionsData {
  verbLeadIns: string[];
  nounLeadIns: string[];
}

interface Options {
  checkLeadIns: boolean;
  verbLeadIns: string[];
  nounLeadIns: string[];
}

const data = loadRuleData<EmptySectionsData>("no-empty-sections");
const QUOTE_LENGTH = 72;
// Blocks in a listing that a lead-in's items may look like: "(a) …", "1) …", "• …", "— …".
const ENUMERATED = /^\s*(?:\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]\s|[•●▪◦·\-–—*]\s)/i;

export const noEmptySections: Rule<Options> = {
  meta: {
    id: "no-empty-sections",
    description: "Headings with nothing under them, and sentences ending in a colon whose list or table never comes",
    defaultSeverity: "error",
    rationale:
      'An empty heading or a dangling "We use your information to:" is a disclosure that was promised and left out: ' +
      "readers, and regulators, read it as the policy saying nothing about that subject.",
    examples: [
      {
        title: "An empty heading and lists that never came",
        markdown:
          "# Privacy Policy\n\n## 1. Information We Collect\n\n" +
          "## 2. How We Use Information\n\nWe use collected information to:\n\n" +
          "[LAWYER] Confirm legal bases.\n\n## 3. Your Rights\n\nYou may:\n\nTo exercise these rights, email us.\n",
      },
      {
        title: "Look-alikes that stay silent",
        markdown:
          "# Privacy Policy\n\n## Sharing\n\n### Service Providers\n\nThey process data on our behalf:\n\n" +
          "| Provider | Purpose |\n|---|---|\n| Stripe | Payments |\n\n" +
          "## Contact\n\nOur address is:\n\nExample Inc.\\\n1 Main Street\n",
      },
    ],
    options: {
      checkLeadIns: {
        type: "boolean",
        default: true,
        description: "Also report sentences ending in a colon whose list is missing.",
      },
      verbLeadIns: {
        type: "string[]",
        default: data.verbLeadIns,
        description:
          'Last words of a lead-in that only list items can finish ("to:", "may:"); ' +
          "a sub-heading or a new sentence after it means the list is missing.",
      },
      nounLeadIns: {
        type: "string[]",
        default: data.nounLeadIns,
        description:
          'Last words of a lead-in that list items or sub-sections can finish ("for:", ' +
          '"including:"); a new sentence after it means the list is missing.',
      },
    },
  },
  check(context) {
    const { doc } = context;
    for (const section of doc.allSections) {
      if (section.children.length || section.blocks.some(isContent) || isTitle(doc, section)) continue;
      const next = doc.allSections[doc.allSections.indexOf(section) + 1];
      const message = next
        ? `Heading "${section.text}" has no content before the next heading "${next.text}"`
        : `Heading "${section.text}" has no content: it ends the document`;
      reportHeading(context, section, message);
    }
    if (context.options.checkLeadIns) checkLeadIns(context);
  },
};

/** An unnumbered first heading with nothing before it names the document: the sections after it are its content. */
function isTitle(doc: PolicyDocument, section: Section): boolean {
  return section === doc.allSections[0] && !section.number && !doc.preamble.some(isContent);
}

/** What a reader of the rendered page sees as content; anchors, comments and notes for the authors are not. */
function isContent(node: RootContent): boolean {
  if (node.type === "html") return !/^\s*(?:<!--[^]*?-->\s*)*$/.test(node.value) && !hiddenAnchorIds(node);
  if (node.type === "definition" || node.type === "thematicBreak" || node.type === "yaml") return false;
  // GitHub moves footnotes to the end of the page, so they fill no section.
  if (node.type === "footnoteDefinition") return false;
  if (node.type === "paragraph") return !hiddenAnchorIds(node) && !isReviewerNote(node);
  return true;
}

function isReviewerNote(node: Paragraph): boolean {
  const first = node.children[0];
  if (first?.type !== "text") return false;
  const tag = /^\s*\[([^\]\n]{1,200})\]/.exec(first.value);
  return tag !== null && isReviewTag(tag[1]);
}

/** At the heading's text, without its `#` markers or a Setext underline. */
function reportHeading(context: RuleContext<Options>, { heading }: Section, message: string): void {
  if (heading.type === "html" || !heading.children.length) context.reportNode(heading, message);
  else context.reportNode(heading.children[0], message, heading.children[heading.children.length - 1]);
}

type Follower =
  | { kind: "content" }
  | { kind: "paragraph"; node: Paragraph; rest: RootContent[] }
  | { kind: "heading"; depth: number; text: string }
  | { kind: "end" };

function checkLeadIns(context: RuleContext<Options>): void {
  const { doc, options } = context;
  const verbWords = leadInMatcher(options.verbLeadIns);
  const nounWords = leadInMatcher(options.nounLeadIns);
  const headings = new Map<RootContent, Section>(doc.allSections.map((s) => [s.heading, s]));
  for (const block of documentText(doc).blocks) {
    if (block.node.type !== "paragraph") continue;
    const text = block.text.replace(new RegExp(`(?<![\\s${OPAQUE}])[\\s${OPAQUE}]+$`), "");
    if (!/[:：]$/.test(text)) continue;
    const sentence = lastSentence(text, "capital");
    const needs = verbWords.test(sentence) ? "items" : nounWords.test(sentence) ? "items-or-sections" : "anything";
    const follower = followerOf(block, headings);
    const depth = containingDepth(doc, block.node.position!.start.offset!);
    const missing = describeMissing(follower, needs, depth, doc.source);
    if (!missing) continue;
    const from = text.length - sentence.length;
    const promise = needs === "anything" ? "introduces something that never comes" : "promises a list that never comes";
    context.report({
      message: `"${quoteEnd(sentence)}" ${promise}: ${missing}`,
      ...blockRange(block, from, text.length),
    });
  }
}

function leadInMatcher(words: string[]): RegExp {
  const escaped = words.map(escapePhrase);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|") || "(?!)"})\\s*[:：]$`, "iu");
}

/** The reason the list is missing, or null when what follows supplies it. */
function describeMissing(
  follower: Follower,
  needs: "items" | "items-or-sections" | "anything",
  depth: number,
  source: string,
): string | null {
  switch (follower.kind) {
    case "content":
      return null;
    case "end":
      return "the document ends";
    case "heading": {
      const subSection = follower.depth > depth;
      if (subSection && needs !== "items") return null;
      return `the ${subSection ? "sub-heading" : "next heading"} "${follower.text}" follows`;
    }
    case "paragraph": {
      if (
        needs === "anything" ||
        looksLikeItems(follower.node, source) ||
        startsLineRun(follower.node, follower.rest, source)
      )
        return null;
      const opening = /^\S+(?:\s+\S+){0,3}/.exec(toString(follower.node).trim())?.[0] ?? "";
      return `a new sentence follows ("${opening}…")`;
    }
  }
}

/**
 * A paragraph that reads as the promised items rather than a new sentence: a continuation in lower case, "(a) …",
 * a run-in label, lines that each start anew (an address, "Email: …"), or a fragment with no full stop.
 */
function looksLikeItems(node: Paragraph, source: string): boolean {
  const first = node.children[0];
  if (!first) return false;
  if (first.type === "strong" || first.type === "emphasis") return true;
  const text = first.type === "text" ? first.value : "";
  if (/^\s*\p{Ll}/u.test(text) || ENUMERATED.test(text)) return true;
  const lines = source.slice(node.position!.start.offset!, node.position!.end.offset!).split("\n");
  if (lines.length > 1 && lines.slice(1).every((line) => /^[\s>*_]*[\p{Lu}\p{N}<\[]/u.test(line))) return true;
  return !/[.!?:：]["”’)\]*_]*$/.test(toString(node).trim());
}

/**
 * Short one-line paragraphs in a row, as a page converted from HTML writes the lines of an address ("Quora, Inc." /
 * "Attn: Privacy" / "605 Castro Street"): the items the lead-in promised, each a paragraph of its own.
 */
function startsLineRun(node: Paragraph, rest: RootContent[], source: string): boolean {
  const isLine = (n: RootContent | undefined): boolean => {
    if (n?.type !== "paragraph") return false;
    const raw = source.slice(n.position!.start.offset!, n.position!.end.offset!).trim();
    return !raw.includes("\n") && toString(n).trim().length <= 50;
  };
  const next = rest.find(isContent);
  return isLine(node) && isLine(next);
}

/**
 * The next thing a reader meets after a block, in reading order: its next sibling, or, at the end of a list
 * item, blockquote or list, whatever follows that. Anchors, comments and notes for the authors are skipped.
 */
function followerOf(block: BlockText, headings: Map<RootContent, Section>): Follower {
  let node: Parent | RootContent = block.node;
  for (let level = block.ancestors.length - 1; level >= 0; level--) {
    const parent = block.ancestors[level];
    const siblings = parent.children as RootContent[];
    for (let i = siblings.indexOf(node as RootContent) + 1; i < siblings.length; i++) {
      const sibling = siblings[i];
      if (!isContent(sibling)) continue;
      const heading = headings.get(sibling);
      if (heading) return { kind: "heading", depth: heading.depth, text: heading.text };
      if (sibling.type === "paragraph") return { kind: "paragraph", node: sibling, rest: siblings.slice(i + 1) };
      return { kind: "content" };
    }
    node = parent;
  }
  return { kind: "end" };
}

/** The depth of the section a block is in (0 before the first heading), to tell a sub-heading from the next section. */
function containingDepth(doc: PolicyDocument, offset: number): number {
  let depth = 0;
  for (const section of doc.allSections) {
    if (section.start > offset) break;
    if (offset < section.end) depth = section.depth;
  }
  return depth;
}

function quoteEnd(sentence: string): string {
  const oneLine = sentence.replace(/\s+/g, " ").trim();
  return oneLine.length > QUOTE_LENGTH ? `…${oneLine.slice(oneLine.length - QUOTE_LENGTH + 1)}` : oneLine;
}
