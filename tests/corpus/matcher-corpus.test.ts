import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Matcher } from "../../src/classify/knowledge.js";
import { corpusNewest, newestWebVersions } from "../helpers/fixtures.js";
import { dataLists, reference } from "../helpers/matcher-reference.js";

/**
 * The classifier's vocabularies on real text: every match, and the phrase it is, as the patterns with one group per
 * phrase find them (tests/helpers/matcher-reference.ts).
 */
describe("Matcher on the newest real policies", () => {
  it("finds what the patterns find on every paragraph of the newest real policies, for every list of the data", () => {
    const lists = dataLists();
    const paragraphs = [...corpusNewest(), ...newestWebVersions()]
      .flatMap((doc) => readFileSync(doc, "utf8").split(/\n\s*\n/))
      .filter((p) => p.trim());
    expect(paragraphs.length).toBeGreaterThan(2000);
    let compared = 0;
    for (const [name, list] of lists) {
      const matcher = new Matcher(list);
      const theirsIn = reference(list);
      for (const text of paragraphs) {
        const ours = matcher.find(text).map((m) => [m.term, m.text, m.start]);
        const theirs = theirsIn(text);
        if (ours.length || theirs.length) expect(ours, name).toEqual(theirs);
        compared += ours.length;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  }, 300_000);
});
