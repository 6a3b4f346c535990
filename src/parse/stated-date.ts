import { loadRuleData } from "../engine/data.js";
import { rememberedByText } from "../text/memo.js";
import { escapeRegExp as escape, matchesOf } from "../text/regexp.js";
import { isoDate, isRealDate, MONTH_NAMES, MONTH_PATTERN, monthNumber } from "./dates.js";
import { monthToken, numberToken, styleOf, weekdayToken, type DateStyle, type Token } from "./date-style.js";
import type { PolicyDocument } from "./document.js";
import { blockRange, documentText } from "./text.js";

/**
 * The date a policy states: "Last updated: April 29, 2026", an effective date, a date alone under the title, or a
 * front-matter field. The last-updated rule judges it and the diff reports it for each version, both through
 * `findStatedDate`, so the two never disagree on which date a policy states. The phrases and front-matter keys that
 * introduce a date are data (rules/data/last-updated.json), so they can be extended without code.
 */

interface StatedDateVocabulary {
  phrases: string[];
  frontMatterKeys: string[];
  weekdays: string[];
}

/** How to read a numeric date such as 04/05/2026 (the last-updated rule's `dateFormat` option). */
export type DateFormat = "auto" | "MDY" | "DMY";

/** The date a policy states, as found in its text or front matter. */
export interface StatedDate {
  /** The date as written ("April 29, 2026"), or what stands where the date should be. */
  text: string;
  /** YYYY-MM-DD, or null when `text` is not a date that can be read without doubt. */
  isoDate: string | null;
  /** Source offsets of `text`. */
  start: number;
  end: number;
  /** What introduced it: "Last updated", "Effective date", or the front-matter key. */
  label: string;
  /** Why isoDate is null. */
  problem: string | null;
  /** How the date is written, so a fix writes another day the same way; null when it is not read as one day. */
  style: DateStyle | null;
}

/** A date read at the start of a text: as written, and as YYYY-MM-DD or why it cannot be. */
type ReadDate = Pick<StatedDate, "text" | "isoDate" | "problem" | "style">;

const data = loadRuleData<StatedDateVocabulary>("last-updated");
const byLength = (a: string, b: string) => b.length - a.length;
const MONTH = `(${MONTH_PATTERN})\\.?`;
const WEEKDAY = new RegExp(`^(?:${data.weekdays.sort(byLength).map(escape).join("|")})\\.?,?\\s+`, "i");
const PHRASES = data.phrases.sort(byLength).map(escape).join("|");
const PHRASE = new RegExp(`(?<![\\p{L}\\p{N}])(${PHRASES})(?![\\p{L}\\p{N}])`, "giu");
// What may stand between the phrase and the date.
const SEPARATOR = /^\s*(?:[:：\-–—]\s*|(?:on|as of|from|is)\s+)?(?:[:：]\s*)?/i;

// The "d" flag gives each group's offsets: the style of the date (date-style.ts) is read from the same groups.
const ISO = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/d;
const MONTH_DAY_YEAR = new RegExp(`^${MONTH}\\s+(\\d{1,2})(st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, "di");
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})(?!\\d)`, "di");
const MONTH_YEAR = new RegExp(`^${MONTH},?\\s+(\\d{4})(?!\\d)`, "di");
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-]\d)/d;
// The weekday's name within what WEEKDAY matched ("Monday, ").
const WEEKDAY_NAME = /^\p{L}+/u;

/**
 * The first date the text states ("Last updated: April 29, 2026", "*Effective date:* 2026-04-29"), else the one in
 * front matter; null when there is neither. The date rule and the diff both read a
 * version's date through this.
 */
export function findStatedDate(doc: PolicyDocument, format: DateFormat = "auto", today?: string): StatedDate | null {
  // The diff and `policylint log` ask for a version's date with no format or day several times over: read it once.
  if (format === "auto" && today === undefined) {
    if (!statedDates.has(doc)) statedDates.set(doc, findDate(doc, format, today));
    return statedDates.get(doc)!;
  }
  return findDate(doc, format, today);
}

const statedDates = new WeakMap<PolicyDocument, StatedDate | null>();

function findDate(doc: PolicyDocument, format: DateFormat, today?: string): StatedDate | null {
  return findInText(doc, format, today) ?? findUnderTitle(doc, format, today) ?? findInFrontMatter(doc, format, today);
}

// `{: datetime="2024-05-02"}`: the kramdown attribute list a site puts on a date line.
const ATTRIBUTES_AFTER = /^\s*(?:\{[^}\n]*\}\s*)?$/;

/**
 * A date standing alone on the line under the title ("# Privacy Policy" then "May 2, 2024", with or without a kramdown
 * attribute list): the page's date, though no phrase introduces it.
 */
