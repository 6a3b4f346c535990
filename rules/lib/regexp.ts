// The matching primitives live low in the layers (src/text), shared with the classifier; rules import them here.
export { escapeRegExp, escapePhrase, matchesOf, type Match } from "../../src/text/regexp.js";

/**
 * `pattern.test(text)`, remembered. Versions of one policy repeat most of their paragraphs, so a run over a
 * repository's history (or a diff's two versions) tests the same patterns against the same texts again and again.
 * Verdicts are kept per text in two generations of bounded size: the texts of the last few documents stay, older
 * ones go, with no bookkeeping per lookup. Patterns with the g or y flag carry state between tests and are not kept.
 */
export function testRemembered(pattern: RegExp, text: string): boolean {
  if (pattern.global || pattern.sticky) return pattern.test(text);
  const id = patternId(pattern);
  let verdicts = currentTexts.get(text);
  if (!verdicts || verdicts.length <= id) {
    verdicts = grown(verdicts ?? previousTexts.get(text), id);
    if (currentTexts.size >= TEXTS_PER_GENERATION) {
      previousTexts = currentTexts;
      currentTexts = new Map();
    }
    currentTexts.set(text, verdicts);
  }
  if (verdicts[id] === UNKNOWN) verdicts[id] = pattern.test(text) ? MATCHES : DOES_NOT_MATCH;
  return verdicts[id] === MATCHES;
}

const UNKNOWN = 0;
const MATCHES = 1;
const DOES_NOT_MATCH = 2;
const TEXTS_PER_GENERATION = 4096;
let currentTexts = new Map<string, Uint8Array>();
let previousTexts = new Map<string, Uint8Array>();
// Ids by source and flags, so a pattern compiled afresh for each file (a `require` option) keeps its verdicts.
const idsBySource = new Map<string, number>();
const ids = new WeakMap<RegExp, number>();

function patternId(pattern: RegExp): number {
  let id = ids.get(pattern);
  if (id === undefined) {
    const key = `${pattern.flags}/${pattern.source}`;
    id = idsBySource.get(key) ?? idsBySource.size;
    idsBySource.set(key, id);
    ids.set(pattern, id);
  }
  return id;
}

function grown(verdicts: Uint8Array | undefined, id: number): Uint8Array {
  if (verdicts && verdicts.length > id) return verdicts;
  const larger = new Uint8Array(Math.max(64, 2 ** Math.ceil(Math.log2(id + 1))));
  if (verdicts) larger.set(verdicts);
  return larger;
}
