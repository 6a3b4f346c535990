import { MONTH_PATTERN } from "../parse/dates.js";

/**
 * Dates for the diff. A version's stated date comes from parse/stated-date.ts, the finder the last-updated rule uses,
 * so "Last updated" means the same to the diff as to lint; telling a bumped date from a reworded sentence is the diff's
 * own concern and lives here.
 */

const MONTH = String.raw`(?:${MONTH_PATTERN})\.?`;
const DATE_SOURCE = [
  String.raw`${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`,
  String.raw`\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+\d{4}`,
  String.raw`\d{4}-\d{1,2}-\d{1,2}`,
  String.raw`\d{1,2}[./]\d{1,2}[./]\d{2,4}`,
  String.raw`${MONTH}\s+\d{4}`,
].join("|");
const DATE = new RegExp(String.raw`\b(?:${DATE_SOURCE})\b`, "gi");
const LABEL = new RegExp(
  String.raw`\b(?:last\s+(?:updated|modified|revised|changed|reviewed)|(?:updated|revised|modified)(?:\s+on)?` +
    String.raw`|effective(?:\s+date|\s+as\s+of|\s+from|\s+on)?` +
    String.raw`|date\s+of\s+last\s+(?:revision|update)|version\s+date)\b`,
  "i",
);

/** When the only difference between two texts is the date after a "Last updated"-style label, the two dates. */
export function dateBump(oldText: string, newText: string): { old: string; new: string } | null {
  if (!LABEL.test(newText) || !LABEL.test(oldText)) return null;
  const oldDates = oldText.match(DATE) ?? [];
  const newDates = newText.match(DATE) ?? [];
  if (!oldDates.length || oldDates.length !== newDates.length) return null;
  if (oldText.replace(DATE, "\u0001") !== newText.replace(DATE, "\u0001")) return null;
  const changed = oldDates.map((d, i) => [d, newDates[i]]).filter(([a, b]) => a !== b);
  if (changed.length !== 1) return null;
  return { old: changed[0][0], new: changed[0][1] };
}

export function isDateText(text: string): boolean {
  return new RegExp(String.raw`^(?:${DATE_SOURCE})$`, "i").test(text.trim());
}

const DATE_ONLY = new RegExp(String.raw`\b(?:${DATE_SOURCE})\b`, "gi");

/**
 * A line that only dates the document: "Last modified: 2023-06-07", "Updated: March 21, 2025", a bare "03/25/2022"
 * under the title, "January 20, altia2025" (a date with stray characters from a capture). Its coming, going or
 * changing is the date moving, not the policy.
 */
export function isDateLine(text: string): boolean {
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat || flat.length > 80) return false;
  const rest = flat.replace(DATE_ONLY, " ").replace(LABEL, " ");
  if (rest === flat.replace(LABEL, " ")) {
    // No whole date: a month name and a year-like number with a few stray letters around them.
    if (!new RegExp(String.raw`^\W*${MONTH}\s+\d{1,2},?\s+\S{0,8}\d{4}\W*$`, "i").test(flat)) return false;
    return true;
  }
  return (
    rest
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
      .split(" ")
      .filter(Boolean).length <= 1
  );
}
