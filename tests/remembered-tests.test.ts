import { describe, expect, it } from "vitest";
import { testRemembered } from "../rules/lib/regexp.js";

describe("remembered pattern tests", () => {
  const texts = Array.from(
    { length: 10_000 },
    (_, i) => `clause ${i}: we keep ${i % 7 === 0 ? "logs" : "records"} for ${i % 13} months`,
  );
  const patterns = [/\blogs\b/i, /for (?:1|2) months/, /CLAUSE 9/i];

  it("give the verdict the pattern gives, for texts seen once, again, and after older texts were let go", () => {
    for (const round of [1, 2]) {
      for (const text of texts) {
        for (const pattern of patterns)
          expect(testRemembered(pattern, text), `${round} ${pattern} ${text}`).toBe(pattern.test(text));
      }
    }
  });

  it("share verdicts between two compilations of one pattern, and keep flags apart", () => {
    const text = "Write to Privacy@Example.com";
    expect(testRemembered(/privacy@/i, text)).toBe(true);
    expect(testRemembered(new RegExp("privacy@", "i"), text)).toBe(true);
    expect(testRemembered(/privacy@/, text)).toBe(false);
  });

  it("leave patterns with state (g, y) to test as they always do", () => {
    const global = /a/g;
    const results = [testRemembered(global, "a"), testRemembered(global, "a"), testRemembered(global, "a")];
    expect(results).toEqual([true, false, true]);
  });
});
