import type { Knowledge } from "./knowledge.js";
import { plainText } from "../text/plain.js";
import { rememberedByText } from "../text/memo.js";
import { diffArrays } from "../diff/myers.js";

/**
 * Whether two wordings say the same thing to a reader: spacing, capitalisation, punctuation and typographic quotes,
 * spelling variants and declared equivalents, and typo fixes (a misspelt word, a stray or missing small word). The
 * answer names what differed; null means the meaning may have changed, and then the change is never editorial.
 */

export type EditorialKind = "whitespace" | "capitalisation" | "punctuation" | "spelling-variant" | "typo";

export type Step = "case" | "punctuation" | "spelling";
const STEPS: Step[] = ["case", "punctuation", "spelling"];
const KIND: Record<Step, EditorialKind> = {
  case: "capitalisation",
  punctuation: "punctuation",
  spelling: "spelling-variant",
};

/**
 * A text as the editorial comparison reads it, all steps applied or all but `skip`. Remembered per vocabulary: a
 * change's texts are normalised for the comparison, again for their content words, and once per step left out.
 */
export function normalise(text: string, k: Knowledge, skip?: Step): string {
  let memos = normalised.get(k);
  if (!memos) normalised.set(k, (memos = new Map()));
  // One memo per step left out, keyed by the text alone: a key joining the step and the text was a new string to
  // build and hash at every call, as long as the text (a whole section, for a section that changed).
  let memo = memos.get(skip);
  if (!memo) memos.set(skip, (memo = rememberedByText((t) => normaliseNow(t, k, skip))));
  return memo(text);
}

const normalised = new WeakMap<Knowledge, Map<Step | undefined, (text: string) => string>>();

/**
 * A long text is normalised sentence by sentence, each remembered: a paragraph's old and new wordings share most of
 * their sentences, and so do the versions of a history. The cut is after a full stop and a space, before a printable
 * ASCII character, where every step reads the space as the end of a text (no pattern, case rule or canonical
 * composition reaches across it), so the sentences' results joined by a space are the whole text's (the test
 * tests/editorial-fast.test.ts holds them equal). Not when an equivalent phrase could reach across a cut.
 */
function normaliseNow(text: string, k: Knowledge, skip?: Step): string {
  if (text.length < SENTENCE_CUT_FROM || !cutsAllowed(k)) return normaliseWhole(text, k, skip);
  const parts = text.split(SENTENCE_END);
  if (parts.length === 1) return normaliseWhole(text, k, skip);
  let out = "";
  for (const part of parts) {
    const done = normalise(part, k, skip);
    if (done) out = out ? `${out} ${done}` : done;
  }
  return out;
}

/** Texts shorter than this are normalised whole: most are one sentence. */
const SENTENCE_CUT_FROM = 160;
const SENTENCE_END = /(?<=\. )(?=[!-~])/;

const cutsAllowed = (k: Knowledge): boolean => {
  let allowed = cutMemo.get(k);
  if (allowed === undefined) {
    allowed = k.equivalents.every(({ phrase }) => phrase === phrase.trim() && !phrase.includes(". "));
    cutMemo.set(k, allowed);
  }
  return allowed;
};
const cutMemo = new WeakMap<Knowledge, boolean>();

