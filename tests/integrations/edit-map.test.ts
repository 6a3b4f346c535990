import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EditMap } from "micromark-util-edit-map";
import { parseDocument } from "../../src/parse/document.js";
import { linearConsume, originalConsume } from "../../src/parse/edit-map.js";
import { bestTime } from "../helpers/timing.js";

type Edit = [at: number, remove: number, add: number];

/** The events a map of these edits leaves, consumed by `consume`. */
function apply(consume: typeof originalConsume, length: number, edits: Edit[]): unknown[] {
  const events: unknown[] = Array.from({ length }, (_, i) => i);
  const map = new EditMap();
  for (const [at, remove, add] of edits) {
    map.add(
      Math.min(at, length),
      Math.min(remove, Math.max(0, length - at)),
      Array.from({ length: add }, (_, i) => `${at}+${i}`) as never[],
    );
  }
  consume.call(map, events as never[]);
  return events;
}

describe("micromark's EditMap.consume, made linear (src/parse/edit-map.ts)", () => {
  it("is the one micromark uses once a document has been parsed", () => {
    parseDocument("- a\n\nb\n");
    expect(EditMap.prototype.consume).toBe(linearConsume);
  });

  it("makes the same edits as the library's own consume", () => {
    const edit = fc.tuple(fc.nat(40), fc.nat(5), fc.nat(4));
    fc.assert(
      fc.property(fc.nat(40), fc.array(edit, { maxLength: 8 }), (length, edits) => {
        expect(apply(linearConsume as never, length, edits)).toEqual(apply(originalConsume, length, edits));
      }),
      { numRuns: 2000, seed: 14 },
    );
  });

  it("keeps the parse of many short lists linear (with the library's consume, 4× the text took 12× the time)", () => {
    // A definition keeps the text one piece (src/parse/pieces.ts), parsed in one call as remark would; each text new
    // (a salt), so no piece of it is remembered from an earlier parse.
    let salt = 0;
    const text = (copies: number, salt: number) =>
      Array.from(
        { length: copies },
        (_, i) => `- an item\n- another\n\nParagraph ${salt}.${i} between lists.\n\n`,
      ).join("") + "[x]: https://example.com\n";
    const time = (copies: number) => bestTime(() => text(copies, salt++), parseDocument, 1);
    time(500);
    // The small and the large text timed in turn, the best of each (as tests/integrations/scaling.test.ts does): timed
    // one series after the other, a change of load between them moved the ratio past its bound in one CI run (7.2×).
    let small = Infinity;
    let large = Infinity;
    for (let i = 0; i < 4; i++) {
      small = Math.min(small, time(1000));
      large = Math.min(large, time(4000));
    }
    expect(large / small).toBeLessThan(7);
  }, 120_000);
});
