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
 *
 * An exec loop on the pattern itself, collected at once, not `matchAll`: that copies the pattern on every call and
 * yields through an iterator, and the rules call this for every pattern on every block (a sixth of `check`'s time
 * on the corpus went there). Nothing runs between the calls to exec, so the pattern's lastIndex is restored intact.
 */
export function matchesOf(pattern: RegExp, text: string): Match[] {
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern: /${pattern.source}/${pattern.flags}`);
  const found: Match[] = [];
  const saved = pattern.lastIndex;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const match = m as RegExpExecArray & { start: number; end: number };
    match.start = m.index;
    match.end = m.index + m[0].length;
    found.push(match);
    // An empty match would be found again at the same place; step over it (a whole code point under u or v).
    if (m[0].length === 0)
      pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode || pattern.flags.includes("v"));
  }
  pattern.lastIndex = saved;
  return found;
}

function nextIndex(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const [high, low] = [text.charCodeAt(at), text.charCodeAt(at + 1)];
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? at + 2 : at + 1;
}
