// `npm run lint`: typescript-eslint's recommended rules over the sources and tests, and the 120-column limit the
// formatter cannot hold alone (it does not break strings, comments or regular expressions). Formatting itself is
// Prettier's (`npm run format`, .prettierrc.json); eslint-config-prettier is not needed: no formatting rule is on.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "docs/**", "fixtures/**", ".prof/**", "coverage/**", "test-output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", performance: "readonly", setImmediate: "readonly", setTimeout: "readonly", clearTimeout: "readonly", TextDecoder: "readonly", TextEncoder: "readonly", globalThis: "readonly", structuredClone: "readonly", AbortController: "readonly", queueMicrotask: "readonly", __filename: "readonly", require: "readonly", module: "writable" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["src/**/*.ts", "rules/**/*.ts"],
    rules: { "max-len": ["error", { code: 120, ignoreUrls: true }] },
  },
);
