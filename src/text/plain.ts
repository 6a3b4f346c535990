import { rememberedByText } from "./memo.js";

/**
 * Whether every letter and digit of a text is ASCII, as in most of a policy's paragraphs (curly quotes and dashes
 * allowed), letters and digits being what a case-insensitive Unicode pattern's [\p{L}\p{N}] takes. In such a text a
 * pattern without the `u` flag, with [A-Za-z0-9] for [\p{L}\p{N}], finds what the Unicode pattern finds, for phrases
 * written in ASCII: no other character is a letter or digit to either, and the only characters that case folding maps
 * onto ASCII letters (the long s, the Kelvin sign) are letters themselves.
 */
export function isPlain(text: string): boolean {
  if (isAscii(text)) return true;
  for (const [ch] of text.matchAll(EACH_NON_ASCII)) if (LETTER.test(ch)) return false;
  return true;
}

/** Whether every character is ASCII: a phrase that is has an ASCII twin of its pattern. */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** isPlain remembered, for a text that several vocabularies read in turn. */
export const plainText: (text: string) => boolean = rememberedByText(isPlain, 2048);

const NON_ASCII = /[^\0-\x7F]/;
const EACH_NON_ASCII = /[^\0-\x7F]/gu;
// With the `i` flag, as the case-insensitive patterns read the class: case folding brings more into it than letters
// and digits (the combining ypogegrammeni, U+0345, folds to iota).
const LETTER = /[\p{L}\p{N}]/iu;
