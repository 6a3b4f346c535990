import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { diffArrays as jsdiffArrays, diffWordsWithSpace } from "diff";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/parse/document.js";
import { documentText } from "../src/parse/text.js";
import { editsOf, wordEdits } from "../src/diff/words.js";
import { diffArrays } from "../src/diff/myers.js";
import type { EditPart } from "../src/diff/types.js";
import { CORPUS } from "./helpers/fixtures.js";
import { corpusTexts } from "./helpers/history.js";

/** wordEdits as it was, on jsdiff's own diffWordsWithSpace: what src/diff/myers.ts must give, edit for edit. */
function jsdiffEdits(oldText: string, newText: string): EditPart[] {
  if (oldText === newText) return oldText ? [{ op: "equal", text: oldText }] : [];
  const back = oldText > newText;
  const parts = diffWordsWithSpace(back ? newText : oldText, back ? oldText : newText, { maxEditLength: 3000 });
  if (!parts)
    return [
      ...(oldText ? [{ op: "delete" as const, text: oldText }] : []),
      ...(newText ? [{ op: "insert" as const, text: newText }] : []),
    ];
  return editsOf(parts, back);
}

const same = (a: string, b: string): void => {
  expect(wordEdits(a, b)).toEqual(jsdiffEdits(a, b));
};

describe("the word diff (src/diff/myers.ts) is jsdiff's diffWordsWithSpace, edit for edit", () => {
  it("on texts of a few repeated words, where many scripts are equally short", () => {
    const word = fc.constantFrom(
      "a",
      "b",
      "we",
      "share",
      " ",
      "  ",
      "\n",
      "\r\n",
      ",",
      ".",
      "é",
      "données",
      "日本",
      "😀",
    );
    const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(""));
    fc.assert(
      fc.property(text, text, (a, b) => same(a, b)),
      { numRuns: 5000, seed: 8 },
    );
  });

  it("on a text and an edit of it (words dropped, added and swapped)", () => {
    const word = fc.constantFrom(
      "we",
      "may",
      "share",
      "your",
      "data",
      "with",
      "partners",
      "and",
      "or",
      " ",
      ", ",
      ".\n",
    );
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(59), fc.nat(2), word)),
        (words, edits) => {
          const changed = [...words];
          for (const [at, what, w] of edits) {
            const i = at % (changed.length + 1);
            if (what === 0) changed.splice(i, 1);
            else if (what === 1) changed.splice(i, 0, w);
            else changed[i] = w;
          }
          same(words.join(""), changed.join(""));
        },
      ),
      { numRuns: 3000, seed: 16 },
    );
  });

  it("past the longest edit it computes (3,000): the old text out and the new text in", () => {
    const a = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(" ");
    const b = Array.from({ length: 2000 }, (_, i) => `v${i}`).join(" ");
    expect(wordEdits(a, b)).toEqual([
      { op: "delete", text: a },
      { op: "insert", text: b },
    ]);
    same(a, b);
  });

  it("on a long rewrite, where the search drops the steps no path reaches (every other word of 1,500 changed)", () => {
    const a = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const b = a.map((w, i) => (i % 2 ? `v${i}` : w));
    same(a.join(" "), b.join(" "));
    same(b.join(" "), a.join(" "));
  });

  it("on every block of consecutive versions of real policies, both ways", () => {
    let pairs = 0;
    for (const source of ["github-site-policy", "basecamp-policies"]) {
      for (const doc of readdirSync(path.join(CORPUS, source), { withFileTypes: true }).filter((e) =>
        e.isDirectory(),
      )) {
        const versions = corpusTexts(path.join(CORPUS, source, doc.name)).slice(-6);
        for (let i = 1; i < versions.length; i++) {
          const before = documentText(parseDocument(versions[i - 1].text)).blocks.map((b) => b.text);
          const after = documentText(parseDocument(versions[i].text)).blocks.map((b) => b.text);
          // Block by block in order (pairs that are not counterparts included: they make long scripts).
          for (let j = 0; j < Math.min(before.length, after.length); j++) {
            same(before[j], after[j]);
            same(after[j], before[j]);
            pairs++;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(1000);
  }, 120_000);
});

describe("diffArrays (src/diff/myers.ts) is jsdiff's diffArrays on strings, part for part", () => {
  const plain = (parts: { added?: boolean; removed?: boolean; count?: number; value: string[] }[]) =>
    parts.map((p) => ({ added: Boolean(p.added), removed: Boolean(p.removed), count: p.count, value: p.value }));
  const same = (a: string[], b: string[]): void => {
    expect(diffArrays(a, b)).toEqual(plain(jsdiffArrays(a, b)));
  };

  it("on lists of a few repeated words, where many scripts are equally short, and on empty lists", () => {
    const list = fc.array(fc.constantFrom("a", "b", "c", "the", "data", ""), { maxLength: 25 });
    fc.assert(
      fc.property(list, list, (a, b) => same(a, b)),
      { numRuns: 5000, seed: 23 },
    );
    same([], []);
    same(["a"], []);
    same([], ["a"]);
  });

  it("on long lists with no word in common, where the search drops the steps no path reaches", () => {
    const a = Array.from({ length: 800 }, (_, i) => `w${i}`);
    const b = Array.from({ length: 800 }, (_, i) => `v${i}`);
    same(a, b);
    same([...a, ...b], [...b, ...a]);
  });

  it("on the normalised words of consecutive versions of real policies (what the editorial check diffs)", () => {
    let pairs = 0;
    for (const doc of ["github-site-policy", "basecamp-policies"].flatMap((source) =>
      readdirSync(path.join(CORPUS, source), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => path.join(CORPUS, source, e.name)),
    )) {
      const versions = corpusTexts(doc).slice(-4);
      for (let i = 1; i < versions.length; i++) {
        const words = (text: string) => text.toLowerCase().split(/\s+/);
        const before = documentText(parseDocument(versions[i - 1].text)).blocks.map((b) => words(b.text));
        const after = documentText(parseDocument(versions[i].text)).blocks.map((b) => words(b.text));
        for (let j = 0; j < Math.min(before.length, after.length); j++) {
          same(before[j], after[j]);
          pairs++;
        }
      }
    }
    expect(pairs).toBeGreaterThan(500);
  }, 120_000);
});
