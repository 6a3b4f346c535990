import { loadMateriality } from "../../src/classify/data.js";

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

export function byGroups(phrases: string[], text: string): [string, string, number][] {
  return reference(phrases)(text);
}

/** The reference for one list, its patterns made once (the corpus test reads thousands of texts with each list). */
export function reference(phrases: string[]): (text: string) => [string, string, number][] {
  const unique = [...new Set(phrases.filter((p) => p.trim()))].sort((a, b) => b.length - a.length);
  const exact = unique.filter((p) => (p.match(/\p{Lu}/gu) ?? []).length >= 2);
  const groups = (
    [
      [unique.filter((p) => !exact.includes(p)), "giu"],
      [exact, "gu"],
    ] as const
  )
    .filter(([terms]) => terms.length)
    .map(([terms, flags]) => ({
      terms,
      re: new RegExp(`(?<!${WORD})(?:${terms.map((t) => `(${source(t)})`).join("|")})(?!${WORD})`, flags),
    }));
  return (text) => {
    const found: [string, string, number][] = [];
    for (const { terms, re } of groups) {
      for (const m of text.matchAll(re)) {
        found.push([terms[m.findIndex((g, i) => i > 0 && g !== undefined) - 1], m[0], m.index]);
      }
    }
    return found.sort((a, b) => a[2] - b[2]);
  };
}

/** Every list of phrases in the classifier's data, by where it sits. */
export function phraseLists(value: unknown, at = "materiality"): [string, string[]][] {
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return [[at, value as string[]]];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => phraseLists(v, `${at}.${key}`));
  }
  return [];
}

/** Every list of phrases in the classifier's data with more than one phrase. */
export const dataLists = (): [string, string[]][] => phraseLists(loadMateriality()).filter(([, l]) => l.length > 1);
