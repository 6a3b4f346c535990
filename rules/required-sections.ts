import { readdirSync } from "node:fs";
import { matchesOf, testRemembered } from "./lib/regexp.js";
import path from "node:path";
import { loadRuleData, ruleDataPath } from "../src/engine/data.js";
import type { Rule, WrittenPattern } from "../src/engine/types.js";
import type { Paragraph } from "mdast";
import { toString } from "mdast-util-to-string";
import type { PolicyDocument } from "../src/parse/document.js";
import { parseHeadingNumber } from "../src/parse/sections.js";
import { documentKind, type DocumentKind } from "../src/parse/kind.js";
import { documentText, OPAQUE } from "../src/parse/text.js";
import { BRACKETED, reviewNotes, SNAKE_PLACEHOLDER, TEMPLATE_VARIABLE, TO_BE_DECIDED } from "./lib/blanks.js";

/** One required disclosure, as written in rules/data/disclosures/*.json or in the `require` option. */
export interface Disclosure {
  id: string;
  name: string;
  law?: string;
  source?: string;
  /** Human wording of `requiredWhen`, for documentation. */
  when?: string;
  /** Required only when the document matches one of these. */
  requiredWhen?: string[];
  headings?: string[];
  body?: string[];
}

export interface DisclosureList {
  name: string;
  description: string;
  /** The kind of document the list applies to; none means privacy. */
  kind?: DocumentKind;
  disclosures: Disclosure[];
}

interface Options {
  disclosures: string[];
  require: Disclosure[];
  ignore: string[];
}

interface Compiled {
  list: string;
  disclosure: Disclosure;
  citation: string;
  headings: RegExp[];
  body: RegExp[];
  requiredWhen: RegExp[] | null;
}

const LISTS_DIR = path.dirname(ruleDataPath("disclosures/recommended"));
const FRAGMENTS = loadRuleData<{ fragments: Record<string, string> }>("disclosure-fragments").fragments;

let listNames: string[] | undefined;

