import { SKIP, eachNode } from "../src/parse/walk.js";
import { escapeRegExp, matchesOf } from "./lib/regexp.js";
import { loadRuleData } from "../src/engine/data.js";
import type { Rule, RuleContext } from "../src/engine/types.js";
import { documentText, blockRange, alignOffsets, OPAQUE, type BlockText } from "../src/parse/text.js";
import { BRACKETED, isReviewTag, isShortBracket } from "./lib/blanks.js";
import { SNAKE_PLACEHOLDER, TEMPLATE_VARIABLE, TO_BE_DECIDED } from "./lib/blanks.js";
import { replaceTags } from "../src/parse/tags.js";

interface PlaceholderData {
  bracketLeadWords: string[];
  numberUnits: string[];
  numberLeadWords: string[];
  allow: string[];
  htmlElements: string[];
}

interface Options {
  patterns: string[];
  allow: string[];
  checkLinkTargets: boolean;
}

const data = loadRuleData<PlaceholderData>("placeholders");
const HTML_ELEMENTS = new Set(data.htmlElements);
const LEAD_WORDS = new RegExp(`^(?:${data.bracketLeadWords.map(escapeRegExp).join("|")})\\b`, "i");
const UNIT_AFTER = new RegExp(`^\\s?(?:${data.numberUnits.map(escapeRegExp).join("|")})(?![\\w])`, "i");
const LEAD_BEFORE = new RegExp(`(?:^|[\\s(])(?:${data.numberLeadWords.map(escapeRegExp).join("|")})\\s*$`, "i");

