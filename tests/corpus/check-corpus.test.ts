import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS, HAS_CORPUS, corpusNewest, lintWith } from "../helpers/fixtures.js";

if (!HAS_CORPUS) console.warn(`corpus suite skipped: ${CORPUS} is not present (it is on the project's CI)`);

describe.skipIf(!HAS_CORPUS)("placeholders and reviewer markers on the newest version of every real policy", () => {
  // The only template variables really left in the published sources: Basecamp's terms write
  // [text]({{ site.email_support }}), which their Jekyll site fills in before Markdown sees it (to CommonMark the
  // spaces make it no link at all, so the variable stands in the text). Everything else must stay silent.
  const expected: Record<string, string[]> = {
    "basecamp-policies/terms": [
      '22:337 no-placeholders Unresolved template variable "{{ site.email_support }}"',
      '41:446 no-placeholders Unresolved template variable "{{ site.email_support }}"',
      '72:499 no-placeholders Unresolved template variable "{{ site.email_support }}"',
      '99:84 no-placeholders Unresolved template variable "{{ site.email_support }}"',
    ],
  };

  const files = HAS_CORPUS ? corpusNewest() : [];
  it("covers all eleven documents", () => {
    expect(files).toHaveLength(11);
  });

  for (const file of files) {
    const document = path.relative(CORPUS, path.dirname(file));
    it(document, () => {
      const messages = lintWith(readFileSync(file, "utf8"), { "no-placeholders": "error", "no-review-markers": "error" }, "2026-11-25", file);
      expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual(expected[document] ?? []);
    });
  }
});
