import { writeDate } from "../parse/date-style.js";
import { parseDocument } from "../parse/document.js";
import { findStatedDate, readDate } from "../parse/stated-date.js";

/**
 * `diff --against REV --fix`: the one fix that is always safe for a gate on dates. When a policy's meaning changed
 * and its stated date did not move, the date is set to today in the style it is written in ("March 1, 2026" →
 * "November 28, 2026", "2026-03-01" → "2026-11-28", "1 March 2026" → "28 November 2026"). The style is the one
 * `readDate` recorded as it read the date (parse/date-style.ts); a date it could not read as one day (an ambiguous
 * "03/01/2026") is left alone and said, never guessed: a wrong date in a legal page is worse than a failed gate.
 * `check --fix` makes the same edit through the date-moves-with-substance rule's fix.
 */

/** `today` (YYYY-MM-DD) written as the date `stated` is written, or null when it is not one date read whole. */
export function restyle(stated: string, today: string): string | null {
  const read = readDate(stated.trim());
  return read?.style && read.text === stated.trim() ? writeDate(read.style, today) : null;
}

/** The text with its stated date (the one the diff reads) replaced by today's, or why it cannot be. */
export function moveStatedDate(
  text: string,
  today: string,
): { text: string; date: string; was: string } | { problem: string } {
  const doc = parseDocument(text);
  const stated = findStatedDate(doc);
  if (!stated) return { problem: "it states no date for --fix to move" };
  if (!stated.style)
    return { problem: `the stated date "${stated.text}" is in a style --fix does not write; move it by hand` };
  const date = writeDate(stated.style, today);
  // The stated date's offsets are in the text as parsed, which has no byte order mark.
  const bom = text.length - doc.source.length;
  return {
    text: text.slice(0, bom + stated.start) + date + text.slice(bom + stated.end),
    date,
    was: stated.text,
  };
}
