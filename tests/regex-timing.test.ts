import { describe, expect, it } from "vitest";
import { compare } from "../src/compare.js";
import { resolveConfig, settingsFor } from "../src/config/load.js";
import { lintWithSettings } from "../src/engine/lint.js";
import { disclosureListNames } from "../rules/required-sections.js";
import { ROOT } from "./helpers/fixtures.js";

/**
 * `check` (every rule, every disclosure list) and `diff` (with the classifier) on one-line documents of 100,000
 * characters built to make the project's patterns backtrack: each trigger an audit or the pattern analysis found.
 * Before the patterns were rewritten these took 2 to 50 s each; a pattern that turns quadratic again takes seconds
 * here. The static analysis (tests/regex-safety.test.ts) sees runs of one character; these also try repeated words.
 *
 * Not here: "[a]" repeated, which the Markdown parser itself (micromark's label resolution) takes quadratic time over.
 */
const LENGTH = 100_000;
const line = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
const ADVERSARIAL: Record<string, string> = {
  'a heading of "{" (an attribute list never closed)': `# ${line("{")}\n`,
  '"Acme Inc. " repeated (the {ENTITY} fragment)': `${line("Acme Inc. ")}\n`,
  '"a@" repeated (e-mail patterns)': `${line("a@")}\n`,
  "a run of spaces inside a paragraph": `a${line(" ")}a\n`,
  'an HTML heading of "<a" repeated (tags never closed)': `<h2>${line("<a")}</h2>\n`,
  '"we collect data " repeated (a negation looked for before each verb)': `${line("we collect data ")}\n`,
  '"Section 1 " repeated (cross-references)': `${line("Section 1 ")}\n`,
  '"pass" and a run of "-" (a vocabulary wildcard before a separator)': `pass${line("-")} x\n`,
};

// Generous: these run in about a second each on a loaded machine; a quadratic pattern on this much text takes tens.
const BOUND_MS = 5_000;
const config = resolveConfig({ extends: disclosureListNames().map((l) => `policylint:${l}`) }, null, ROOT);

describe("adversarial one-line documents finish in bounded time", () => {
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    it(`check: ${name}`, () => {
      const started = performance.now();
      lintWithSettings(text, "policy.md", { rules: settingsFor(config, `${ROOT}/policy.md`), today: "2026-11-25" });
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
    });

    it(`diff: ${name}`, async () => {
      const started = performance.now();
      await compare("# Privacy Policy\n\nWe collect your e-mail address.\n", text, "old.md", "new.md");
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
    });
  }
});
