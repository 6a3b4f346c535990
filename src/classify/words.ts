import { contentWords } from "./editorial.js";
import type { EditPart } from "../diff/types.js";
import type { Knowledge, Match, Matcher } from "./knowledge.js";
import { overlaps, type Delta, type Span } from "./sentences.js";

/** Small readings of a sentence pair shared by every detector: what came, what went, in which kind of sentence. */

export function quote(text: string, max = 110): string {
  const flat = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[,;:\s]+|(?<![,;:\s])[,;:\s]+$/g, "");
  return `“${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}”`;
}

/** The part of a sentence around its changed words, so a long sentence is quoted where it changed. */
export function excerpt(text: string, spans: readonly Span[], width = 45, max = 200): string {
  const flat = (t: string) => t.replace(/\s+/g, " ");
  if (!spans.length || text.length <= max) return quote(text, max);
  const from = spans[0].start;
  const to = spans[spans.length - 1].end;
  let start = Math.max(0, from - width);
  let end = Math.min(text.length, Math.max(to + width, from + width));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(" ", end) > to ? text.lastIndexOf(" ", end) : end;
  const body = flat(text.slice(start, end)).trim();
  return quote(
    `${start > 0 ? "… " : ""}${body.length > max ? `${body.slice(0, max - 1)}…` : body}` +
      `${end < text.length ? " …" : ""}`,
    max + 4,
  );
}

/** Lower-cases a sentence-cased phrase for the middle of a sentence; acronyms and names keep their capitals. */
export function lowerFirst(text: string): string {
  return text.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
}

export const inserted = (d: Delta): string => d.ins.map((s) => d.new.slice(s.start, s.end)).join(" ");
export const deleted = (d: Delta): string => d.del.map((s) => d.old.slice(s.start, s.end)).join(" ");
export const isWholeNew = (d: Delta): boolean => !d.old.trim();
export const isWholeGone = (d: Delta): boolean => !d.new.trim();

/**
 * Matches that came with the inserted words and were not there before (by data entry), in the sentence or the whole old
 * text.
 */
export function cameIn(m: Matcher, d: Delta, oldText = d.old): Match[] {
  const inserted = m.find(d.new).filter((x) => overlaps(d.ins, x.start, x.end));
  // The old texts are read only for a match among the inserted words: most vocabularies have none in a sentence.
  if (!inserted.length) return inserted;
  const before = termsIn(m, d.old, oldText);
  return inserted.filter((x) => !before.has(x.term));
}

/** Matches that went with the deleted words and are not there any more. */
/**
 * The entries a matcher finds in any of the texts, each read on its own. Not their concatenation: the whole
 * document a delta is judged against is the same string for every delta of a change, so its matches are remembered
 * (Matcher.find), where "sentence + document" was a new text for each delta and was read whole every time.
 */
export function termsIn(m: Matcher, ...texts: string[]): Set<string> {
  const terms = new Set<string>();
  for (const text of texts) for (const x of m.find(text)) terms.add(x.term);
  return terms;
}

export function wentOut(m: Matcher, d: Delta, newText = d.new): Match[] {
  const deleted = m.find(d.old).filter((x) => overlaps(d.del, x.start, x.end));
  if (!deleted.length) return deleted;
  const after = termsIn(m, d.new, newText);
  return deleted.filter((x) => !after.has(x.term));
}

/** A verb with no negation shortly before it in its clause: "we share", not "we do not share". */
export function affirmative(k: Knowledge, text: string, verbs: Matcher): Match[] {
  return verbs.find(text).filter((v) => !negatedAt(k, text, v.start));
}

/**
 * How far before a verb a negation is looked for. It must be among the last five words of the verb's clause, which
 * never span this much in prose; reading all the text before each verb made a long paragraph quadratic.
 */
const NEGATION_REACH = 400;

export function negatedAt(k: Knowledge, text: string, position: number): boolean {
  const clause =
    text
      .slice(Math.max(0, position - NEGATION_REACH), position)
      .split(/[;:]|,\s+(?:but|while|whereas)\s+/)
      .pop() ?? "";
  const window = clause.split(/\s+/).slice(-5).join(" ");
  k.negation.lastIndex = 0;
  return k.negation.test(window);
}

/** Inserted words that extend a list ("…, and Nielsen", "or VAT in the EU", "fees, compliance with PCI DSS,"). */
export function extendsList(k: Knowledge, d: Delta, span: Span): boolean {
  const text = d.new.slice(span.start, span.end);
  if (k.conjunction.test(text)) return true;
  return /,\s*$/.test(d.new.slice(0, span.start)) && /^\s*(?:,|and\b|or\b)/i.test(d.new.slice(span.end));
}

