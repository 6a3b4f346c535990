import { finding, type Facts } from "./finding.js";
import type { PhraseSide } from "./knowledge.js";
import { overlaps, type Delta } from "./sentences.js";
import type { TextContext } from "./text.js";
import type { Finding } from "./types.js";
import { excerpt, negatedAt, quote } from "./words.js";

/**
 * Reasons that are only words (materiality.json `phraseReasons`): a code whose phrase came into the inserted words of a
 * sentence, or went out with its deleted words. Such a reason needs its entry in codes.ts and its phrases, no code.
 */

/** What each phrase reason's sentences are filled from: its templates in codes.ts may use these placeholders only. */
export const PHRASE_DATA = ["phrase", "text", "short"] as const;

type PhraseData = Record<(typeof PHRASE_DATA)[number], string>;

// The code comes from the data, so the compiler cannot check it against codes.ts as it does a written one; knowledge.ts
// checked that it is declared, and tests/classify-codes.test.ts that it declares the ids and placeholders used here.
const phraseFinding = finding as unknown as (code: string, id: PhraseSide, data: PhraseData, facts: Facts) => Finding;

const SIDES: readonly PhraseSide[] = ["added", "removed"];

export function phraseReasons(d: Delta, ctx: TextContext): Finding[] {
  const found: Finding[] = [];
  for (const reason of ctx.k.phraseReasons) {
    for (const side of SIDES) {
      const matcher = reason[side];
      if (!matcher) continue;
      const [text, spans] = side === "added" ? [d.new, d.ins] : [d.old, d.del];
      // "We do not use your content to train AI" says the opposite of its phrase.
      const hit = matcher.find(text).find((m) => overlaps(spans, m.start, m.end) && !negatedAt(ctx.k, text, m.start));
      if (!hit) continue;
      // The reason is news only if no phrase of it stood on the other side: the sentence, the change, the document.
      const layout = ctx.layouts?.[side === "added" ? "old" : "new"].written;
      const other = side === "added" ? [d.old, ctx.before, layout] : [d.new, ctx.after, layout];
      if (matcher.test(other.filter(Boolean).join("\n"))) continue;
      const data = { phrase: quote(hit.text), text: excerpt(text, spans), short: excerpt(text, spans, 90) };
      found.push(phraseFinding(reason.code, side, data, { family: reason.code, key: reason.code, direction: side }));
    }
  }
  return found;
}
