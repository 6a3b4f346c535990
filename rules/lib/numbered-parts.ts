import type { List, Paragraph, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { PolicyDocument, Section } from "../../src/parse/document.js";

/**
 * Every number a cross-reference can reach in a document, as canonical keys ("8.2", "d.4", "3.b"): numbered
 * headings, qualified by their parents' numbers ("4. License Grant" under "D." is "d.4"), and the clauses inside
 * sections: numbered list items, paragraphs that open with "(b)" or "3.2", and inline enumerations "(a) … (b) …".
 * Keys are generous on purpose: a reference that reaches anything here is not reported.
 */
export function numberedParts(doc: PolicyDocument): Set<string> {
  const keys = new Set<string>();
  const add = (parts: string[]) => {
    if (parts.length) keys.add(parts.join("."));
  };
  const qualified = new Map<Section, string[]>();
  for (const section of doc.allSections) {
    const own = section.number ? referenceParts(section.number) : [];
    let base: string[] = [];
    for (let p = section.parent; p; p = p.parent) {
      if (qualified.get(p)?.length) {
        base = qualified.get(p)!;
        break;
      }
    }
    const full = !own.length ? [] : startsWith(own, base) ? own : [...base, ...own];
    qualified.set(section, full);
    add(full);
    add(own);
    addClauses(section.blocks, full, add);
  }
  addClauses(doc.preamble, [], add);
  return keys;
}

/** "D.4" → ["d", "4"], "3(b)" → ["3", "b"], "8.2(a)(iv)" → ["8", "2", "a", "iv"]. */
export function referenceParts(reference: string): string[] {
  return reference.toLowerCase().match(/\d+|\p{L}+/gu) ?? [];
}

function startsWith(parts: string[], prefix: string[]): boolean {
  return prefix.length > 0 && prefix.every((p, i) => parts[i] === p);
}

const LABEL_PARENTHESISED = /^\s*\(\s*(\d{1,3}|[a-z]|[ivxlc]{1,6})\s*\)/i;
const LABEL_PUNCTUATED = /^\s*(\d{1,3}|[a-z])[.)]\s/i;
const LABEL_DOTTED = /^\s*(\d+(?:\.\d+)+)\.?(?=\s)/;
const INLINE_LABEL = /(?:^|[\s—–-])\((\d{1,2}|[a-z]|[ivx]{1,5})\)(?=\s)/gi;

function addClauses(blocks: RootContent[], base: string[], add: (parts: string[]) => void): void {
  let outer: string | null = null;
  for (const block of blocks) {
    if (block.type === "list" && block.ordered) addListItems(block, base, add);
    else if (block.type === "list") for (const item of block.children) addClauses(item.children, base, add);
    else if (block.type === "paragraph") outer = addParagraph(block, base, outer, add);
    else if (block.type === "blockquote") addClauses(block.children, base, add);
  }
}

function addListItems(list: List, base: string[], add: (parts: string[]) => void): void {
  list.children.forEach((item, i) => {
    const n = (list.start ?? 1) + i;
    for (const label of [String(n), letter(n), roman(n)]) {
      add([...base, label]);
      add([label]);
    }
    addClauses(item.children, [...base, String(n)], add);
  });
}

/** Registers the labels a paragraph opens with or enumerates inline; returns the label later "(i)"s nest under. */
function addParagraph(paragraph: Paragraph, base: string[], outer: string | null, add: (parts: string[]) => void): string | null {
  const text = toString(paragraph);
  const dotted = LABEL_DOTTED.exec(text);
  if (dotted) add(referenceParts(dotted[1]));
  const label = (LABEL_PARENTHESISED.exec(text) ?? LABEL_PUNCTUATED.exec(text))?.[1].toLowerCase();
  for (const m of text.matchAll(INLINE_LABEL)) add([...base, m[1].toLowerCase()]);
  if (!label) return outer;
  add([...base, label]);
  add([label]);
  // "(i)" after "(a)" is most often a sub-clause of (a); registering both readings keeps either reference valid.
  if (outer && /^[ivx]+$/.test(label)) add([...base, outer, label]);
  return /^[ivx]+$/.test(label) && outer ? outer : label;
}

function letter(n: number): string {
  return n >= 1 && n <= 26 ? String.fromCharCode(96 + n) : String(n);
}

function roman(n: number): string {
  const numerals: [number, string][] = [[40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let out = "";
  for (const [value, numeral] of numerals) while (n >= value) (out += numeral), (n -= value);
  return out;
}
