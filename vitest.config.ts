import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Three suites, so the everyday one stays fast (`npm test`, under 3 minutes here) and none is skipped in CI:
//   unit         `npm test`                  the engine, rules, formats and CLI on fixtures and small real texts
//   corpus       `npm run test:corpus`       every version and pair of ../shared/corpus and corpus-web
//   integration  `npm run test:integration`  the real tools: pre-commit, lint-staged, npm pack, the GitHub Action,
//                the browser; and the scaling properties that time large inputs (scaling, edit-map, large-lists)
// `.ci/run` runs all three and the fuzz suite (vitest.fuzz.config.ts). Test files are CPU-bound and independent, so they
// take every core (vitest's default leaves one idle: a single worker on a 2-core machine).
const common = { testTimeout: 60_000, hookTimeout: 120_000, maxWorkers: Math.max(1, availableParallelism()) };

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: "unit", include: ["tests/*.test.ts"] } },
      { test: { ...common, name: "corpus", include: ["tests/corpus/**/*.test.ts"] } },
      { test: { ...common, name: "integration", include: ["tests/integrations/**/*.test.ts"] } },
    ],
  },
});
