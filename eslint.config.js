// `npm run lint`: typescript-eslint's recommended rules over the sources and tests, and the 120-column limit the
// formatter cannot hold alone (it breaks neither comments nor strings). Formatting itself is
// Prettier's (`npm run format`, .prettierrc.json); eslint-config-prettier is not needed: no formatting rule is on.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "docs/**", "fixtures/**", ".prof/**", "coverage/**", "test-output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        performance: "readonly",
        setImmediate: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
        globalThis: "readonly",
        structuredClone: "readonly",
        AbortController: "readonly",
        queueMicrotask: "readonly",
        __filename: "readonly",
        require: "readonly",
        module: "writable",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // "[(\\[]" escapes a bracket inside a class for the reader's sake; every pattern is vetted by the regex-safety test.
      "no-useless-escape": "off",
    },
  },
  // CommonJS scripts (the bench's memory probe) require() by nature.
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  // The terminal output's tests look for ANSI escapes on purpose.
  { files: ["tests/**/*.ts"], rules: { "no-control-regex": "off" } },
  {
    files: ["src/**/*.ts", "rules/**/*.ts"],
    // No exemption for strings, template literals or regular expressions (issue 15): a long message is written as
    // concatenated pieces, a long pattern as `new RegExp` of String.raw pieces, which the regex-safety test records
    // where it is built.
    rules: { "max-len": ["error", { code: 120 }] },
  },
);
