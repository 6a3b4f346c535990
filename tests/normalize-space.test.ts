import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeSpace } from "../src/diff/inline.js";

/** The definition: every run of white space (with NBSP and the zero-width space) is one space, then trimmed. */
const byDefinition = (text: string): string => text.replace(/[\s\u00a0\u200b]+/g, " ").trim();

describe("normalizeSpace, which replaces only the runs that are not already one space", () => {
  it("is the definition on texts of words and every kind of white space", () => {
    const piece = fc.constantFrom(
      "we",
      "share",
      "données",
      " ",
      "  ",
      "\n",
      "\r\n",
      "\t",
      "\u00a0",
      "\u200b",
      "\u2028",
      "\u3000",
      "\ufeff",
      " \u200b ",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(normalizeSpace(text)).toBe(byDefinition(text));
      }),
      { numRuns: 5000, seed: 31 },
    );
  });

  it("leaves a text of single spaces as it is", () => {
    expect(normalizeSpace("We may share your data.")).toBe("We may share your data.");
    expect(normalizeSpace("\u200b a\u00a0 b\n")).toBe("a b");
  });
});