export function hasContent(k: Knowledge, text: string): boolean {
  return contentWords(text, k).some((w) => !/^(?:and|or|not|no|never)$/.test(w));
}

/**
 * Names in a text: runs of words with a capital letter ("Acme Analytics", "hCaptcha", "Customer.io"), minus words
 * that are capitalised for other reasons (the start of a sentence, "Privacy Policy", months, places, browsers).
 */
export function namesIn(k: Knowledge, text: string, at: Span[] | null, firstParty: readonly string[]): string[] {
  const names: string[] = [];
  const word = /[\p{L}\p{N}][\p{L}\p{N}.&'’/-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
  let run: { text: string; start: number; end: number } | null = null;
  const flush = () => {
    if (run && (!at || overlaps(at, run.start, run.end))) names.push(run.text);
    run = null;
  };
  let previousEnd = 0;
  // "Republic of Korea" is a place: none of its words starts a name.
  const places = k.locations.find(text);
  for (let m = word.exec(text); m; m = word.exec(text)) {
    if (places.some((p) => m!.index >= p.start && m!.index < p.end)) {
      flush();
      previousEnd = m.index + m[0].length;
      continue;
    }
    const w = m[0].replace(/['’]s$/, "");
    const lower = w.toLowerCase().replace(/\.$/, "");
    const capital = /\p{Lu}/u.test(w) && !k.stopNames.has(lower);
    const joins = run && /^\s+$|^\s*&\s*$/.test(text.slice(previousEnd, m.index));
    if (capital && !/^\d/.test(w)) {
      if (run && joins)
        run = { text: `${run.text}${text.slice(previousEnd, m.index)}${w}`, start: run.start, end: m.index + w.length };
      else {
        flush();
        run = { text: w, start: m.index, end: m.index + w.length };
      }
    } else flush();
    previousEnd = m.index + m[0].length;
  }
  flush();
  const own = firstParty.map((f) => f.toLowerCase());
  // A safeguard ("Swiss-US Privacy Shield") or a place is capitalised but receives nothing.
  const notRecipients = (n: string) => k.protections.test(n) || k.locations.test(n) || k.binding.test(n);
  return [...new Set(names)].filter(
    (n) => !notRecipients(n) && !own.some((f) => n.toLowerCase() === f || n.toLowerCase().startsWith(`${f} `)),
  );
}

/** A matched noun with the word before it when that word qualifies it ("tax authority", "payment processor"). */
export function withQualifier(k: Knowledge, text: string, m: Match): string {
  const before = /(?<![\p{L}-])([\p{L}-]+)\s+$/u.exec(text.slice(0, m.start))?.[1];
  return before &&
    !k.fillers.has(before.toLowerCase()) &&
    !/^(?:with|any|all|some|such|certain|its|his|her|share|shares|sell|disclose)$/i.test(before)
    ? `${before} ${m.text}`
    : m.text;
}

/** The clause holding a position: sentences split at semicolons and at ", and", ", but", ", or". */
export function clauseAround(text: string, position: number): Span {
  // ", and we only access it" starts a clause; ", or gender expression" continues a list.
  const cut = new RegExp(
    String.raw`;|,\s+(?:and|but|or|while|whereas)\s+(?=(?:we|you|they|it|our|your|this|these|those|there|he|she)\b)` +
      String.raw`|(?<!\s)\s+but\s+`,
    "gi",
  );
  let start = 0;
  for (let m = cut.exec(text); m; m = cut.exec(text)) {
    if (m.index >= position) return { start, end: m.index };
    start = m.index + m[0].length;
  }
  return { start, end: text.length };
}

/** What a word-level edit changed, for a message: “deleted words” → “inserted words” (the first runs of each). */
export function changedWords(edits: readonly EditPart[]): string {
  const runs = (op: EditPart["op"]) =>
    edits
      .filter((e) => e.op === op)
      .map((e) => e.text.trim())
      .filter(Boolean);
  const went = runs("delete");
  const came = runs("insert");
  const show = (xs: string[]) => (xs.length ? quote(xs.slice(0, 3).join(" … "), 80) : "(nothing)");
  return `${show(went)} → ${show(came)}`;
}

export function words(text: string, count: number): string {
  return text.split(/\s+/).filter(Boolean).slice(0, count).join(" ");
}
