import type { Paragraph, Text } from "mdast";
import { describe, expect, it } from "vitest";
import { forgetRemembered, rememberedByText } from "../src/text/memo.js";
import { mask } from "../rules/required-sections.js";
import { reviewNotes } from "../rules/lib/blanks.js";
import { nodeRange } from "../src/engine/node-range.js";
import { parseDocument } from "../src/parse/document.js";
import { OPAQUE } from "../src/parse/text.js";
import { escapePhrase, escapeRegExp, matchesOf } from "../src/text/regexp.js";
import { lastSentence, sentenceEnd, sentenceSpans } from "../src/text/sentences.js";

describe("the text-matching layer (src/text)", () => {
  it("escapes every pattern character, and a phrase's spaces match any white space", () => {
    const special = "a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o";
    expect(new RegExp(`^${escapeRegExp(special)}$`).test(special)).toBe(true);
    expect(new RegExp(escapePhrase("as follows")).test("as\n   follows")).toBe(true);
  });

  it("gives every match its start and end", () => {
    const found = [...matchesOf(/\d+/g, "a 12 bb 345")].map((m) => [m[0], m.start, m.end]);
    expect(found).toEqual([
      ["12", 2, 4],
      ["345", 8, 11],
    ]);
    // Without the g flag matchAll would find one match; it throws rather than stop early.
    expect(() => [...matchesOf(/\d+/, "1 2")]).toThrow(TypeError);
  });

  it("finds what matchAll finds, empty matches and astral characters included, and leaves lastIndex alone", () => {
    const texts = ["", "a 12 bb 345", "x😀y😀", "line\nline\n\n", "aaa"];
    const patterns = [/\d*/g, /(?:)/gu, /(?:)/g, /\p{L}*/gu, /^/gm, /a/gy, /\b/g, /[😀]/gu, /$/gm];
    for (const pattern of patterns) {
      for (const text of texts) {
        pattern.lastIndex = 3;
        const ours = matchesOf(pattern, text).map((m) => [m[0], m.start, m.end]);
        expect(pattern.lastIndex).toBe(3);
        const theirs = [...text.matchAll(new RegExp(pattern))].map((m) => [m[0], m.index, m.index + m[0].length]);
        expect(ours, `${pattern} on ${JSON.stringify(text)}`).toEqual(theirs);
      }
    }
  });

  it("remembers a text's value for the last texts read, and forgets them all on forgetRemembered", () => {
    const reads: string[] = [];
    const length = rememberedByText((text: string) => {
      reads.push(text);
      return { length: text.length };
    }, 2);
    const first = length("a");
    expect(length("a")).toBe(first);
    length("bb");
    length("ccc"); // "a" and "bb" are now the older generation, still found
    expect(length("a")).toBe(first);
    length("dddd");
    length("eeeee"); // the generation that held "bb" is dropped
    length("bb");
    expect(reads).toEqual(["a", "bb", "ccc", "dddd", "eeeee", "bb"]);
    forgetRemembered();
    expect(length("a")).not.toBe(first);
    expect(length("a")).toEqual(first);
    expect(reads.slice(-1)).toEqual(["a"]);
  });

  it("splits sentences by the style the caller asks for", () => {
    const text = "We share data, e.g. Logs. Ask us: ";
    // The classifier's prose style knows "e.g." is no sentence's end; the lead-in style does not.
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "We share data, e.g. Logs. ",
      "Ask us: ",
    ]);
    expect(lastSentence("Read this. “Quoted” lead-in:")).toBe("“Quoted” lead-in:");
    expect(lastSentence("See e.g. Annex B:", "capital")).toBe("Annex B:");
    // A note runs to its first stop, or to the end of its line.
    expect(sentenceEnd("TODO: check this. Then more", 4)).toBe(17);
    expect(sentenceEnd("TODO check\nnext", 4)).toBe(10);
    expect(sentenceEnd("TODO check  ", 4)).toBe(10);
  });
});

describe("the one detector of notes and blanks", () => {
  it("finds a note's marker and how far the note reaches", () => {
    const notes = [...reviewNotes.notesIn("[LAWYER] Confirm this. We keep logs. TODO: ask security")];
    expect(notes.map((n) => [n.kind, n.reach])).toEqual([
      ["tag", "block"],
      ["word", "sentence"],
    ]);
    expect([...reviewNotes.notesIn("Sections marked [LAWYER] are reviewed.")][0].reach).toBe("marker");
    expect(reviewNotes.isNote("[DRAFTING NOTE] add the table")).toBe(true);
    expect(reviewNotes.isNote("keep this comment")).toBe(false);
  });

  it("required-sections blanks every template placeholder no-placeholders reports", () => {
    // `{dpo_email}` and `%COMPANY_NAME%` were reported by no-placeholders but read as words by required-sections.
    for (const blank of ["{dpo_email}", "%COMPANY_NAME%", "{{ site.email }}", "__EFFECTIVE_DATE__", "TBD"]) {
      const masked = mask(`Write to ${blank} today.`);
      expect(masked).toBe(`Write to ${OPAQUE.repeat(blank.length)} today.`);
    }
    // A note blanks from its marker to the end of the block; an address written to fool scrapers stays.
    expect(mask("Logs. TODO: more")).toBe(`Logs. ${OPAQUE.repeat(10)}`);
    expect(mask("privacy[at]example[dot]com")).toBe("privacy[at]example[dot]com");
  });
});

describe("nodeRange, which context.reportNode reports at", () => {
  const doc = parseDocument("# Policy\n\nIntro.\n\n## Contact\n\nWrite to us.\n");
  const paragraph = doc.tree.children[3] as Paragraph;

  it("covers a node, or a run of nodes, by its position", () => {
    expect(nodeRange(doc, paragraph)).toEqual({ start: 30, end: 42 });
    const heading = doc.allSections[1].heading;
    if (heading.type !== "heading") throw new Error("expected a Markdown heading");
    // The heading's text without its "## " marker.
    expect(nodeRange(doc, heading.children[0], heading.children[heading.children.length - 1])).toEqual({
      start: 21,
      end: 28,
    });
  });

  it("places a node without a position at the start of its section, or of the document, and never throws", () => {
    const built: Text = { type: "text", value: "added by a rule" };
    paragraph.children.push(built);
    expect(nodeRange(doc, built)).toEqual({ start: doc.allSections[1].start, end: doc.allSections[1].start });
    expect(doc.allSections[1].start).toBe(18);
    expect(nodeRange(doc, { type: "text", value: "in no tree" } as Text)).toEqual({ start: 0, end: 0 });
  });
});