const OBFUSCATED_EMAIL = /\[email(?:&#160;|\u00a0| )protected\]/g;
const X_NUMBER = /(?<![\w])(?:[$£€]\s?)?X{2,4}(?:[.,/:-]X{1,4})*(?![\w])/g;
const BULLET_ONLY = /^[\s●•▪■◆□_.\-–—*]+$/;
const EXAMPLE_LEAD = /^\s*(?:e\.\s?g\.|for example|for instance|such as|like|i\.\s?e\.)/i;
const ALL_CAPS = /^[A-Z0-9][A-Z0-9 &/,.'’()-]*$/;
const GLUED_DOMAIN_AFTER = /^\.[\p{L}\p{N}-]+\.[a-z]{2,}(?![\p{L}\p{N}])|^\/[\p{L}\p{N}_-]/iu;
const GLUED_PATH_BEFORE = /[\p{L}\p{N}-]\.[a-z]{2,}\/$|[\p{L}\p{N}_-]\/$/iu;
const DISPLAY_LEAD = new RegExp(
  String.raw`\b(?:the following|this|these)\s+` +
    String.raw`(?:disclaimer|statement|text|notice|language|wording|disclosure|legend|message|attribution|credit)s?\b` +
    String.raw`[^.:“”"]{0,80}:\s*$`,
  "i",
);

export const noPlaceholders: Rule<Options> = {
  meta: {
    id: "no-placeholders",
    description:
      "Template placeholders left in the text: [YOUR COMPANY], {{company}}, __DATE__, <INSERT ADDRESS>, TBD, XX days",
    defaultSeverity: "error",
    rationale:
      "A published policy that still says [YOUR LEGAL ENTITY NAME] names no controller at all, and an obfuscated " +
      "address such as [email protected] gives the reader no way to reach you. Brackets that are meant stay " +
      'silent: a pattern glued to a domain or path ("[username].tumblr.com"), a blank inside a text the reader ' +
      'is told to display ("the following disclaimer: “This is a promotion by [Your Name].”"), a label such as ' +
      "<EU Representative> alone on its line over what it names. Liquid ({{ site.email }}, {% … %}) in a file " +
      "with front matter is rendered by Jekyll before the reader sees it; without front matter it is reported.",
    examples: [
      {
        title: "Blanks left in a draft",
        markdown:
          "This policy is provided by [YOUR LEGAL ENTITY NAME], effective __EFFECTIVE_DATE__.\n\n" +
          "We keep logs for XX days. Our DPO is TBD. Write to [email protected].\n",
      },
      {
        title: "Look-alikes that stay silent",
        markdown:
          "Read the [Privacy Statement](https://example.com/privacy) or write to privacy[at]example[dot]com.\n\n" +
          "We log actions (e.g., [username] deleted [title of post]). " +
          "Cookie `wp-settings-{user_id}` and wp_sharing_{id}.\n",
      },
    ],
    options: {
      patterns: {
        type: "string[]",
        default: [],
        description: "Extra regular expressions (JavaScript syntax) that mark a placeholder.",
        patterns: (value) =>
          (value as string[]).map((p, i) => ({ at: `[${i}]`, written: p, compile: () => extraPattern(p) })),
      },
      allow: {
        type: "string[]",
        default: [],
        description:
          "Texts that look like placeholders but are meant (matched case-insensitively, with or without brackets).",
      },
      checkLinkTargets: {
        type: "boolean",
        default: true,
        description: "Also report template variables such as {{ site.url }} in link targets.",
      },
    },
  },
  check(context) {
    const allowed = new Set(
      [...data.allow, ...context.options.allow].map((a) => a.toLowerCase().replace(/^\[|\]$/g, "")),
    );
    // Jekyll renders Liquid in any page with front matter before Markdown sees it: there `{{ site.email }}` and
    // `{% … %}` are filled in on the published page. Without front matter they reach the reader as written.
    const rendersLiquid = context.doc.frontMatter.node !== null;
    const reporter = new RangeReporter(context, allowed, rendersLiquid);
    const extra = context.options.patterns.map(extraPattern);
    const { blocks, html, links } = documentText(context.doc);

    for (const block of blocks) {
      scanBlock(block, context.doc.source, reporter, extra);
    }
    visitStrongPlaceholders(context, reporter);
    for (const { node } of html) {
      if (node.value.startsWith("<!--")) continue;
      scanHtml(context, node.value, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0, reporter, extra);
    }
    if (context.options.checkLinkTargets) {
      for (const link of links) {
        if (rendersLiquid) continue;
        for (const m of matchesOf(/(?<!\{)\{\{[^}]*\}\}|\{%[^%]*%\}|%7B%7B.*?%7D%7D/gi, link.url)) {
          const text = decodeSafely(m[0]);
          const message = `Unresolved template variable "${text}" in a link target`;
          reporter.report(message, link.start + m.start, link.start + m.end, text);
        }
      }
    }
  },
};

const extraPattern = (pattern: string): RegExp => new RegExp(pattern, "g");

/** Reports each place once, whichever pattern finds it first, and honours the allow-list. */
class RangeReporter {
  private readonly taken: [number, number][] = [];
  constructor(
    private readonly context: RuleContext<Options>,
    private readonly allowed: Set<string>,
    readonly rendersLiquid: boolean,
  ) {}

  report(message: string, start: number, end: number, found: string): void {
    const key = found
      .toLowerCase()
      .replace(/^\[|\]$/g, "")
      .trim();
    if (this.allowed.has(key) || this.allowed.has(found.toLowerCase())) return;
    if (this.taken.some(([s, e]) => start < e && end > s)) return;
    this.taken.push([start, end]);
    this.context.report({ message, start, end });
  }
}

/** Any rendered text with its source offsets: a Markdown block, or the visible text of raw HTML. */
function scanBlock(
  block: Pick<BlockText, "text" | "offsets">,
  source: string,
  reporter: RangeReporter,
  extra: RegExp[],
): void {
  const { text } = block;
  const at = (from: number, to: number) => blockRange(block, from, to);
  const emit = (message: string, from: number, to: number) => {
    const { start, end } = at(from, to);
    reporter.report(message, start, end, text.slice(from, to));
  };

  for (const m of matchesOf(OBFUSCATED_EMAIL, text)) {
    const lost = "the address was lost when the text was copied from a web page";
    emit(`Obfuscated e-mail artefact "${m[0]}": ${lost}`, m.start, m.end);
  }
  for (const m of matchesOf(BRACKETED, text)) {
    if (!isShortBracket(m[1])) continue;
    // The source decides link syntax: in "[our cookies] [cookies]" the second bracket is already a parsed link.
    const sourceAfter = source.slice(block.offsets[m.end - 1] + 1, block.offsets[m.end - 1] + 3);
    if (!isBracketPlaceholder(text, m.start, m[0], m[1], sourceAfter)) continue;
    emit(`Unresolved placeholder "${m[0]}"`, m.start, m.end);
  }
  for (const m of matchesOf(TEMPLATE_VARIABLE, text)) {
    if (reporter.rendersLiquid && /^\{[{%]/.test(m[0])) continue;
    emit(`Unresolved template variable "${m[0]}"`, m.start, m.end);
  }
  for (const m of matchesOf(SNAKE_PLACEHOLDER, text)) emit(`Unresolved placeholder "${m[0]}"`, m.start, m.end);
  for (const m of matchesOf(TO_BE_DECIDED, text)) emit(`Unresolved placeholder "${m[0]}"`, m.start, m.end);
  for (const m of matchesOf(X_NUMBER, text)) {
    if (isNumberPlaceholder(text, m.start, m[0])) emit(`Placeholder number "${m[0]}"`, m.start, m.end);
  }
  for (const pattern of extra) {
    for (const m of matchesOf(pattern, text)) {
      if (m[0]) emit(`Placeholder "${m[0]}" (matches ${pattern.source})`, m.start, m.end);
    }
  }
}

function isBracketPlaceholder(text: string, index: number, whole: string, inner: string, sourceAfter: string): boolean {
  const before = text[index - 1] ?? "";
  const after = text[index + whole.length] ?? "";
  // A link, reference or footnote whose target is missing still reads as a link: [text](…), [text][ref], [^1].
  if (after === "(" || /^ ?\[/.test(sourceAfter) || (after === ":" && index === 0)) return false;
  if (before === "]") return false;
  if (inner.startsWith("^")) return false;
  // Glued to a word, as in privacy[at]github[dot]com or array[0], it is notation, not a blank to fill.
  if (/[\p{L}\p{N}_]/u.test(before) || /[\p{L}\p{N}_]/u.test(after)) return false;
  // Glued to a domain or a path, as in "[username].tumblr.com" or "tumblr.com/[username]", it shows a pattern.
  if (
    GLUED_DOMAIN_AFTER.test(text.slice(index + whole.length, index + whole.length + 80)) ||
    GLUED_PATH_BEFORE.test(text.slice(Math.max(0, index - 80), index))
  )
    return false;
  const content = inner.trim();
  if (!content || /^[xX ]$/.test(inner)) return false;
  if (isReviewTag(content)) return false;
  if (/^\d+(?:\s*[,–-]\s*\d+)*$/.test(content) || /^[ivxlc]+$/i.test(content) || /^[a-z]$/i.test(content)) return false;
  if (isInsideExample(text, index)) return false;
  if (isTextToDisplay(text, index)) return false;
  if (BULLET_ONLY.test(content) && !/^[.…]+$/.test(content)) return true;
  if (content.includes(OPAQUE)) return false;
  if (LEAD_WORDS.test(content)) return true;
  if (ALL_CAPS.test(content) && /[A-Z]{2}/.test(content)) return true;
  // Inside a quotation, "[was] not persuaded" is the quoting author's alteration, not a blank.
  if (isInsideQuotation(text, index)) return false;
  // A short noun phrase in brackets, outside a link, is a blank left for someone to fill: [hosting provider], [email].
  const words = content.split(/\s+/);
  return words.length <= 5 && !/[.!?;:"“”]/.test(content) && /^[\p{L}]/u.test(content);
}

/** "(e.g., [username] deleted [title of post])": an illustration a reader is meant to see with its blanks. */
function isInsideExample(text: string, index: number): boolean {
  const open = text.lastIndexOf("(", index);
  if (open < 0 || text.lastIndexOf(")", index) > open) return false;
  return EXAMPLE_LEAD.test(text.slice(open + 1, index));
}

/**
 * `display … the following disclaimer: “This is a promotion by [Your Name]. …”`: a text the reader is told to show,
 * with the blank the reader fills in. Only a quotation opened right after "the following …:" counts.
 */
function isTextToDisplay(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const open = Math.max(before.lastIndexOf("“"), before.lastIndexOf('"'));
  if (open < 0 || !isInsideQuotation(text, index)) return false;
  return DISPLAY_LEAD.test(before.slice(Math.max(0, open - 120), open));
}

function isInsideQuotation(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const straight = (before.match(/"/g) ?? []).length;
  const opened = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  return straight % 2 === 1 || opened > 0;
}

function isNumberPlaceholder(text: string, index: number, found: string): boolean {
  if (/^[$£€]/.test(found) || /[.,/:-]/.test(found)) return true;
  const after = text.slice(index + found.length, index + found.length + 16);
  const before = text.slice(Math.max(0, index - 24), index);
  return UNIT_AFTER.test(after) || LEAD_BEFORE.test(before);
}

/** `__EFFECTIVE_DATE__` parses as bold text; its underscores are the placeholder's own. */
function visitStrongPlaceholders(context: RuleContext<Options>, reporter: RangeReporter): void {
  const { source } = context.doc;
  eachNode(context.doc.tree, (node) => {
    if (node.type === "code" || node.type === "inlineCode") return SKIP;
    if ((node.type !== "strong" && node.type !== "emphasis") || !node.position) return;
    const start = node.position.start.offset!;
    const end = node.position.end.offset!;
    const raw = source.slice(start, end);
    if (/^__[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*__$/.test(raw) || /^_[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+_$/.test(raw)) {
      reporter.report(`Unresolved placeholder "${raw}"`, start, end, raw);
      return SKIP;
    }
  });
}

function scanHtml(
  context: RuleContext<Options>,
  value: string,
  start: number,
  end: number,
  reporter: RangeReporter,
  extra: RegExp[],
): void {
  const map = alignOffsets(value, context.doc.source, start, end);
  const offset = (i: number) => map[Math.min(i, map.length - 1)] ?? start;
  for (const m of matchesOf(/<\/?\s*([A-Za-z][\w-]*)((?:\s[^<>]*)?)>/g, value)) {
    const tag = m[1];
    if (HTML_ELEMENTS.has(tag.toLowerCase())) continue;
    const looksLikeBlank = (tag === tag.toUpperCase() && /[A-Z]{2}/.test(tag)) || LEAD_WORDS.test(`${tag}${m[2]}`);
    if (!looksLikeBlank || m[0].startsWith("</")) continue;
    if (isLabelLine(context.doc.source, offset(m.start), m[0])) continue;
    reporter.report(`Unresolved placeholder "${m[0]}"`, offset(m.start), offset(m.end - 1) + 1, m[0]);
  }
  // Text a reader sees between the tags of a raw HTML table or paragraph.
  const visible = replaceTags(value, (tag) => OPAQUE.repeat(tag.length));
  const offsets = Int32Array.from([...map, (map[map.length - 1] ?? start) + 1]);
  scanBlock({ text: visible, offsets }, context.doc.source, reporter, extra);
}

/**
 * `<EU Representative>` alone on its line, the representative's name and address on the lines after it: a label
 * the page shows over what it names, not a blank. A blank's words (<INSERT ADDRESS>, <Your company>) or capitals
 * (<COMPANY NAME>) keep it a placeholder wherever it stands.
 */
function isLabelLine(source: string, at: number, tag: string): boolean {
  const inner = tag.slice(1, -1).trim();
  if (LEAD_WORDS.test(inner) || ALL_CAPS.test(inner) || !/\p{Ll}/u.test(inner)) return false;
  const lineStart = source.lastIndexOf("\n", at - 1) + 1;
  const lineEnd = source.indexOf("\n", at);
  const line = source.slice(lineStart, lineEnd < 0 ? source.length : lineEnd);
  if (line.trim() !== tag) return false;
  const next =
    /^[ \t]*(?:\n[ \t]*)*([^\n]*)/.exec(source.slice(lineEnd < 0 ? source.length : lineEnd + 1))?.[1].trim() ?? "";
  return /\p{L}/u.test(next) && !/^[<\[{]/.test(next);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
