import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/parse/document.js";
import { parseHeadingNumber } from "../src/parse/sections.js";
import { findStatedDate } from "../src/parse/stated-date.js";
import { FIXTURES, lintWith } from "./helpers/fixtures.js";

const SEED = path.join(FIXTURES, "seed/imagen-privacy-policy.md");
const text = readFileSync(SEED, "utf8");
const lines = text.split("\n");

const lint = (rules: Record<string, unknown>, today = "2026-11-25") =>
  lintWith(text, rules, today, SEED).map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);

/** Where a sentence stands in the seed, found by plain string search, so the test does not trust the parser. */
function lineOf(sentence: string): number {
  const index = lines.findIndex((line) => line.includes(sentence));
  if (index < 0) throw new Error(`not in the seed: ${sentence}`);
  return index + 1;
}

describe("structure rules on the seed draft policy", () => {
  it("valid-cross-references reports only the §8.2 that points nowhere (section 8 is Security, with no 8.2)", () => {
    const line = lineOf("described in §8.2.");
    const column = lines[line - 1].indexOf("§8.2") + 1;
    expect(lint({ "valid-cross-references": "error" })).toEqual([
      `${line}:${column}-${line}:${column + 4} "§8.2" refers to a section that does not exist`,
    ]);
  });

  it("no-empty-sections reports every sentence ending in a colon whose list is missing, and nothing else", () => {
    // Each of these lost its bulleted list when the draft was copied (see /work/shared/seed/README.md).
    const leadIns = [
      ["We use collected information to:", 'the sub-heading "2.1 How We Use Your Generations" follows'],
      ["if we reasonably believe disclosure is necessary to:", 'a new sentence follows ("We are required by…")'],
      ["We use cookies and similar technologies for:", 'a new sentence follows ("We do not use…")'],
      ["plus an additional period as required to:", 'a new sentence follows ("When you delete your…")'],
      ["When you delete your account:", 'the next heading "7. Your Rights" follows'],
      ["You may:", 'a new sentence follows ("To exercise these rights,…")'],
      ["In addition to the above, you have the right to:", 'the next heading "7.3 California Residents" follows'],
      ["You have the right to:", 'a new sentence follows ("We do not sell…")'],
      ["to protect your information, including:", 'a new sentence follows ("No system is perfectly…")'],
    ];
    const found = lintWith(text, { "no-empty-sections": "error" }, "2026-11-25", SEED);
    expect(found.map((m) => m.line)).toEqual([20, 53, 71, 77, 79, 87, 93, 97, 111]);
    leadIns.forEach(([sentence, why], i) => {
      expect(found[i].line).toBe(lineOf(sentence));
      expect(found[i].column).toBe(1);
      expect(found[i].message).toContain(why);
    });
    // Look-alikes that stay silent: a colon followed by what it introduces.
    for (const sentence of [
      "so here it is in plain language:",
      "under contractual obligations:",
      "For privacy questions, requests, or complaints:",
    ]) {
      expect(found.map((m) => m.line)).not.toContain(lineOf(sentence));
    }
  });

  it("no-empty-sections finds no empty heading: 3. and 7. carry their content in sub-sections", () => {
    expect(lint({ "no-empty-sections": "error" }).filter((m) => m.includes("Heading"))).toEqual([]);
  });

  it("last-updated reads April 29, 2026 and is silent within a year of it", () => {
    expect(findStatedDate(parseDocument(text, SEED))).toMatchObject({
      text: "April 29, 2026",
      isoDate: "2026-04-29",
      label: "Last updated",
    });
    expect(lint({ "last-updated": "error" }, "2026-11-25")).toEqual([]);
    expect(lint({ "last-updated": "error" }, "2027-04-29")).toEqual([]);
  });

  it("last-updated reports the date as stale past maxAgeDays, and as early when today is long before it", () => {
    expect(lint({ "last-updated": ["error", { maxAgeDays: 180 }] }, "2026-11-25")).toEqual([
      '3:15-3:29 Stated date "April 29, 2026" is 210 days old (maxAgeDays: 180)',
    ]);
    expect(lint({ "last-updated": "error" }, "2027-05-01")).toEqual([
      '3:15-3:29 Stated date "April 29, 2026" is 367 days old (maxAgeDays: 365)',
    ]);
    expect(lint({ "last-updated": "error" }, "2026-01-01")).toEqual([
      '3:15-3:29 Stated date "April 29, 2026" is 118 days in the future (maxFutureDays: 90)',
    ]);
  });
});

describe("parser support the structure rules rely on", () => {
  it("gives a heading the ids of an <a name> or kramdown attribute list beside it", () => {
    const doc = parseDocument(
      '<a name="rights"></a>\n## Your Rights\n\nText.\n\n## Cookies\n{: #cookie-policy}\n\nText.\n',
    );
    expect(doc.allSections.map((s) => s.anchors)).toEqual([
      ["rights", "your-rights"],
      ["cookie-policy", "cookies"],
    ]);
  });

  it("does not read the U. of U.S. as a section letter", () => {
    expect(parseHeadingNumber("U.S. State Data Privacy")).toEqual({ number: null, title: "U.S. State Data Privacy" });
    expect(parseHeadingNumber("D. User-Generated Content")).toEqual({ number: "D", title: "User-Generated Content" });
    expect(parseHeadingNumber("8.2 Your Rights")).toEqual({ number: "8.2", title: "Your Rights" });
  });
});
