import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// The fuzz suite (`npm run test:fuzz`): long-running properties over generated and mutated policies. FUZZ_RUNS sets
// the total number of cases (default 10 000), FUZZ_SEED the seed; each case is bounded by tests/fuzz/harness.ts.
export default defineConfig({
  test: {
    include: ["tests/fuzz/**/*.test.ts"],
    testTimeout: 0,
    // vitest leaves a core to itself by default (one worker on a 2-core machine); the fuzz files are pure CPU in the
    // worker, so they take every core: four files of about equal work (tests/fuzz/*.test.ts) on two workers.
    maxWorkers: Math.max(1, availableParallelism()),
    hookTimeout: 120_000,
  },
});
