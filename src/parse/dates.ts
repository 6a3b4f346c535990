/**
 * Dates as policies write them, the one place that knows month names: the calendar on plain YYYY-MM-DD strings
 * (`--today`, `notice --effective`, the age of a stated date) and `readDate`, which reads a date at the start of a
 * text. The date rule, the diff and the CLI all read dates through here, so "March 3" means one thing to all of them.
 */

/** Every month name and abbreviation real policies write, lower case, with its number. */
const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** "January" … "December": how a notice to readers writes a month. */
export const MONTH_NAMES = Object.keys(MONTHS)
  .filter((name, i, all) => all.findIndex((n) => MONTHS[n] === MONTHS[name]) === i)
  .map((name) => name[0].toUpperCase() + name.slice(1));

/** "Sunday" … "Saturday", in the order of `Date.prototype.getUTCDay`: how a date led by its weekday is rewritten. */
export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The weekday of a real day, 0 for Sunday, as `getUTCDay` counts. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

const byLength = (a: string, b: string) => b.length - a.length;

/** A regular expression source matching any month name or abbreviation (no group; match it case-insensitively). */
export const MONTH_PATTERN = Object.keys(MONTHS).sort(byLength).join("|");

/** The number of a month name or abbreviation ("Sept." → 9); undefined for anything else. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, "")];
}

/** A day that exists: not February 30th, not month 13. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!(month >= 1 && month <= 12) || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** YYYY-MM-DD as its parts when it names a real day; null otherwise. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/** "June 1, 2026": how a notice to readers writes a date. */
export function longDate({ year, month, day }: { year: number; month: number; day: number }): string {
  return `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `from` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
