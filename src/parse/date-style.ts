import { MONTH_NAMES, parseIsoDate, WEEKDAY_NAMES, weekdayOf } from "./dates.js";

/**
 * How a stated date is written, so that a fix can write another day the same way: "March 1st, 2026" is the template
 * "{month} {day}{ordinal}, {year}" in title case, "01.03.26" is "{dd}.{mm}.{yy}". `readDate` records it as it reads the
 * date, from the very groups it read the day, month and year from, so the reader and the writer never disagree on
 * what the parts of a date are.
 */
export interface DateStyle {
  /** The date's text with each part replaced by a token; every other character is kept as written. */
  template: string;
  /** The case the month's (or weekday's) name is written in. */
  letterCase: "title" | "upper" | "lower";
}

/** A part of a date as read: where it is in the text (UTF-16 offsets) and the token it is written as. */
export interface StylePart {
  at: [number, number];
  token: Token;
}

export type Token =
  "year" | "yy" | "m" | "mm" | "d" | "dd" | "ordinal" | "month" | "mon" | "sept" | "weekday" | "wkd" | "wkd4";

/** The style of `text`, whose parts are given; the case is that of `word` (a month's or weekday's name), if any. */
export function styleOf(text: string, parts: StylePart[], word?: string): DateStyle {
  let template = "";
  let from = 0;
  for (const part of [...parts].sort((a, b) => a.at[0] - b.at[0])) {
    template += text.slice(from, part.at[0]) + `{${part.token}}`;
    from = part.at[1];
  }
  template += text.slice(from);
  const letterCase =
    !word || !/\p{L}/u.test(word)
      ? "title"
      : word === word.toUpperCase()
        ? "upper"
        : word === word.toLowerCase()
          ? "lower"
          : "title";
  return { template, letterCase };
}

/** The token of a written month name: its full name, "Sept" (September's own abbreviation), or three letters. */
export function monthToken(written: string): Token {
  const word = written.replace(/\.$/, "").toLowerCase();
  if (MONTH_NAMES.some((name) => name.toLowerCase() === word)) return "month";
  return word === "sept" ? "sept" : "mon";
}

/** The token of a written weekday: its full name, "Tues"/"Thurs" (four letters and more), or three letters. */
export function weekdayToken(written: string): Token {
  const word = written.toLowerCase();
  if (WEEKDAY_NAMES.some((name) => name.toLowerCase() === word)) return "weekday";
  return word.length > 3 ? "wkd4" : "wkd";
}

/**
 * The token of a number of the date: zero-padded ("03") or not ("3"). A number of two digits that needs no padding
 * ("12") says nothing, so the other number of the date decides (`other`), and padded is the default.
 */
export function numberToken(written: string, other: string | undefined, padded: "mm" | "dd"): Token {
  const bare = padded === "mm" ? "m" : "d";
  const says = (n: string) => (n.length === 1 ? bare : n.startsWith("0") ? padded : null);
  return says(written) ?? (other !== undefined ? says(other) : null) ?? padded;
}

const ordinal = (day: number) =>
  day % 10 === 1 && day !== 11
    ? "st"
    : day % 10 === 2 && day !== 12
      ? "nd"
      : day % 10 === 3 && day !== 13
        ? "rd"
        : "th";

/** `iso` (YYYY-MM-DD) written in `style`. */
export function writeDate(style: DateStyle, iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`not a date: ${iso}`);
  const { year, month, day } = date;
  const monthName = MONTH_NAMES[month - 1];
  const weekday = WEEKDAY_NAMES[weekdayOf(year, month, day)];
  const cased = (word: string) =>
    style.letterCase === "upper" ? word.toUpperCase() : style.letterCase === "lower" ? word.toLowerCase() : word;
  const pad = (n: number) => String(n).padStart(2, "0");
  const tokens: Record<Token, () => string> = {
    year: () => String(year),
    yy: () => pad(year % 100),
    m: () => String(month),
    mm: () => pad(month),
    d: () => String(day),
    dd: () => pad(day),
    ordinal: () => cased(ordinal(day)),
    month: () => cased(monthName),
    mon: () => cased(monthName.slice(0, 3)),
    sept: () => cased(month === 9 ? "Sept" : monthName.slice(0, 3)),
    weekday: () => cased(weekday),
    wkd: () => cased(weekday.slice(0, 3)),
    wkd4: () => cased(weekday === "Tuesday" ? "Tues" : weekday === "Thursday" ? "Thurs" : weekday.slice(0, 3)),
  };
  return style.template.replace(/\{(\w+)\}/g, (_, token: Token) => tokens[token]());
}
