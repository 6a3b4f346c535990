/**
 * The text-matching primitives rules and the classifier share: vocabularies are words, not patterns, so they are
 * escaped one way; and matches are walked one way, with their offsets typed as present.
 */

const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** A literal string as a regular-expression pattern. */
export function escapeRegExp(text: string): string {
  return text.replace(SPECIAL, "\\$&");
}

/** A literal phrase whose spaces match any run of whitespace, so a phrase wrapped across lines still matches. */
export function escapePhrase(text: string): string {
  return escapeRegExp(text).replace(/ /g, "\\s+");
}

/** One match of `matchesOf`: the exec array with where it starts and ends in the text. */
export type Match = RegExpExecArray & { readonly start: number; readonly end: number };

/**
 * Every match of a global pattern in `text`, in order, each with its `start` and `end` offsets, so no caller
 * asserts `m.index!` or adds up `m.index + m[0].length` again. A pattern without the g flag throws, as `matchAll`
 * does: it would find only the first match.
 */
export function* matchesOf(pattern: RegExp, text: string): Generator<Match, void, undefined> {
  for (const m of text.matchAll(pattern)) yield Object.assign(m, { start: m.index, end: m.index + m[0].length });
}
