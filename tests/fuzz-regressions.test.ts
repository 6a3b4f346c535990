import { describe, expect, it } from "vitest";
import { exercise, savedFailures } from "./fuzz/harness.js";

/**
 * Every case the fuzzer (npm run test:fuzz) ever failed on, kept in fixtures/fuzz/ as NAME.old.md and NAME.new.md,
 * byte for byte: check, diff, notice and diff A A must all pass on it now, within the fuzzer's time limit per case.
 */
const saved = savedFailures();

describe("cases the fuzzer found (fixtures/fuzz)", () => {
  it("has its fixtures in pairs", () => {
    expect(saved.every(([, a, b]) => typeof a === "string" && typeof b === "string")).toBe(true);
  });
  for (const [name, a, b] of saved) {
    it(`${name} survives check, diff, notice and diff A A`, () => {
      exercise(a, b);
    });
  }
});