function findUnderTitle(doc: PolicyDocument, format: DateFormat, today?: string): StatedDate | null {
  const blocks = documentText(doc).blocks;
  const titleAt = blocks.findIndex((b) => b.node.type === "heading");
  const title = blocks[titleAt];
  if (!title || doc.allSections[0]?.heading !== title.node) return null;
  const next = blocks[titleAt + 1];
  if (!next || next.node.type !== "paragraph") return null;
  const text = next.text.replace(/^[\s*_]+/, "");
  const skip = next.text.length - text.length;
  const parsed = readDate(text, format, today);
  if (!parsed || !ATTRIBUTES_AFTER.test(text.slice(parsed.text.length).replace(/^[*_.]+/, ""))) return null;
  return { ...parsed, ...blockRange(next, skip, skip + parsed.text.length), label: "date under the title" };
}

// Labels of a change log: "(Revised on October 1, 2023)" … "(Revised on February 3, 2025)".
const REVISION_LABEL = /^(?:last\s+)?(?:updated|update|revised|modified|amended|changed|date of last revision)$/i;

/**
 * The first date the text states; but when the document lists several revision dates under the same label (a change
 * log), the most recent of them: the page's date is its latest revision, not the first one listed.
 */
function findInText(doc: PolicyDocument, format: DateFormat, today?: string): StatedDate | null {
  const found = statedInText(doc, format, today);
  const first = found.next().value;
  if (!first?.isoDate || !REVISION_LABEL.test(first.label.trim())) return first ?? null;
  let latest = first;
  for (const next of found) {
    const sameLabel = next.label.toLowerCase() === first.label.toLowerCase();
    if (next.isoDate && sameLabel && next.isoDate > latest.isoDate!) latest = next;
  }
  return latest;
}

/**
 * The phrases that may introduce a date in a block's text. This runs over every block of every version a diff or
 * `log` reads, and versions share most blocks: remembered by text (callers only read the matches).
 */
const phrasesIn = rememberedByText((text: string) => matchesOf(PHRASE, text));

