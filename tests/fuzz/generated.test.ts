import fc from "fast-check";
import { describe, it } from "vitest";
import { FUZZ_SEED, fuzz, runsFor } from "./harness.js";
import { applyMutations, generatedDocument, mutation } from "./snippets.js";

/**
 * Documents made only of the awkward constructs (tests/fuzz/snippets.ts): a pair of independent ones, and one with
 * an edited copy of itself, so the diff both matches nothing and matches nearly everything.
 */
const RUNS_INDEPENDENT = runsFor(0.2);
const RUNS_EDITED = runsFor(0.2);

describe(`generated Markdown (seed ${FUZZ_SEED})`, () => {
  it(`${RUNS_INDEPENDENT} pairs of generated documents survive check, diff, notice and diff A A`, () => {
    fuzz("generated", fc.tuple(generatedDocument, generatedDocument), ([a, b]) => [a, b], RUNS_INDEPENDENT);
  });

  it(`${RUNS_EDITED} generated documents and an edited copy survive check, diff, notice and diff A A`, () => {
    fuzz(
      "generated-edit",
      fc.tuple(generatedDocument, fc.array(mutation, { minLength: 1, maxLength: 4 })),
      ([a, edits]) => [a, applyMutations(a.split("\n"), edits).join("\n")],
      RUNS_EDITED,
    );
  });
});
