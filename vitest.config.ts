import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The fuzz suite is long; it runs on its own with `npm run test:fuzz` (vitest.fuzz.config.ts).
    exclude: ["tests/fuzz/**", "**/node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