/** The definition: every step over the whole text (exported for the test that holds normalise to it). */
export function normaliseWhole(text: string, k: Knowledge, skip?: Step): string {
  let t = text
    .normalize("NFKC")
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[‐‑‒–—]/g, "-");
  if (skip !== "case") t = t.toLowerCase();
  if (skip !== "spelling") t = respell(t, k, skip === "case");
  // Punctuation goes, except between digits (1.5 years is not 15 years) and currency signs (not punctuation).
  if (skip !== "punctuation") t = t.replace(/(?<!\d)[.,](?!\d)|[!?;:'"()[\]{}<>*_~/\\|#@-]/g, " ");
  t = t.replace(/\s+/g, " ").trim();
  return t;
}

const caseless = new WeakMap<RegExp, RegExp>();

/** The pattern with the `i` flag added, made once. */
function ignoringCase(re: RegExp): RegExp {
  let pattern = caseless.get(re);
  if (!pattern) caseless.set(re, (pattern = new RegExp(re.source, `${re.flags}i`)));
  return pattern;
}

/**
 * Case folded as a case-insensitive Unicode pattern sees it, near enough for a containment test: "ſ" and the Kelvin
 * sign match "s" and "k" there, and upper- then lower-casing maps them so too.
 */
const fold = (text: string): string => text.toUpperCase().toLowerCase();

/** Maps spelling variants and declared equivalents onto one form, and British endings onto American ones. */
export function respell(text: string, k: Knowledge, keepCase = false): string {
  let t = text;
  let seen = keepCase ? fold(t) : t;
  // A plain text (every letter ASCII) is read with the ASCII twins of the patterns: the same matches, faster. Each
  // replacement is an ASCII token, so the text stays plain.
  const plain = plainText(t);
  // Each group becomes one neutral token, so "Polldaddy" and "Crowdsignal" are equal whatever their capitals. A phrase
  // the text does not contain cannot match: most of the hundred are skipped without running their pattern.
  for (const { re, plain: twin, canonical, phrase } of k.equivalents) {
    if (!seen.includes(phrase)) continue;
    const pattern = plain && twin ? twin : re;
    const next = t.replace(keepCase ? ignoringCase(pattern) : pattern, canonical);
    if (next !== t) seen = keepCase ? fold((t = next)) : (t = next);
  }
  const { minLength } = k.suffixRules;
  const american = americanOf(k);
  return t.replace(plain ? ASCII_WORDS : WORDS, (word) => (word.length < minLength ? word : american(word)));
}

const WORDS = /\p{L}+/gu;
const ASCII_WORDS = /[A-Za-z]+/g;

/** A word with a British ending given the American one, remembered per vocabulary: prose repeats its long words. */
function americanOf(k: Knowledge): (word: string) => string {
  let memo = americanWords.get(k);
  if (!memo) {
    const { suffixes } = k.suffixRules;
    memo = rememberedByText((word) => {
      const lower = word.toLowerCase();
      for (const [from, to] of suffixes) if (lower.endsWith(from)) return word.slice(0, -from.length) + to;
      return word;
    });
    americanWords.set(k, memo);
  }
  return memo;
}

const americanWords = new WeakMap<Knowledge, (word: string) => string>();

export function explainEditorial(oldText: string, newText: string, k: Knowledge): EditorialKind[] | null {
  if (oldText === newText) return [];
  const a = normalise(oldText, k);
  const b = normalise(newText, k);
  // Typographic quotes and dashes are all that is left when no step is needed.
  if (a === b) return orPunctuation(necessary(oldText, newText, k, "equal"));
  if (a.replace(/\s/g, "") === b.replace(/\s/g, ""))
    return [...necessary(oldText, newText, k, "spaceless"), "whitespace"];
  const kinds = tokenRepairs(a.split(" "), b.split(" "), k);
  if (!kinds) return null;
  return [...new Set([...necessary(oldText, newText, k, "tokens"), ...kinds])];
}

function orPunctuation(kinds: EditorialKind[]): EditorialKind[] {
  return kinds.length ? kinds : ["punctuation"];
}

/** The normalisation steps without which the two wordings would differ: what the edit actually was. */
function necessary(
  oldText: string,
  newText: string,
  k: Knowledge,
  compare: "equal" | "spaceless" | "tokens",
): EditorialKind[] {
  const kinds: EditorialKind[] = [];
  for (const step of STEPS) {
    const a = normalise(oldText, k, step);
    const b = normalise(newText, k, step);
    const same =
      compare === "equal"
        ? a === b
        : compare === "spaceless"
          ? a.replace(/\s/g, "") === b.replace(/\s/g, "")
          : sameTokensUpToRepairs(a, b, k);
    if (!same) kinds.push(KIND[step]);
  }
  return kinds;
}

function sameTokensUpToRepairs(a: string, b: string, k: Knowledge): boolean {
  return tokenRepairs(a.split(/\s+/), b.split(/\s+/), k) !== null;
}

/** Each run of differing words must be a typo fix, a stray small word, or words split or joined. */
export function tokenRepairs(a: string[], b: string[], k: Knowledge): EditorialKind[] | null {
  if (unrepaired(a, b, k, "removed") || unrepaired(b, a, k, "added")) return null;
  return repairsOfDiff(a, b, k);
}

/** tokenRepairs read from the diff of the words alone, run by run (exported for the test that holds the two equal). */
export function repairsOfDiff(a: string[], b: string[], k: Knowledge): EditorialKind[] | null {
  const kinds = new Set<EditorialKind>();
  const parts = diffArrays(a, b);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.added && !part.removed) continue;
    const next = parts[i + 1];
    const removed = part.removed ? part.value : [];
    const added = part.removed && next?.added ? next.value : part.added ? part.value : [];
    if (part.removed && next?.added) i++;
    const kind = repair(removed, added, k);
    if (!kind) return null;
    kinds.add(kind);
  }
  return [...kinds];
}

