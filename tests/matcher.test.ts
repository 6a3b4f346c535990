import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Matcher } from "../src/classify/knowledge.js";
import { FIXTURES } from "./helpers/fixtures.js";
import { byGroups, dataLists } from "./helpers/matcher-reference.js";

describe("Matcher: which phrase a match is", () => {
  const lists = dataLists();
  const texts = readdirSync(path.join(FIXTURES, "classify"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .map((f) => readFileSync(path.join(FIXTURES, "classify", f), "utf8"));
  // Spellings where lower-casing and case folding part ways, hyphens for spaces, and a wildcard's longer word.
  texts.push("ſtandard contractual clauſes, the DATA-PROCESSING agreements, data   processing agreement, Kelvin");

  it(`names the same phrase as one group per phrase would, on every list of the data and ${texts.length} texts`, () => {
    expect(lists.length).toBeGreaterThan(20);
    let compared = 0;
    for (const [name, list] of lists) {
      const matcher = new Matcher(list);
      for (const text of texts) {
        const ours = matcher.find(text).map((m) => [m.term, m.text, m.start]);
        expect(ours, name).toEqual(byGroups(list, text));
        compared += ours.length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe("Matcher on generated phrases and texts", () => {
  it("finds what the patterns find on generated phrases and texts, with case folding's odd letters", () => {
    const word = fc.constantFrom(
      "data",
      "Data",
      "DATA",
      "us",
      "US",
      "use",
      "used",
      "e",
      "mail",
      "ſ",
      "K",
      "k",
      "é",
      "Ét",
      // Not a letter, but a case-insensitive pattern's letter class takes it (it folds to iota).
      "\u0345",
    );
    const sign = fc.constantFrom(" ", "-", " - ", "'", "’", ".", "*", "");
    const phrase = fc
      .array(fc.tuple(word, sign), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.map(([w, s]) => w + s).join(""));
    const text = fc
      .array(fc.tuple(word, fc.constantFrom(" ", "-", "'", "’", ", ", "\n", "")), { maxLength: 20 })
      .map((parts) => parts.map(([w, s]) => w + s).join(""));
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 6 }), text, (phrases, t) => {
        if (!phrases.some((p) => p.trim() && p.trim() !== "*")) return;
        const usable = phrases.filter((p) => p.replace(/[\s*'’.-]/g, "").length > 0);
        if (!usable.length) return;
        const ours = new Matcher(usable).find(t).map((m) => [m.term, m.text, m.start]);
        expect(ours).toEqual(byGroups(usable, t));
      }),
      { numRuns: 300, seed: 41 },
    );
  });
});