/** The disclosure lists shipped in rules/data/disclosures/, by file name: adding a list is adding a file. */
export function disclosureListNames(): string[] {
  listNames ??= readdirSync(LISTS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort((a, b) => (a === "recommended" ? -1 : b === "recommended" ? 1 : a.localeCompare(b)));
  return listNames;
}

const lists = new Map<string, DisclosureList>();

export function disclosureList(name: string): DisclosureList {
  let list = lists.get(name);
  if (!list) {
    list = loadRuleData<DisclosureList>(`disclosures/${name}`);
    lists.set(name, list);
  }
  return list;
}

/** `(?-i)` opens a pattern that needs capitals (company names); `{NAME}` is a shared fragment. */
export function compilePattern(pattern: string): RegExp {
  const caseSensitive = pattern.startsWith("(?-i)");
  const source = (caseSensitive ? pattern.slice(5) : pattern).replace(/\{([A-Z]+)\}/g, (whole, name: string) => {
    const fragment = FRAGMENTS[name];
    if (fragment === undefined)
      throw new Error(`unknown fragment ${whole} (known: ${Object.keys(FRAGMENTS).join(", ")})`);
    return fragment;
  });
  return new RegExp(source, caseSensitive ? "" : "i");
}

function compile(list: string, d: Disclosure): Compiled {
  const problem = shapeProblem(d);
  if (problem) throw new Error(problem);
  const all = (patterns: string[] | undefined) => (patterns ?? []).map(compilePattern);
  return {
    list,
    disclosure: d,
    citation: [d.law, d.source].filter(Boolean).join(" "),
    headings: all(d.headings),
    body: all(d.body),
    requiredWhen: d.requiredWhen?.length ? all(d.requiredWhen) : null,
  };
}

/**
 * A disclosure's patterns, for the configuration to vet when it loads; a disclosure of the wrong shape is one error.
 */
function writtenPatterns(d: Disclosure, i: number): WrittenPattern[] {
  const problem = shapeProblem(d);
  if (problem)
    return [
      {
        at: `[${i}]`,
        written: "",
        compile: () => {
          throw new Error(problem);
        },
      },
    ];
  return (["headings", "body", "requiredWhen"] as const).flatMap((key) =>
    (d[key] ?? []).map((p, j) => ({ at: `[${i}].${key}[${j}]`, written: p, compile: () => compilePattern(p) })),
  );
}

function shapeProblem(d: Disclosure): string | null {
  if (!d || typeof d !== "object") return "a disclosure must be an object";
  if (typeof d.id !== "string" || !d.id) return "a disclosure needs an id";
  if (typeof d.name !== "string" || !d.name) return `disclosure "${d.id}" needs a name`;
  for (const key of ["headings", "body", "requiredWhen"] as const) {
    const value = d[key];
    if (value !== undefined && !(Array.isArray(value) && value.every((p) => typeof p === "string"))) {
      return `disclosure "${d.id}": ${key} must be an array of regular expressions`;
    }
  }
  if (!d.headings?.length && !d.body?.length) return `disclosure "${d.id}" needs heading or body patterns`;
  return null;
}

/** What runs when no list is named: the recommended list for each kind (policylint:recommended names the same). */
export const RECOMMENDED_LISTS = ["recommended", "terms", "subprocessors", "cookies"];

const compiledLists = new Map<string, Compiled[]>();

function compiledList(name: string): Compiled[] {
  let compiled = compiledLists.get(name);
  if (!compiled) {
    compiled = disclosureList(name).disclosures.map((d) => compile(name, d));
    compiledLists.set(name, compiled);
  }
  return compiled;
}

export const requiredSections: Rule<Options> = {
  meta: {
    id: "required-sections",
    description:
      "Disclosures the law or good practice requires, each found by its heading or by the text that makes it",
    defaultSeverity: "error",
    rationale:
      "A privacy policy is judged by what it leaves out: GDPR Art. 13, the CCPA and the US state laws each " +
      "list what a notice must tell its readers. Each missing disclosure is reported once, with the article " +
      "or section that requires it. Text inside reviewer notes ([LAWYER] …) and placeholders ([YOUR LEGAL " +
      "ENTITY NAME]) does not count. The lists, their sources and their conditions are in docs/presets.md. " +
      "Each shipped list applies to one kind of document (terms, cookie notices and sub-processor lists " +
      "have their own; the others are for privacy policies). A document's kind (privacy, terms, cookies, " +
      "subprocessors, other) is read from its front matter (`policylint: { kind: terms }`), else its title " +
      '("Terms of Service", "Cookie Notice"), else its file and folder name (terms, tos, cookie, tracker, ' +
      "subprocessor, privacy), else a sub-processor table; a document nothing identifies is checked as a " +
      "privacy policy. Disclosures written in `require` apply to every kind.",
    options: {
      disclosures: {
        type: "string[]",
        // Empty means "recommended" unless `require` names disclosures of its own, so extending only
        // policylint:gdpr checks the GDPR list alone, and presets combined add their lists up.
        default: [],
        merge: "union",
        enum: disclosureListNames(),
        // Its name until 0.1: it names disclosure lists, which the configuration's presets (`extends`) only set.
        formerNames: ["presets"],
        description:
          `Disclosure lists to require, each of documents of its own kind (${disclosureListNames().join(", ")}); ` +
          `presets add theirs to this list. None: ${RECOMMENDED_LISTS.join(", ")}.`,
      },
      require: {
        type: "object[]",
        default: [],
        merge: "union",
        description:
          "Your own disclosures: {id, name, law, source, headings, body, requiredWhen} with regular " +
          "expressions; one with a built-in id adds to it. Required of documents of every kind.",
        patterns: (value) => (value as Disclosure[]).flatMap(writtenPatterns),
      },
      ignore: {
        type: "string[]",
        default: [],
        merge: "union",
        description: 'Disclosure ids not to require: "dpo-contact" in every list, or "gdpr/dpo-contact" in one.',
      },
    },
    examples: [
      {
        title: "A policy that never says how long it keeps data",
        markdown: [
          "# Privacy Policy",
          "",
          'Acme Ltd ("we") runs acme.example. Write to privacy@acme.example with any question.',
          "",
          "## Information we collect",
          "We collect your name and email address when you sign up.",
          "## How we use it",
          "We use your email address to send you receipts.",
          "## Sharing",
          "We share payment details with our payment processor.",
          "## Your rights and choices",
          "You can access, correct or delete your data in your account settings.",
          "## Security",
          "We encrypt your data in transit and at rest.",
          "## Children",
          "The service is not directed to children under 13.",
          "## Changes",
          "We will email you before material changes to this policy take effect.",
          "",
        ].join("\n"),
      },
      {
        title: "GDPR: a legal basis named only in a reviewer note does not count",
        options: { disclosures: ["gdpr"] },
        markdown: [
          "# Privacy Notice",
          "",
          "Acme Ltd, 1 Main Street, Dublin 2, is the controller of your data. Write to privacy@acme.example.",
          "",
          "## What we collect and why",
          "We collect your name and email address to send you receipts, and keep them for 6 years for tax purposes.",
          "",
          "[LAWYER] Confirm the legal bases under GDPR Art. 6 for each use.",
          "## Sharing",
          "We share payment details with our payment processor.",
          "## Your rights",
          "You may request access to your data, its rectification or erasure, restriction of processing " +
            "or a portable copy, and object to processing. You may complain to your supervisory authority.",
          "## Security",
          "We encrypt your data in transit and at rest.",
          "## Children",
          "The service is not directed to children under 13.",
          "## Changes",
          "We will email you before material changes to this notice take effect.",
          "",
        ].join("\n"),
      },
      {
        title: "Terms of service owe no privacy disclosures; a house rule in `require` still applies",
        options: {
          require: [{ id: "governing-law", name: "the governing law", body: ["\\bgoverned by the laws? of\\b"] }],
        },
        markdown: [
          "# Terms of Service",
          "",
          "These Terms govern your use of acme.example.",
          "",
          "## Disputes",
          "",
          "Disputes are settled in Dublin.",
          "",
        ].join("\n"),
      },
    ],
  },
  check(context) {
    const { doc, options } = context;
    // At the first heading, which names the document; at its start when it has none.
    const heading = doc.allSections[0]?.heading;
    const report = (message: string) =>
      heading ? context.reportNode(heading, message) : context.report({ message, start: 0, end: 0 });
    const active: Compiled[] = [];
    const lists = options.disclosures.length || options.require.length ? options.disclosures : RECOMMENDED_LISTS;
    // Each shipped list says what one kind of document owes (a privacy policy, terms, a cookie notice, a
    // sub-processor list): a document is held only to the lists of its own kind, plus the user's own `require`.
    const { kind } = documentKind(doc);
    for (const name of lists) if ((disclosureList(name).kind ?? "privacy") === kind) active.push(...compiledList(name));
    for (const d of options.require) {
      try {
        active.push(compile("require", d));
      } catch (error) {
        report(`invalid disclosure in "require": ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const ignored = new Set(options.ignore);
    const text = readableText(doc);
    // Lists that name the same id describe one disclosure: a reader is told once, with every source that requires it.
    const missing = new Map<string, Compiled[]>();
    for (const c of active) {
      const { id } = c.disclosure;
      if (ignored.has(id) || ignored.has(`${c.list}/${id}`)) continue;
      if (c.requiredWhen && !c.requiredWhen.some((p) => text.all.some((t) => testRemembered(p, t)))) continue;
      if (isPresent(c, text)) continue;
      missing.set(id, [...(missing.get(id) ?? []), c]);
    }
    for (const group of missing.values()) {
      const citations = [...new Set(group.map((c) => c.citation).filter(Boolean))];
      const { name } = group[group.length - 1].disclosure;
      report(`missing: ${name}${citations.length ? ` (${citations.join("; ")})` : ""}`);
    }
  },
};

interface ReadableText {
  /** Headings that have something to say under them, as masked titles. */
  headings: string[];
  /** Paragraphs, list items and table cells, masked. */
  body: string[];
  all: string[];
}

const readableCache = new WeakMap<PolicyDocument, ReadableText>();

/** The document as a reader takes it in: reviewer notes, placeholders and template variables blanked out. */
function readableText(doc: PolicyDocument): ReadableText {
  const cached = readableCache.get(doc);
  if (cached) return cached;
  const { blocks, links } = documentText(doc);
  // Links by where they start, so each block finds its own by a binary search: a scan of every link for every block
  // made a 10 MB policy spend 31 s here.
  const linkStarts = links
    .map((link) => ({ link, start: link.node.position?.start.offset ?? -1 }))
    .sort((a, b) => a.start - b.start);
  const body: { text: string; at: number }[] = [];
  for (const block of blocks) {
    if (block.node.type === "heading") continue;
    let text = mask(block.text);
    if (!/[\p{L}\p{N}]{2}/u.test(text)) continue;
    // "[get in touch](/support)" or a mailto: link is a way to reach someone, though its text names none: the
    // targets of links outside notes are appended as "<url>" for patterns to see.
    const from = block.node.position?.start.offset ?? 0;
    const to = block.node.position?.end.offset ?? 0;
    let reach: Int32Array | null = null;
    for (
      let k = firstAtOrAfter(linkStarts.length, (k) => linkStarts[k].start, from);
      k < linkStarts.length && linkStarts[k].start < to;
      k++
    ) {
      const { link, start } = linkStarts[k];
      // The first character at or past the link; offsets can step back (an entity, a skipped node), so this searches
      // their running maximum, which first reaches `start` at that same character.
      reach ??= runningMax(block.offsets);
      const found = firstAtOrAfter(reach.length, (j) => reach![j], start);
      const i = found < reach.length ? found : -1;
      // Cloudflare's e-mail protection replaces a mailto: link's text with "[email protected]" in the captured
      // text, yet the published page decodes it into a working address: the link is still a way to write to them.
      const working = text[i] !== OPAQUE || CLOUDFLARE_MAILTO.test(link.url);
      if (i >= 0 && i < block.text.length && working) text += `\n<${link.url}>`;
    }
    body.push({ text, at: block.offsets[0] });
  }
  // A heading over an empty section (or one holding only a note) promises a disclosure it does not make.
  const ats = Int32Array.from(body, (b) => b.at).sort();
  const headings = doc.allSections
    .filter((s) => {
      const k = firstAtOrAfter(ats.length, (k) => ats[k], s.start);
      return k < ats.length && ats[k] < s.end;
    })
    .map((s) => mask(s.title));
  for (const title of paragraphHeadings(doc)) headings.push(mask(title));
  const result = { headings, body: body.map((b) => b.text), all: [...headings, ...body.map((b) => b.text)] };
  readableCache.set(doc, result);
  return result;
}

const CLOUDFLARE_MAILTO = /\/cdn-cgi\/l\/email-protection\b/;

/** The first index in [0, length) whose value (non-decreasing in the index) is at least `target`; `length` if none. */
function firstAtOrAfter(length: number, value: (index: number) => number, target: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value(mid) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function runningMax(values: Int32Array): Int32Array {
  const out = new Int32Array(values.length);
  let max = -Infinity;
  values.forEach((v, i) => (out[i] = max = Math.max(max, v)));
  return out;
}

/**
 * Headings written as paragraphs, as pages captured from HTML often have them: a line that is all bold
 * ("**DATA CONTROLLER**") or a short capitalised line without closing punctuation ("Children’s Privacy"), followed
 * by content (a paragraph that is not such a line, a list or a table). Their numbering is dropped as for headings.
 */
export function paragraphHeadings(doc: PolicyDocument): string[] {
  const out: string[] = [];
  const runs = [doc.preamble, ...doc.allSections.map((s) => s.blocks)];
  for (const blocks of runs) {
    blocks.forEach((block, i) => {
      const next = blocks[i + 1];
      const title = block.type === "paragraph" ? paragraphTitle(block) : null;
      if (!title || !next) return;
      const content =
        next.type === "list" || next.type === "table" || (next.type === "paragraph" && !paragraphTitle(next));
      if (content) out.push(parseHeadingNumber(title).title);
    });
  }
  return out;
}

function paragraphTitle(paragraph: Paragraph): string | null {
  const raw = toString(paragraph);
  if (/\n/.test(raw.trim())) return null;
  const text = raw.replace(/\s+/g, " ").trim();
  if (!/^\P{L}{0,4}\p{Lu}/u.test(text) || text.length > 100) return null;
  const meaningful = paragraph.children.filter((c) => !(c.type === "text" && !c.value.trim()));
  const allStrong = meaningful.length > 0 && meaningful.every((c) => c.type === "strong");
  if (allStrong) return text;
  const plain = meaningful.every((c) => c.type === "text");
  if (plain && text.length <= 60 && text.split(" ").length <= 8 && !/[.,;:!?)\]"”]$/.test(text)) return text;
  return null;
}

function isPresent(c: Compiled, text: ReadableText): boolean {
  return (
    c.headings.some((p) => text.headings.some((h) => testRemembered(p, h))) ||
    c.body.some((p) => text.body.some((b) => testRemembered(p, b)))
  );
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * The text with what no reader was meant to read blanked out: notes for the authors (from their marker to the end of
 * the block), template blanks, and any bracket not glued to a word (an aside or a blank; privacy[at]example[dot]com
 * is an address written to fool scrapers). Same length as the text, so offsets still line up; blanked characters
 * become OPAQUE and match no pattern.
 */
export function mask(text: string): string {
  const ranges: [number, number][] = [];
  for (const note of reviewNotes.notesIn(text)) {
    ranges.push([note.start, note.reach === "marker" ? note.end : text.length]);
  }
  for (const m of matchesOf(BRACKETED, text)) {
    // "[contact us]({{ site.email }})" is a link whose template target Markdown could not parse; the published page
    // renders it as a link, so its text is read.
    if (text.startsWith("({{", m.end)) continue;
    if (!WORD_CHAR.test(text[m.start - 1] ?? "") && !WORD_CHAR.test(text[m.end] ?? "")) ranges.push([m.start, m.end]);
  }
  for (const pattern of [TEMPLATE_VARIABLE, SNAKE_PLACEHOLDER, TO_BE_DECIDED]) {
    for (const m of matchesOf(pattern, text)) ranges.push([m.start, m.end]);
  }
  // Most blocks have nothing to blank: keep them as they are rather than rebuilding them character by character.
  if (!ranges.length) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [from, to] of ranges) {
    if (to <= at) continue;
    const start = Math.max(from, at);
    out += text.slice(at, start) + OPAQUE.repeat(to - start);
    at = to;
  }
  return out + text.slice(at);
}