/**
 * Whether a word of `from` must stand in a run no repair explains, whatever the diff: a word `from` has more often
 * than `to` is in a run of removed (or added) words in any diff, and such a run is a repair only if the word is a
 * small word, part of words split or joined (so inside `to` run together), or a misspelling or sound-alike of a word
 * of `to`. A rewrite is told from an edit this way without diffing a long paragraph's words, which took a third of
 * the time of classifying the largest history.
 */
function unrepaired(from: string[], to: string[], k: Knowledge, side: "removed" | "added"): boolean {
  const left = new Map<string, number>();
  for (const w of to) left.set(w, (left.get(w) ?? 0) + 1);
  let joined: string | undefined;
  let others: string[] | undefined;
  for (const w of from) {
    const n = left.get(w);
    if (n) {
      left.set(w, n - 1);
      continue;
    }
    if (k.fillers.has(w) || (joined ??= to.join("")).includes(w)) continue;
    others ??= [...left.keys()];
    // A misspelling is within two letters of the word or begins it (see misspelt): others are not tried for it.
    const partner = (v: string) => {
      const removed = side === "removed" ? w : v;
      const added = side === "removed" ? v : w;
      if (soundAlike(removed, added, k)) return true;
      return (Math.abs(v.length - w.length) <= 2 || v.startsWith(w) || w.startsWith(v)) && misspelt(removed, added, k);
    };
    if (!others.some(partner)) return true;
  }
  return false;
}

/** A word written for its sound-alike ("are" for "our"). */
function soundAlike(removed: string, added: string, k: Knowledge): boolean {
  return k.homophones.has(removed) && k.homophones.get(removed) === k.homophones.get(added);
}

function repair(removed: string[], added: string[], k: Knowledge): EditorialKind | null {
  if (removed.join("") === added.join("") && removed.length + added.length > 0) return "spelling-variant";
  if (!removed.length || !added.length) {
    const words = removed.length ? removed : added;
    return words.every((w) => k.fillers.has(w)) ? "typo" : null;
  }
  if (removed.length === 1 && added.length === 1 && misspelt(removed[0], added[0], k)) return "typo";
  // "the data we use improve {are → our} services": a word written for its sound-alike.
  if (removed.length === 1 && added.length === 1 && soundAlike(removed[0], added[0], k)) return "typo";
  return null;
}

/** One word for another that is only its misspelling: a letter or two off, or the same word run into the next. */
export function misspelt(a: string, b: string, k: Knowledge): boolean {
  if (/\d/.test(a) || /\d/.test(b) || k.noTypo.has(a) || k.noTypo.has(b)) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4) return false;
  const extra = long.slice(short.length);
  if (long.startsWith(short) && (extra.length <= 3 || short.length >= 5) && !/^(?:less|not|nt)$/.test(extra))
    return true;
  const distance = damerau(a, b);
  return distance <= 1 || (short.length >= 8 && distance <= 2);
}

/**
 * The edit distance with adjacent transpositions (optimal string alignment), three rows at a time: it is asked of
 * every word of similar length when a rewrite is told from an edit, and a full table per call was most of that time.
 */
function damerau(a: string, b: string): number {
  if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(2 * b.length + 2));
  let [before, previous, row] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, before[j - 2] + 1);
      row[j] = d;
    }
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length];
}

/** damerau's three rows, grown to the longest word asked about. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** Words of a text for comparing meaning: normalised, without the small words a typo fix adds or drops. */
export function contentWords(text: string, k: Knowledge): string[] {
  return normalise(text, k)
    .split(" ")
    .filter((w) => w && !k.fillers.has(w));
}
