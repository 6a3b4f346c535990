/** Calendar helpers shared by the date rule, `--today` and `notice --effective`, all on plain YYYY-MM-DD strings. */
export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

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
