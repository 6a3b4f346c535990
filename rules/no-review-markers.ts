import type { Rule } from "../src/engine/types.js";
import { documentText, blockRange } from "../src/parse/text.js";
import { sentenceEnd } from "../src/text/sentences.js";
import { NoteFinder, reviewMarkerData } from "./lib/blanks.js";

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
    description:
      'Notes for the authors left in the policy: [LAWYER] …, [DRAFTING NOTE: …], TODO, FIXME, "Legal review required"',
    defaultSeverity: "error",
    rationale:
      "A reviewer's note that reaches the published page tells readers the " +
      "policy was never finished, and often says what is legally weak.",
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
      tags: {
        type: "string[]",
        default: reviewMarkerData.tags,
        description: "Reviewer tags recognised inside square brackets and at the start of HTML comments.",
      },
      words: {
        type: "string[]",
        default: reviewMarkerData.words,
        description: "Upper-case words that mark unfinished text.",
      },
      phrases: {
        type: "string[]",
        default: reviewMarkerData.phrases,
        description: "Phrases (any case) that only an author's note would contain.",
      },
    },
  },
  check(context) {
    const notes = new NoteFinder(context.options);
    const reported: [number, number][] = [];
    const overlapsReported = (start: number, end: number) => reported.some(([s, e]) => start < e && end > s);
    const message = (what: string) => `Reviewer note left in the policy: "${shortened(what)}"`;

    for (const block of documentText(context.doc).blocks) {
      const { text } = block;
      for (const note of notes.notesIn(text)) {
        let from = note.start;
        let to = note.end;
        if (note.reach === "block") to = text.trimEnd().length;
        else if (note.reach === "sentence") {
          to = sentenceEnd(text, note.end);
          const symbol = note.kind === "phrase" ? LEADING_SYMBOL.exec(text.slice(0, note.start)) : null;
          if (symbol) from -= symbol[0].length;
        }
        const { start, end } = blockRange(block, from, to);
        if (overlapsReported(start, end)) continue;
        reported.push([start, end]);
        context.report({ message: message(text.slice(from, to)), start, end });
      }
    }

    for (const { node } of documentText(context.doc).html) {
      if (!node.position || !node.value.startsWith("<!--")) continue;
      const body = node.value.replace(/^<!--|-->$/g, "").trim();
      if (/^(?:policylint|markdownlint|prettier|eslint|textlint|vale)\b/i.test(body) || !notes.isNote(body)) continue;
      const [start, end] = [node.position.start.offset!, node.position.end.offset!];
      if (overlapsReported(start, end)) continue;
      reported.push([start, end]);
      context.reportNode(node, message(body));
    }
  },
};

function shortened(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > QUOTE_LENGTH ? `${oneLine.slice(0, QUOTE_LENGTH - 1)}…` : oneLine;
}
