import { diffArrays } from "diff";
import type { Element, Root } from "hast";
import type { ChangeTarget } from "../../types.js";
import { elements, spans, startLine, textOf, type Found, type Parent } from "./tree.js";

/**
 * Where a change's lines are in a rendered version. Every change record carries its 1-based line on each side, and
 * hast keeps the mdast positions, so a change is found by its line and the element its target renders as.
 */

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];
const TAGS: Record<ChangeTarget, string[]> = {
  section: HEADINGS,
  clause: ["li", "p", ...HEADINGS],
  heading: HEADINGS,
  paragraph: ["p"],
  "list-item": ["li"],
  table: ["table"],
  "table-header": ["tr"],
  "table-row": ["tr"],
  "table-cell": ["tr"],
  code: ["pre"],
  link: ["p", "li", "td", "th", ...HEADINGS],
  date: ["p", "li", "td", "th", ...HEADINGS],
  frontmatter: [],
};
// A link or a date sits in the innermost block that holds it; a list item or row is the outermost element there.
const INNERMOST = new Set<ChangeTarget>(["link", "date", "paragraph"]);

export function locate(root: Parent, target: ChangeTarget, line: number | null | undefined): Found | undefined {
  if (!line) return undefined;
  const tags = TAGS[target];
  const all = elements(root).filter((f) => tags.includes(f.node.tagName));
  const exact = all.filter((f) => startLine(f.node) === line);
  const pick = (list: Found[]) => (INNERMOST.has(target) ? list[list.length - 1] : list[0]);
  const found = pick(exact) ?? all.filter((f) => spans(f.node, line)).pop();
  if (found || target === "frontmatter") return found;
  // Raw HTML renders as its own elements (a paragraph of the diff may be an <li> or a <div>): the innermost there.
  return elements(root)
    .filter((f) => startLine(f.node) === line && !INLINE.has(f.node.tagName))
    .pop();
}

const INLINE = new Set(["a", "b", "strong", "em", "i", "code", "span", "sup", "sub", "br", "del", "ins", "u", "s"]);

/** The cell of a changed table cell: the row's cell under the change's column header. */
export function cellOf(row: Element, table: Element | undefined, column: string | undefined): Element | undefined {
  if (!table || column === undefined) return undefined;
  const header = elements(table).find((f) => f.node.tagName === "tr")?.node;
  const names = header ? header.children.filter(isCell).map((c) => textOf(c).trim()) : [];
  const index = names.indexOf(column.trim());
  return index < 0 ? undefined : row.children.filter(isCell)[index];
}

export function isCell(node: Element["children"][number]): node is Element {
  return node.type === "element" && (node.tagName === "td" || node.tagName === "th");
}

export function tableOf(root: Parent, row: Element): Element | undefined {
  return elements(root).find((f) => f.node.tagName === "table" && elements(f.node).some((e) => e.node === row))?.node;
}

/**
 * For each line of the old version, the line of the new version where the nearest unchanged line at or before it
 * now stands: where a removed thing "stood" in the new text. Only non-blank lines are matched (blank lines match
 * anything); jsdiff's array diff with an edit bound, so output never depends on time; past the bound nothing is mapped
 * and removals fall back to the change list's own box.
 */
export function lineMap(oldSource: string, newSource: string): (oldLine: number) => number | null {
  const oldLines = numbered(oldSource);
  const newLines = numbered(newSource);
  const parts = diffArrays(
    oldLines.map((l) => l.text),
    newLines.map((l) => l.text),
    { maxEditLength: 20_000 },
  );
  const mapped: [number, number][] = [];
  if (parts) {
    let o = 0;
    let n = 0;
    for (const part of parts) {
      const count = part.count ?? part.value.length;
      if (!part.added && !part.removed) {
        for (let k = 0; k < count; k++) mapped.push([oldLines[o + k].line, newLines[n + k].line]);
      }
      if (!part.added) o += count;
      if (!part.removed) n += count;
    }
  }
  return (oldLine) => {
    let best: number | null = null;
    for (const [o, n] of mapped) {
      if (o >= oldLine) break;
      best = n;
    }
    return best;
  };
}

function numbered(source: string): { text: string; line: number }[] {
  return source
    .split(/\r?\n|\r/)
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .filter((l) => l.text !== "");
}

/** The top-level block of the new version that holds `line`, or the last one starting before it. */
export function blockAt(root: Root, line: number): Element | undefined {
  const blocks = root.children.filter((c): c is Element => c.type === "element");
  return blocks.find((b) => spans(b, line)) ?? blocks.filter((b) => (startLine(b) ?? 0) <= line).pop();
}
