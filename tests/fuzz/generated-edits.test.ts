import fc from "fast-check";
import { describe, it } from "vitest";
import { FUZZ_SEED, fuzz, runsFor } from "./harness.js";
import { applyMutations, generatedDocument, mutation } from "./snippets.js";

/** A generated document (tests/fuzz/snippets.ts) and an edited copy of itself: a diff that matches nearly everything. */
const RUNS = runsFor(0.2);

describe(`generated Markdown, edited (seed ${FUZZ_SEED})`, () => {
  it(`${RUNS} generated documents and an edited copy survive check, diff, notice, the mirror diff B A and diff A A`, () => {
    fuzz(
      "generated-edit",
      fc.tuple(generatedDocument, fc.array(mutation, { minLength: 1, maxLength: 4 })),
      ([a, edits]) => [a, applyMutations(a.split("\n"), edits).join("\n")],
      RUNS,
    );
  });
});
