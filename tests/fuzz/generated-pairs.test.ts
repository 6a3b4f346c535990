import fc from "fast-check";
import { describe, it } from "vitest";
import { FUZZ_SEED, fuzz, runsFor } from "./harness.js";
import { generatedDocument } from "./snippets.js";

/** Pairs of independent documents made only of the awkward constructs (tests/fuzz/snippets.ts): a diff that matches nothing. */
const RUNS = runsFor(0.2);

describe(`generated Markdown (seed ${FUZZ_SEED})`, () => {
  it(`${RUNS} pairs of generated documents survive check, diff, notice, the mirror diff B A and diff A A`, () => {
    fuzz("generated", fc.tuple(generatedDocument, generatedDocument), ([a, b]) => [a, b], RUNS);
  });
});
