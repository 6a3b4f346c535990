import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, it } from "vitest";
import { corpusDocuments, FUZZ_SEED, fuzz } from "./harness.js";
import { applyEnding, applyMutations, ending, mutation } from "./snippets.js";

/**
 * Real policies, broken: a window of a corpus version (sometimes the whole file) with lines deleted, duplicated,
 * swapped, truncated mid-line and snippets inserted, then maybe CRLF, lone CR, a BOM or a NUL. The pair diffed is
 * (the window as it was, the window mutated). Windows keep a case fast; whole files keep the long-range structure.
 * The property is split into shares (mutations-1.test.ts, mutations-2.test.ts), each with its own seed, so that
 * vitest's two workers share the work.
 */
const files = corpusDocuments().flatMap((d) => d.versions.map((v) => v.file));
const texts = new Map<number, string[]>();
const linesOf = (i: number): string[] => {
  let lines = texts.get(i);
  if (!lines) texts.set(i, (lines = readFileSync(files[i], "utf8").split("\n")));
  return lines;
};

const cases = fc.record({
  file: fc.nat({ max: Math.max(0, files.length - 1) }),
  whole: fc.nat({ max: 199 }).map((n) => n === 0),
  start: fc.nat(),
  length: fc.integer({ min: 1, max: 60 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
  ending,
  endingAt: fc.nat(),
});

/** The `share`-th share of the property: `runs` cases from seed FUZZ_SEED + share. */
export function mutatedCorpusWindows(share: number, runs: number): void {
  if (!files.length)
    console.warn(
      "corpus mutation fuzzing skipped: neither ../shared/corpus nor ../shared/corpus-web/ota-pga is present",
    );
  const seed = FUZZ_SEED + share;
  describe.skipIf(!files.length)(`mutated corpus documents (seed ${seed})`, () => {
    it(`${runs} mutated corpus windows survive check, diff, notice, the mirror diff B A and diff A A`, () => {
      fuzz(
        `mutation-${share}`,
        cases,
        (c) => {
          const all = linesOf(c.file);
          const start = c.whole ? 0 : c.start % all.length;
          const lines = c.whole ? all : all.slice(start, start + c.length);
          const before = lines.join("\n");
          return [before, applyEnding(applyMutations(lines, c.mutations).join("\n"), c.ending, c.endingAt)];
        },
        runs,
        seed,
      );
    });
  });
}
