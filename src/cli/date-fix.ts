import { MONTH_NAMES, monthNumber } from "../parse/dates.js";

/**
 * `diff --against REV --fix`: the one fix that is always safe for a gate on dates. When a policy's meaning changed
 * and its stated date did not move, the date is set to today in the style it is written in ("March 1, 2026" →
 * "November 28, 2026", "2026-03-01" → "2026-11-28", "1 March 2026" → "28 November 2026"). A style it does not
 * recognise is left alone and said, never guessed: a wrong date in a legal page is worse than a failed gate.
 */

type Ymd = { year: number; month: number; day: number };

const ordinal = (day: number) =>
  day % 10 === 1 && day !== 11
    ? "st"
    : day % 10 === 2 && day !== 12
      ? "nd"
      : day % 10 === 3 && day !== 13
        ? "rd"
        : "th";

// A month is any capitalised word here, known by monthNumber(): literal patterns, vetted where they are written.
const MONTH = (word: string) => monthNumber(word) !== undefined;

/** Each style: how to recognise it, and how to write `today` in it, keeping what the old date's text chose. */
const STYLES: { pattern: RegExp; month?: number; write: (d: Ymd, m: RegExpExecArray) => string }[] = [
  { pattern: /^\d{4}-\d{2}-\d{2}$/, write: (d) => `${d.year}-${pad(d.month)}-${pad(d.day)}` },
  {
    // "March 1, 2026", "March 1st, 2026", "Mar. 1, 2026", "Sept 3, 2021"
    pattern: /^([A-Z][a-z]{2,8})(\.?) (\d{1,2})(st|nd|rd|th)?(,?) (\d{4})$/,
    month: 1,
    write: (d, m) => `${monthLike(m[1], d.month)}${m[2]} ${d.day}${m[4] ? ordinal(d.day) : ""}${m[5]} ${d.year}`,
  },
  {
    // "1 March 2026", "1st of March 2026"
    pattern: /^(\d{1,2})(st|nd|rd|th)?( of)? ([A-Z][a-z]{2,8})(\.?),? (\d{4})$/,
    month: 4,
    write: (d, m) => `${d.day}${m[2] ? ordinal(d.day) : ""}${m[3] ?? ""} ${monthLike(m[4], d.month)}${m[5]} ${d.year}`,
  },
  // "March 2026"
  { pattern: /^([A-Z][a-z]{2,8}) (\d{4})$/, month: 1, write: (d, m) => `${monthLike(m[1], d.month)} ${d.year}` },
];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The month in the form the old one had: its full name, or its abbreviation ("Sept" is September's own). */
function monthLike(old: string, month: number): string {
  const full = MONTH_NAMES[month - 1];
  if (MONTH_NAMES.includes(old)) return full;
  // "May" is its own abbreviation; any other old month of three letters or "Sept" is abbreviated.
  return month === 9 && old === "Sept" ? "Sept" : full.slice(0, 3);
}

/** `today` (YYYY-MM-DD) written as `stated` is written, or null when that style is not one of the known ones. */
export function restyle(stated: string, today: string): string | null {
  const [year, month, day] = today.split("-").map(Number);
  for (const style of STYLES) {
    const match = style.pattern.exec(stated.trim());
    if (match && (style.month === undefined || MONTH(match[style.month])))
      return style.write({ year, month, day }, match);
  }
  return null;
}

/**
 * The text with the stated date on `line` (1-based) replaced by today's, or why it cannot be: the style is not known,
 * or the date is not on that line as stated.
 */
export function moveStatedDate(
  text: string,
  stated: { text: string; line: number },
  today: string,
): { text: string; date: string } | { problem: string } {
  const date = restyle(stated.text, today);
  if (!date) return { problem: `the stated date "${stated.text}" is in a style --fix does not write; move it by hand` };
  const lines = text.split("\n");
  const at = lines[stated.line - 1]?.indexOf(stated.text) ?? -1;
  if (at < 0)
    return { problem: `the stated date "${stated.text}" is not on line ${stated.line} as read; move it by hand` };
  const line = lines[stated.line - 1];
  lines[stated.line - 1] = line.slice(0, at) + date + line.slice(at + stated.text.length);
  return { text: lines.join("\n"), date };
}
