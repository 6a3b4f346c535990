import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMateriality } from "../src/classify/data.js";
import { Matcher } from "../src/classify/knowledge.js";
import { FIXTURES } from "./helpers/fixtures.js";

/**
 * The matcher names the phrase a match is without a capture group per phrase (src/classify/knowledge.ts). Held here
 * to the way it was done before: one alternation with a group per phrase, the phrase being the group that took part.
 */
const WORD = String.raw`[\p{L}\p{N}]`;
const WILDCARD = String.raw`(?:[\p{L}\p{N}'’]|-(?=[\p{L}\p{N}]))*`;
const source = (p: string) =>
  p
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replaceAll("\\*", "*")
    .replace(/[\s-]+/g, String.raw`[\s\-]+`)
    .replace(/\*+/g, WILDCARD);

function byGroups(phrases: string[], text: string): [string, string, number][] {
  const unique = [...new Set(phrases.filter((p) => p.trim()))].sort((a, b) => b.length - a.length);
  const exact = unique.filter((p) => (p.match(/\p{Lu}/gu) ?? []).length >= 2);
  const found: [string, string, number][] = [];
  for (const [terms, flags] of [
    [unique.filter((p) => !exact.includes(p)), "giu"],
    [exact, "gu"],
  ] as const) {
    if (!terms.length) continue;
    const re = new RegExp(`(?<!${WORD})(?:${terms.map((t) => `(${source(t)})`).join("|")})(?!${WORD})`, flags);
    for (const m of text.matchAll(re)) {
      found.push([terms[m.findIndex((g, i) => i > 0 && g !== undefined) - 1], m[0], m.index]);
    }
  }
  return found.sort((a, b) => a[2] - b[2]);
}

/** Every list of phrases in the classifier's data, by where it sits. */
function phraseLists(value: unknown, at = "materiality"): [string, string[]][] {
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return [[at, value as string[]]];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => phraseLists(v, `${at}.${key}`));
  }
  return [];
}

describe("Matcher: which phrase a match is", () => {
  const lists = phraseLists(loadMateriality()).filter(([, list]) => list.length > 1);
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
