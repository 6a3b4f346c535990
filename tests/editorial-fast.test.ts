import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalise, normaliseWhole, repairsOfDiff, respell, tokenRepairs } from "../src/classify/editorial.js";
import { knowledgeFor, type Knowledge } from "../src/classify/knowledge.js";
import { plainText } from "../src/text/plain.js";
import { escapeRegExp } from "../src/text/regexp.js";

/**
 * The classifier's shortcuts for the largest histories (src/classify/editorial.ts, knowledge.ts) must give what the
 * plain definitions give: ASCII twins of the Unicode patterns on plain texts, and a rewrite told from an edit without
 * diffing its words. Each is held here to its definition on generated texts with the characters that part the two
 * ways (letters past ASCII, case folding's long s and Kelvin sign, curly quotes, astral letters).
 */

const k = knowledgeFor();

// As a case-insensitive Unicode pattern reads the class: the combining ypogegrammeni (U+0345) folds to iota.
const LETTER = /[\p{L}\p{N}]/iu;

describe("plainText", () => {
  it("is true exactly when no letter or digit is past ASCII", () => {
    const piece = fc.constantFrom(
      "a",
      "Z",
      "7",
      " ",
      "’",
      "—",
      "\u00a0",
      "é",
      "ſ",
      "\u212a",
      "µ",
      "²",
      "𝐀",
      "😀",
      "\u0345",
      "\u0301",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        const expected = ![...text].some((ch) => ch.codePointAt(0)! > 0x7f && LETTER.test(ch));
        expect(plainText(text)).toBe(expected);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

/** respell as it was written before its ASCII twins: every phrase's Unicode pattern, then every word's ending. */
function referenceRespell(text: string, know: Knowledge, keepCase: boolean): string {
  let t = text;
  for (const { phrase, canonical } of know.equivalents) {
    t = t.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, keepCase ? "giu" : "gu"),
      canonical,
    );
  }
  const { minLength, suffixes } = know.suffixRules;
  return t.replace(/\p{L}+/gu, (word) => {
    if (word.length < minLength) return word;
    const lower = word.toLowerCase();
    for (const [from, to] of suffixes) if (lower.endsWith(from)) return word.slice(0, -from.length) + to;
    return word;
  });
}

describe("respell", () => {
  it("gives what the Unicode patterns give, on plain texts and others, with and without case", () => {
    const word = fc.constantFrom(
      "organisation",
      "Organisations",
      "e-mail",
      "E-Mail",
      "web site",
      "do not",
      "DO NOT",
      "and",
      "&",
      "see",
      "analyse",
      "Analysing",
      "licence",
      "ſee",
      "\u212aeep",
      "café",
      "résumé",
      "\u0345organisation",
      "e-mail\u0345",
      "we are",
      "are not",
      "x",
    );
    const gap = fc.constantFrom(" ", "-", "’", ", ", "é", "_", "1", "");
    const text = fc.array(fc.tuple(word, gap), { maxLength: 12 }).map((parts) => parts.map(([w, g]) => w + g).join(""));
    fc.assert(
      fc.property(text, fc.boolean(), (t, keepCase) => {
        const input = keepCase ? t : t.toLowerCase();
        expect(respell(input, k, keepCase)).toBe(referenceRespell(input, k, keepCase));
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});

describe("tokenRepairs", () => {
  it("rules out a rewrite only where the diff of the words finds no repair", () => {
    // Small words, misspellings and sound-alikes, words split and joined, and words no repair explains.
    const word = fc.constantFrom(
      "the",
      "of",
      "are",
      "our",
      "there",
      "their",
      "receive",
      "recieve",
      "data",
      "base",
      "database",
      "processors",
      "procesors",
      "information",
      "informations",
      "sell",
      "share",
      "not",
      "now",
      "2024",
      "2025",
    );
    // The second list is the first edited word by word: most edits are repairs, some are not.
    const PARTNER: Record<string, string[]> = {
      are: ["our"],
      their: ["there"],
      receive: ["recieve"],
      processors: ["procesors"],
      information: ["informations"],
      database: ["data", "base"],
      sell: ["share"],
      not: ["now"],
      "2024": ["2025"],
    };
    const edit = fc.constantFrom("keep", "keep", "keep", "partner", "drop", "insert", "other");
    const pair = fc.array(fc.tuple(word, edit, word), { maxLength: 10 }).map((steps) => {
      const a: string[] = [];
      const b: string[] = [];
      for (const [w, op, other] of steps) {
        a.push(w);
        if (op === "keep") b.push(w);
        else if (op === "partner") b.push(...(PARTNER[w] ?? [w]));
        else if (op === "insert") b.push(w, k.fillers.has(other) ? other : "the");
        else if (op === "other") b.push(other);
      }
      return [a, b] as const;
    });
    let repaired = 0;
    fc.assert(
      fc.property(pair, fc.boolean(), ([a, b], swap) => {
        const [x, y] = swap ? [b, a] : [a, b];
        const expected = repairsOfDiff(x, y, k);
        if (expected?.length) repaired++;
        expect(tokenRepairs(x, y, k)).toEqual(expected);
      }),
      { numRuns: 2000, seed: 5 },
    );
    // Edited pairs must be among those generated, or the comparison would prove nothing.
    expect(repaired).toBeGreaterThan(200);
  });
});

describe("normalise", () => {
  it("gives the whole text's normalisation when it reads a long text sentence by sentence", () => {
    // Sentences ending in a full stop and a space, with what could reach across a cut: a final sigma, case folding's
    // odd letters, combining marks, compatibility characters, equivalent phrases, digits around a stop.
    const piece = fc.constantFrom(
      "We do not sell your e-mail",
      "ΟΔΟΣ",
      "Σ",
      "ſee the organisation",
      "e\u0301",
      "\u0301",
      "´",
      "…",
      "1",
      "1.5",
      "web site",
      "etc",
      "“quoted”",
      "we are",
      "A",
      "",
    );
    const stop = fc.constantFrom(". ", ".  ", ". \n", " ", ", ", ".", "! ", ".\u00a0");
    const text = fc
      .array(fc.tuple(piece, stop), { minLength: 8, maxLength: 40 })
      .map((parts) => parts.map(([p, s]) => p + s).join(""));
    const step = fc.constantFrom(undefined, "case", "punctuation", "spelling" as const);
    let cut = 0;
    fc.assert(
      fc.property(text, step, (t, skip) => {
        if (t.length >= 160 && /\. [!-~]/.test(t)) cut++;
        expect(normalise(t, k, skip)).toBe(normaliseWhole(t, k, skip));
      }),
      { numRuns: 400, seed: 3 },
    );
    expect(cut).toBeGreaterThan(50);
  });
});
