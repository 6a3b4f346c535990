import { defineConfig } from "vitest/config";

// The fuzz suite (`npm run test:fuzz`): long-running properties over generated and mutated policies. FUZZ_RUNS sets
// the total number of cases (default 10 000), FUZZ_SEED the seed; each case is bounded by tests/fuzz/harness.ts.
export default defineConfig({
  test: {
    include: ["tests/fuzz/**/*.test.ts"],
    testTimeout: 0,
    hookTimeout: 120_000,
  },
});
