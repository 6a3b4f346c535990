import { rememberedByText } from "./memo.js";

/**
 * Whether every letter and digit of a text is ASCII, as in most of a policy's paragraphs (curly quotes and dashes
 * allowed). In such a text a pattern without the `u` flag, with [A-Za-z0-9] for [\p{L}\p{N}], finds what the Unicode
 * pattern finds, for phrases written in ASCII: no other character is a letter or digit to either, and the only
 * characters that case folding maps onto ASCII letters (the long s, the Kelvin sign) are letters themselves.
 */
export function isPlain(text: string): boolean {
  return !NON_ASCII.test(text) || !NON_ASCII_LETTER.test(text);
}

/** isPlain remembered, for a text that several vocabularies read in turn. */
export const plainText: (text: string) => boolean = rememberedByText(isPlain, 2048);

const NON_ASCII = /[^\0-\x7F]/;
const NON_ASCII_LETTER = /(?![\0-\x7F])[\p{L}\p{N}]/u;
