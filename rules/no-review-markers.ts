import type { Rule } from "../src/engine/types.js";
import { escapeRegExp } from "./lib/regexp.js";
import { documentText, blockRange, alignOffsets } from "../src/parse/text.js";
import { reviewMarkerData, tagMatcher } from "./lib/review-vocabulary.js";

interface Options {
  tags: string[];
  words: string[];
  phrases: string[];
}

const QUOTE_LENGTH = 72;
// A warning sign or similar symbol often leads the note ("⚠️ Legal review required"); it belongs to the finding.
const LEADING_SYMBOL = /(?:[\u2600-\u27bf\u{1f300}-\u{1faff}]\ufe0f?\s*)$/u;

export const noReviewMarkers: Rule<Options> = {
  meta: {
    id: "no-review-markers",
    description: "Notes for the authors left in the policy: [LAWYER] …, [DRAFTING NOTE: …], TODO, FIXME, \"Legal review required\"",
    defaultSeverity: "error",
    rationale: "A reviewer's note that reaches the published page tells readers the policy was never finished, and often says what is legally weak.",
    examples: [
      {
        title: "Notes for the authors",
        markdown:
          "[LAWYER] Confirm the legal bases under GDPR Art. 6.\n\n" +
          "> ⚠️ Legal review required before publishing.\n\n" +
          "We keep logs for 30 days. TODO: confirm with security.\n\n<!-- FIXME: add the cookie table -->\n",
      },
      {
        title: "Ordinary words that stay silent",
        markdown: "Our lawyers review every change. Your to-do list is yours; todo items are private.\n",
      },
    ],
    options: {
      tags: { type: "string[]", default: reviewMarkerData.tags, description: "Reviewer tags recognised inside square brackets and at the start of HTML comments." },
      words: { type: "string[]", default: reviewMarkerData.words, description: "Upper-case words that mark unfinished text." },
      phrases: { type: "string[]", default: reviewMarkerData.phrases, description: "Phrases (any case) that only an author's note would contain." },
    },
  },
  check(context) {
    const { tags, words, phrases } = context.options;
    const tagStart = tagMatcher(tags);
    const wordPattern = words.length ? new RegExp(`\\b(?:${words.map(escapeRegExp).join("|")})\\b`, "g") : null;
    const phrasePattern = phrases.length ? new RegExp(phrases.map(escapeRegExp).join("|"), "gi") : null;
    const reported: [number, number][] = [];
    const report = (what: string, start: number, end: number) => {
      if (reported.some(([s, e]) => start < e && end > s)) return;
      reported.push([start, end]);
      context.report({ message: `Reviewer note left in the policy: "${shortened(what)}"`, start, end });
    };

    for (const block of documentText(context.doc).blocks) {
      const { text } = block;
      const trimmedEnd = text.trimEnd().length;
      for (const m of text.matchAll(/\[([^\[\]\n]{1,200})\]/g)) {
        if (!tagStart.test(m[1])) continue;
        // A tag that opens a sentence opens a note running to the end of the paragraph; one named mid-sentence
        // ("sections marked [LAWYER]") is only the tag.
        const opensNote = /^\s*$|[.!?:]\s+$|\n[^\S\n]*$/.test(text.slice(0, m.index!));
        const to = opensNote ? trimmedEnd : m.index! + m[0].length;
        const { start, end } = blockRange(block, m.index!, to);
        report(text.slice(m.index!, to), start, end);
      }
      if (phrasePattern) {
        for (const m of text.matchAll(phrasePattern)) {
          const symbol = LEADING_SYMBOL.exec(text.slice(0, m.index!));
          const from = symbol ? m.index! - symbol[0].length : m.index!;
          const sentenceEnd = endOfSentence(text, m.index! + m[0].length);
          const { start, end } = blockRange(block, from, sentenceEnd);
          report(text.slice(from, sentenceEnd), start, end);
        }
      }
      if (wordPattern) {
        for (const m of text.matchAll(wordPattern)) {
          const sentenceEnd = endOfSentence(text, m.index! + m[0].length);
          const { start, end } = blockRange(block, m.index!, sentenceEnd);
          report(text.slice(m.index!, sentenceEnd), start, end);
        }
      }
    }

    for (const { node } of documentText(context.doc).html) {
      if (!node.position || !node.value.startsWith("<!--")) continue;
      const body = node.value.replace(/^<!--|-->$/g, "").trim();
      if (/^(?:policylint|markdownlint|prettier|eslint|textlint|vale)\b/i.test(body)) continue;
      const isNote =
        tagStart.test(/^\[([^\]]*)\]/.exec(body)?.[1] ?? body) ||
        (wordPattern !== null && new RegExp(wordPattern.source).test(body)) ||
        (phrasePattern !== null && new RegExp(phrasePattern.source, "i").test(body));
      if (!isNote) continue;
      const map = alignOffsets(node.value, context.doc.source, node.position.start.offset!, node.position.end.offset!);
      report(body, map[0], map[map.length - 1] + 1);
    }
  },
};

function endOfSentence(text: string, from: number): number {
  const rest = text.slice(from);
  const stop = /[.!?](?=\s|$)|\n/.exec(rest);
  return stop ? from + stop.index + (stop[0] === "\n" ? 0 : 1) : text.trimEnd().length;
}

/** The note on one line, cut to QUOTE_LENGTH characters. */
function shortened(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > QUOTE_LENGTH ? `${oneLine.slice(0, QUOTE_LENGTH - 1)}…` : oneLine;
}