/** Every date a phrase introduces, in document order, in one pass (a change log can list hundreds). */
function* statedInText(doc: PolicyDocument, format: DateFormat, today?: string): Generator<StatedDate> {
  const blocks = documentText(doc).blocks;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const { text } = block;
    for (const m of phrasesIn(text)) {
      const start = m.index;
      const phraseEnd = start + m[0].length;
      const separator = SEPARATOR.exec(text.slice(phraseEnd))![0];
      const from = phraseEnd + separator.length;
      const lineEnd = endOfLine(text, from);
      const value = text.slice(from, lineEnd);
      const range = (length: number) => blockRange(block, from, from + length);
      const parsed = readDate(value, format, today);
      if (parsed) {
        yield { ...parsed, ...range(parsed.text.length), label: m[0] };
        continue;
      }
      // Without a date after it, a phrase counts only as a label: at the start of its line and before a colon
      // ("Effective date: TBD"), not inside a sentence ("after the effective date, …").
      const opensLine = /^[\s(\[]*$|\n(?:(?!\n)[\s(\[])*$/.test(text.slice(0, start));
      if (!opensLine) continue;
      if (!value.trim()) {
        // A heading or label alone ("## Effective date") with the date as the next block.
        const next = blocks[b + 1];
        const following = next && readDate(next.text.trimStart(), format, today);
        if (following && next.node.type !== "heading") {
          const skip = next.text.length - next.text.trimStart().length;
          yield { ...following, ...blockRange(next, skip, skip + following.text.length), label: m[0] };
          continue;
        }
        if (/[:：]/.test(separator)) {
          yield unreadable(m[0], blockRange(block, start, phraseEnd), m[0], "is not followed by a date");
        }
        continue;
      }
      if (!/[:：]/.test(separator)) continue;
      const shown = trimValue(value);
      yield unreadable(shown, range(shown.length), m[0], "cannot be read as a date");
    }
  }
}

function findInFrontMatter(doc: PolicyDocument, format: DateFormat, today?: string): StatedDate | null {
  const { data: fields, raw, node } = doc.frontMatter;
  if (!fields || raw === null || !node?.position) return null;
  const rawStart = doc.source.indexOf(raw, node.position.start.offset!);
  for (const key of data.frontMatterKeys) {
    const value = fields[key];
    if (value === undefined || value === null) continue;
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
    const line = new RegExp(`^[ \\t]*["']?${escape(key)}["']?[ \\t]*:[ \\t]*["']?`, "m").exec(raw);
    const start = line ? rawStart + line.index + line[0].length : rawStart;
    const at = { start, end: start + text.length };
    const parsed = readDate(text, format, today);
    if (parsed && parsed.text.length === text.length) return { ...parsed, ...at, label: key };
    return unreadable(text, at, key, "cannot be read as a date");
  }
  return null;
}

function unreadable(text: string, at: { start: number; end: number }, label: string, problem: string): StatedDate {
  return { text, isoDate: null, ...at, label, problem, style: null };
}

/** "[DATE]*" → "[DATE]": emphasis markers, a full stop and unbalanced closing brackets are not part of the value. */
function trimValue(value: string): string {
  let text = value.replace(/(?<![\s.*_])[\s.*_]+$/, "");
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  while (/[)\]]$/.test(text) && count(/[)\]]/g) > count(/[(\[]/g)) {
    text = text.slice(0, -1).replace(/(?<![\s.*_])[\s.*_]+$/, "");
  }
  return text;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf("\n", from);
  return newline < 0 ? text.length : newline;
}

/**
 * Reads a date at the start of `value`; null when no date starts there. With `today`, an ambiguous numeric date
 * ("08/12/2026") whose one reading lies after today and the other does not is read the other way: a page cannot state
 * a date it has not reached when it was recorded (Twitch, recorded 2026-08-13: August 12, not December 8).
 */
export function readDate(value: string, format: DateFormat = "auto", today?: string): ReadDate | null {
  const weekday = WEEKDAY.exec(value)?.[0] ?? "";
  const rest = value.slice(weekday.length);
  const weekdayName = WEEKDAY_NAME.exec(weekday)?.[0];
  /** The date read from `m`, its parts' groups given as [group, token], the case taken from group `word`. */
  const result = (
    m: RegExpExecArray,
    ymd: [number, number, number],
    parts: (readonly [number, Token])[],
    word?: number,
  ) => {
    const [year, month, day] = ymd;
    const text = value.slice(0, weekday.length + m[0].length);
    const shift = (group: number): [number, number] => {
      const [from, to] = m.indices![group]!;
      return [from + weekday.length, to + weekday.length];
    };
    const written = parts
      .filter(([group]) => m[group] !== undefined)
      .map(([group, token]) => ({ at: shift(group), token }));
    if (weekdayName) written.push({ at: [0, weekdayName.length], token: weekdayToken(weekdayName) });
    const style = styleOf(text, written, word !== undefined ? m[word] : weekdayName);
    return isRealDate(year, month, day)
      ? { text, isoDate: isoDate(year, month, day), problem: null, style }
      : { text, isoDate: null, problem: "is not a real date", style: null };
  };
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(rest))) {
    const parts = [
      [1, "year"],
      [3, numberToken(m[3], m[4], "mm")],
      [4, numberToken(m[4], m[3], "dd")],
    ] as const;
    return result(m, [+m[1], +m[3], +m[4]], [...parts]);
  }
  if ((m = MONTH_DAY_YEAR.exec(rest))) {
    const parts = [
      [1, monthToken(m[1])],
      [2, numberToken(m[2], undefined, "dd")],
      [3, "ordinal"],
      [4, "year"],
    ] as const;
    return result(m, [+m[4], monthNumber(m[1])!, +m[2]], [...parts], 1);
  }
  if ((m = DAY_MONTH_YEAR.exec(rest))) {
    const parts = [
      [1, numberToken(m[1], undefined, "dd")],
      [2, "ordinal"],
      [3, monthToken(m[3])],
      [4, "year"],
    ] as const;
    return result(m, [+m[4], monthNumber(m[3])!, +m[1]], [...parts], 3);
  }
  if ((m = MONTH_YEAR.exec(rest)))
    return result(
      m,
      [+m[2], monthNumber(m[1])!, 1],
      [
        [1, monthToken(m[1])],
        [2, "year"],
      ],
      1,
    );
  if ((m = NUMERIC.exec(rest))) {
    const [first, second] = [+m[1], +m[3]];
    const year = m[4].length === 2 ? 2000 + +m[4] : +m[4];
    let order = format !== "auto" ? format : first > 12 ? "DMY" : second > 12 || first === second ? "MDY" : null;
    if (!order && today && isRealDate(year, first, second) && isRealDate(year, second, first)) {
      const monthFirst = isoDate(year, first, second) <= today;
      const dayFirst = isoDate(year, second, first) <= today;
      if (monthFirst !== dayFirst) order = monthFirst ? "MDY" : "DMY";
    }
    if (!order) {
      const text = value.slice(0, weekday.length + m[0].length);
      const readings = `${MONTH_NAMES[first - 1]} ${second} or ${MONTH_NAMES[second - 1]} ${first}, ${year}`;
      const problem = `is ambiguous (${readings}): set the dateFormat option to "MDY" or "DMY"`;
      return { text, isoDate: null, problem, style: null };
    }
    const yearToken = m[4].length === 2 ? "yy" : "year";
    const [monthGroup, dayGroup] = order === "MDY" ? [1, 3] : [3, 1];
    const parts: [number, Token][] = [
      [monthGroup, numberToken(m[monthGroup], m[dayGroup], "mm")],
      [dayGroup, numberToken(m[dayGroup], m[monthGroup], "dd")],
      [4, yearToken],
    ];
    return result(m, [year, +m[monthGroup], +m[dayGroup]], parts);
  }
  return null;
}
