import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/document.js";
import { findStatedDate } from "../../src/parse/stated-date.js";
import { CORPUS, HAS_CORPUS, corpusNewest, lintWith } from "../helpers/fixtures.js";

if (!HAS_CORPUS) console.warn(`corpus suite skipped: ${CORPUS} is not present (it is on the project's CI)`);

describe.skipIf(!HAS_CORPUS)("structure rules on the newest version of every real policy", () => {
  // Every finding below was checked by hand in the source; everything else must stay silent.
  const expected: Record<string, string[]> = {
    "github-site-policy/privacy-statement-legacy": [
      // "## GitHub Privacy Statement" is followed at once by "## Who is responsible for …": its level makes it a
      // sibling of the sections it was meant to head, so the page outline shows an empty section. (It is not the
      // page's title: "The short version" and "Summary" come before it. The current statement gives it content.)
      '52:4 no-empty-sections Heading "GitHub Privacy Statement" has no content before the next heading "Who is responsible for the processing of your information?"',
      // "### Cross-border data transfers" has nothing under it; the transfer text ("GitHub may store and process your
      // personal data in your region…") ended up under the next heading, "## Data Privacy Framework (DPF)".
      '299:5 no-empty-sections Heading "Cross-border data transfers" has no content before the next heading "Data Privacy Framework (DPF)"',
    ],
  };

  // Hand-checked look-alikes that must stay silent, so a regression names what it broke:
  // - GitHub terms: "Sections D.4 — D.7", "Section B(5)", "this Section H", "Section Q." resolve to lettered parts;
  //   "Section 5 of the Federal Trade Commission Act (15 U.S.C. §45)" in the privacy statements is a citation.
  // - Basecamp privacy: "18 U.S.C. Section 2703(f)", "[Article 49(1)(b) derogation](https://gdpr-info.eu/…)".
  // - Colons followed by what they introduce: Basecamp's "Here's what that means in practice:" (sub-sections), its
  //   terms' "for the following reasons:" (a list indented too little to nest, still shown right after), GitHub's
  //   "…and for:" (a list between markdownlint comments), "Our addresses are:" (an address), Automattic's
  //   "For example:" (one line per translation).
  const files = HAS_CORPUS ? corpusNewest() : [];
  it("covers all eleven documents", () => {
    expect(files).toHaveLength(11);
  });

  for (const file of files) {
    const document = path.relative(CORPUS, path.dirname(file));
    it(`no-empty-sections and valid-cross-references: ${document}`, () => {
      const rules = { "no-empty-sections": "error", "valid-cross-references": "error" };
      const messages = lintWith(readFileSync(file, "utf8"), rules, "2026-11-25", file);
      expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual(expected[document] ?? []);
    });
  }

  // The date each document states, read by hand; null where none is stated anywhere (no phrase, no front matter).
  const statedDates: Record<string, { line: number; text: string; isoDate: string } | null> = {
    "automattic-legalmattic/cookie-policy": null,
    "automattic-legalmattic/privacy-policy": null,
    "automattic-legalmattic/wpcom-terms-of-service": { line: 4, text: "April 10, 2026", isoDate: "2026-04-10" },
    "basecamp-policies/basecamp-subprocessors": { line: 8, text: "June 8, 2023", isoDate: "2023-06-08" },
    "basecamp-policies/privacy": { line: 8, text: "April 20, 2023", isoDate: "2023-04-20" },
    "basecamp-policies/terms": { line: 8, text: "January 6, 2023", isoDate: "2023-01-06" },
    "github-site-policy/cookies": null,
    "github-site-policy/privacy-statement-legacy": { line: 22, text: "October 10, 2023", isoDate: "2023-10-10" },
    "github-site-policy/privacy-statement": { line: 21, text: "February 1, 2024", isoDate: "2024-02-01" },
    "github-site-policy/subprocessors": null,
    "github-site-policy/terms-of-service": { line: 42, text: "November 16, 2020", isoDate: "2020-11-16" },
  };

  for (const file of files) {
    const document = path.relative(CORPUS, path.dirname(file));
    it(`last-updated finds the stated date: ${document}`, () => {
      const doc = parseDocument(readFileSync(file, "utf8"), file);
      const stated = findStatedDate(doc);
      const found = stated && { line: doc.pointAt(stated.start).line, text: stated.text, isoDate: stated.isoDate };
      expect(found).toEqual(statedDates[document]);
      // The source holds the date exactly where the finder says.
      if (stated) expect(doc.source.slice(stated.start, stated.end)).toBe(stated.text);
    });
  }
});
