/**
 * The one sentence splitter. Its callers ask different questions of a sentence and were written with different
 * boundaries; the boundaries are kept as they were (the output of `check` and `diff` stays the same) and named here:
 *
 * - "prose": the classifier's. A break after . ! ? (and closing quotes or brackets) before a capital, a digit, a
 *   quote or a bracket, and at newlines; not after an abbreviation ("e.g.", "Inc.") or a section number ("1.2.").
 * - "capital": a lead-in's last sentence (no-empty-sections). A break after . ! ? (and closing quotes or brackets)
 *   before a capital, which may itself open a quote or bracket, and at every newline; no abbreviation list.
 * - "stop": where a reviewer's note ends (no-review-markers). Any . ! ? followed by white space or the end of the
 *   text, or a newline.
 */
export type SentenceStyle = "prose" | "capital" | "stop";

export interface Span {
  start: number;
  end: number;
}

const BOUNDARIES: Record<SentenceStyle, RegExp> = {
  prose: /[.!?]["'”’)\]]*\s+(?=[\p{Lu}\p{N}"“'‘(\[_*])|\n+/gu,
  capital: /[.!?]["”’)\]]*\s+(?=["“(\[]?\p{Lu})|\n/gu,
  stop: /[.!?](?=\s|$)|\n/g,
};

const ABBREVIATIONS = new Set("e.g i.e etc inc ltd co u.s u.k e.u no vs st mr ms dr approx incl cf al".split(" "));

/** Boundaries from `from` on: each match of the style's pattern that really ends a sentence. */
function* boundaries(text: string, style: SentenceStyle, from = 0): Generator<RegExpExecArray> {
  // A copy per call: the patterns are global, and a caller may stop iterating half-way.
  const boundary = new RegExp(BOUNDARIES[style]);
  boundary.lastIndex = from;
  let start = from;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (style === "prose" && m[0][0] === "." && !endsSentence(text, start, m.index)) continue;
    yield m;
    start = m.index + m[0].length;
  }
}

/** Whether the "." at `at` ends the sentence begun at `start` (the prose style's exceptions). */
function endsSentence(text: string, start: number, at: number): boolean {
  // Only the last few characters: an abbreviation is short, and a pattern anchored at the end of a long run of
  // letters would be tried from every one of them.
  const word = /(?<![\p{L}.])([\p{L}.]+)$/u.exec(text.slice(Math.max(start, at - 24), at))?.[1]?.toLowerCase() ?? "";
  if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) return false;
  // "1.2. Data we collect": the number of what follows, not a sentence of its own.
  return !(at - start <= 16 && /^\s*(?:\d+(?:\.\d+)*|[ivxlc]+)$/i.test(text.slice(start, at)));
}

/** Sentence spans that partition the text, each with the white space after it. */
export function sentenceSpans(text: string, style: SentenceStyle = "prose"): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of boundaries(text, style)) {
    const end = m.index + m[0].length;
    if (end > start) spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** The text after the last boundary: the sentence a text ends with (empty when it ends with a boundary). */
export function lastSentence(text: string, style: SentenceStyle = "capital"): string {
  let start = 0;
  for (const m of boundaries(text, style)) start = m.index + m[0].length;
  return text.slice(start);
}

/**
 * Where the sentence running on at `from` ends: after its closing punctuation (white space excluded), before a
 * newline; at the end of the text without its trailing white space when no boundary follows.
 */
export function sentenceEnd(text: string, from: number, style: SentenceStyle = "stop"): number {
  for (const m of boundaries(text, style, from)) return m.index + m[0].trimEnd().length;
  return text.trimEnd().length;
}
