import { describe, expect, it } from "vitest";
import { visit } from "unist-util-visit";
import type { Root } from "mdast";
import { parseDocument } from "../src/parse/document.js";
import { fillMissingPositions, lineStartOffsets, type Spanned } from "../src/parse/positions.js";
import { bestTime } from "./helpers/timing.js";

/** Each node of a type with the source text its position covers. */
function spans(tree: Root, source: string, type: string): string[] {
  const out: string[] = [];
  visit(tree, type, (node) => {
    out.push(source.slice(node.position!.start.offset, node.position!.end.offset));
  });
  return out;
}

describe("positions for the nodes remark-gfm leaves without one (src/parse/positions.ts)", () => {
  it("places each autolink literal on its own text, in order, escaped ones after their neighbour", () => {
    const source = "Write to privacy@example.com, see www.example.org or a\\_b@x.com.\n\n[ open www.a.io and c@d.io\n";
    const { tree } = parseDocument(source);
    expect(spans(tree, source, "link")).toEqual([
      "privacy@example.com",
      "www.example.org",
      "a\\_b@x.co",
      "www.a.io",
      "c@d.io",
    ]);
    let previous = -1;
    visit(tree, "text", (node) => {
      expect(node.position!.start.offset ?? 0).toBeGreaterThanOrEqual(previous);
      previous = node.position!.start.offset ?? 0;
    });
  });

  it("fills thousands of position-less children in time linear in their number", () => {
    const tree = (count: number): { root: Spanned; source: string } => {
      const source = "x www.a.io ".repeat(count);
      const children: Spanned[] = [];
      for (let i = 0; i < count; i++) {
        children.push({ type: "text", value: "x " });
        children.push({ type: "link", children: [{ type: "text", value: "www.a.io" }] });
        children.push({ type: "text", value: " " });
      }
      const end = { line: 1, column: source.length + 1, offset: source.length };
      const root = { type: "paragraph", children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
      return { root, source };
    };
    const time = (count: number) =>
      bestTime(
        () => tree(count),
        ({ root, source }) => fillMissingPositions(root, source, lineStartOffsets(source)),
      );
    time(1000);
    const { root, source } = tree(3);
    fillMissingPositions(root, source, lineStartOffsets(source));
    expect(root.children!.map((c) => c.position!.start.offset)).toEqual([0, 2, 10, 11, 13, 21, 22, 24, 32]);
    // 16x the children: the look-ahead from each child took minutes (256x and more); the linear fill measured 16-20x
    // on an idle machine and up to 93x on a loaded one, where collecting its garbage competes for the cores.
    expect(time(80_000) / time(5_000)).toBeLessThan(200);
  }, 60_000);
});
