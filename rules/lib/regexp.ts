import { rememberedByText } from "../../src/text/memo.js";

// The matching primitives live low in the layers (src/text), shared with the classifier; rules import them here.
export { escapeRegExp, escapePhrase, matchesOf, type Match } from "../../src/text/regexp.js";

/**
 * `pattern.test(text)`, remembered. Versions of one policy repeat most of their paragraphs, so a run over a
 * repository's history (or a diff's two versions) tests the same patterns against the same texts again and again.
 * Verdicts are kept per text by rememberedByText (the texts of the last few documents stay, older ones go).
 * Patterns with the g or y flag carry state between tests and are not kept.
 */
export function testRemembered(pattern: RegExp, text: string): boolean {
  if (pattern.global || pattern.sticky) return pattern.test(text);
  const id = patternId(pattern);
  const held = verdictsOf(text);
  if (held.verdicts.length <= id) held.verdicts = grown(held.verdicts, id);
  if (held.verdicts[id] === UNKNOWN) held.verdicts[id] = pattern.test(text) ? MATCHES : DOES_NOT_MATCH;
  return held.verdicts[id] === MATCHES;
}

const UNKNOWN = 0;
const MATCHES = 1;
const DOES_NOT_MATCH = 2;
// One holder of verdicts (by pattern id) per text, filled in as patterns are tested against it.
// A new text's holder starts as large as the patterns known so far need, so it is not grown pattern by pattern.
let capacity = 64;
// Texts are kept for the last few documents. A document with more texts than the memo holds pushes its own first
// texts out before the next disclosure asks about them, and is read again in full for each: at 4,096, a policy of
// 8,000 paragraphs took 12–18× the time of one of 2,000. At 16,384 the cliff is four times further out, far past any
// policy in the corpora (the largest has a few hundred blocks); a document beyond it is still read, only slower.
const verdictsOf = rememberedByText((): { verdicts: Uint8Array } => ({ verdicts: new Uint8Array(capacity) }), 16_384);
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

function grown(verdicts: Uint8Array, id: number): Uint8Array {
  capacity = Math.max(capacity, 2 ** Math.ceil(Math.log2(id + 1)));
  const larger = new Uint8Array(capacity);
  larger.set(verdicts);
  return larger;
}
