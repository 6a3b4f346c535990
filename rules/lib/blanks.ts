import { loadRuleData } from "../../src/engine/data.js";
import { escapeRegExp, matchesOf } from "../../src/text/regexp.js";

/**
 * What a policy's reader was never meant to see: notes for its authors and blanks of its template. One detector,
 * read by no-review-markers (which reports the notes), no-placeholders (which reports the blanks and leaves the
 * notes to the other rule) and required-sections (which blanks both out before it looks for a disclosure).
 */

export interface ReviewMarkerData {
  tags: string[];
  words: string[];
  phrases: string[];
}

export const reviewMarkerData = loadRuleData<ReviewMarkerData>("review-markers");

/** `[LAWYER]`, `[TODO: …]`: text in square brackets, on one line. Placeholders are shorter (see `isShortBracket`). */
export const BRACKETED = /\[([^\[\]\n]{1,200})\]/g;
const PLACEHOLDER_BRACKET_LENGTH = 80;

/** A bracket short enough to be a blank left to fill; longer ones are notes or asides. */
export function isShortBracket(inner: string): boolean {
  return inner.length <= PLACEHOLDER_BRACKET_LENGTH;
}

/** Template syntax: `{{company}}`, `{% if %}`, `${name}`, `{name}`. */
export const TEMPLATE_VARIABLE = new RegExp(
  [
    String.raw`\{\{[^{}\n]{1,80}\}\}`,
    String.raw`\{%[^%\n]{1,80}%\}`,
    String.raw`\$\{[A-Za-z_][\w.]*\}`,
    String.raw`(?<![\w$-])\{[A-Za-z_][\w.-]*\}(?![\w-])`,
  ].join("|"),
  "g",
);
/** `__EFFECTIVE_DATE__`, `%COMPANY_NAME%`. */
export const SNAKE_PLACEHOLDER =
  /(?<![\w])(?:__[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*__|%[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+%)(?![\w])/g;
export const TO_BE_DECIDED = /\b(?:TBD|TBC|TBA)\b/g;

/** How far the text a marker starts belongs to the note. */
export type NoteReach = "marker" | "sentence" | "block";

export interface FoundNote {
  /** The marker itself: a bracketed tag, a phrase or a word. */
  start: number;
  end: number;
  kind: "tag" | "phrase" | "word";
  reach: NoteReach;
}

/** The notes of one vocabulary: the shipped one, or a rule's options. */
export class NoteFinder {
  /** The opening of a bracket or comment that makes it a note: a tag, then a colon, a dash or nothing. */
  readonly tagStart: RegExp;
  private readonly words: RegExp | null;
  private readonly phrases: RegExp | null;
  private readonly anyWord: RegExp | null;
  private readonly anyPhrase: RegExp | null;

  constructor({ tags, words, phrases }: ReviewMarkerData) {
    const alternatives = [...tags].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.tagStart = new RegExp(`^\\s*(?:${alternatives.join("|")})(?:\\s*[:\\-–—]|\\s*$)`, "i");
    // Words are upper case by definition ("TODO", not "todo items"); phrases are matched in any case.
    const wordSource = `\\b(?:${words.map(escapeRegExp).join("|")})\\b`;
    const phraseSource = phrases.map(escapeRegExp).join("|");
    this.words = words.length ? new RegExp(wordSource, "g") : null;
    this.phrases = phrases.length ? new RegExp(phraseSource, "gi") : null;
    this.anyWord = words.length ? new RegExp(wordSource) : null;
    this.anyPhrase = phrases.length ? new RegExp(phraseSource, "i") : null;
  }

  /** `[LAWYER]`, `[DRAFTING NOTE: …]`: a bracket's content that opens with a reviewer tag. */
  isTag(bracketContent: string): boolean {
    return this.tagStart.test(bracketContent);
  }

  /**
   * The notes in a block's text: bracketed tags, then phrases, then words, each in the order of the text. A tag
   * that opens a sentence opens a note running to the end of the block; one named mid-sentence ("sections marked
   * [LAWYER]") is only the tag. A phrase or word marks the sentence it starts.
   */
  *notesIn(text: string): Generator<FoundNote> {
    for (const m of matchesOf(BRACKETED, text)) {
      if (!this.isTag(m[1])) continue;
      const opensNote = /^\s*$|[.!?:]\s+$|\n[^\S\n]*$/.test(text.slice(0, m.start));
      yield { start: m.start, end: m.end, kind: "tag", reach: opensNote ? "block" : "marker" };
    }
    for (const [kind, pattern] of [
      ["phrase", this.phrases],
      ["word", this.words],
    ] as const) {
      if (!pattern) continue;
      for (const m of matchesOf(pattern, text)) yield { start: m.start, end: m.end, kind, reach: "sentence" };
    }
  }

  /** Whether an HTML comment's body is a note: it opens with a tag (bracketed or not), or holds a word or phrase. */
  isNote(body: string): boolean {
    const opening = /^\[([^\]]*)\]/.exec(body)?.[1] ?? body;
    return this.isTag(opening) || (this.anyWord?.test(body) ?? false) || (this.anyPhrase?.test(body) ?? false);
  }
}

/** The shipped vocabulary's notes. */
export const reviewNotes = new NoteFinder(reviewMarkerData);

export function isReviewTag(bracketContent: string): boolean {
  return reviewNotes.isTag(bracketContent);
}
