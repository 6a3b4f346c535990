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
    // A definition keeps the text one piece (src/parse/pieces.ts), parsed in one call as remark would.
    const text = (copies: number) =>
      Array.from({ length: copies }, (_, i) => `- an item\n- another\n\nParagraph ${i} between lists.\n\n`).join("") +
      "[x]: https://example.com\n";
    const time = (copies: number) => bestTime(() => text(copies), parseDocument);
    time(500);
    const ratio = time(4000) / time(1000);
    expect(ratio).toBeLessThan(7);
  }, 120_000);
});
