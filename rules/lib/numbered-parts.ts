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
  addImpliedNumbers(doc, add);
  return keys;
}

/**
 * Headings whose numbers a conversion dropped: when the paragraphs under the Nth unnumbered heading of a level are
 * numbered "N.1", "N.2" … (Moltbook's 9th heading "Disclaimers" holds 9.1–9.10), that level is numbered by position,
 * so its Kth heading is section K.
 */
function addImpliedNumbers(doc: PolicyDocument, add: (parts: string[]) => void): void {
  const levels = new Set<Section[]>();
  for (const section of doc.allSections) {
    const siblings = section.parent ? section.parent.children : doc.sections;
    if (section.number || levels.has(siblings)) continue;
    const ordinal = String(siblings.indexOf(section) + 1);
    const numbered = section.blocks.some(
      (b) => b.type === "paragraph" && LABEL_DOTTED.exec(toString(b))?.[1].split(".")[0] === ordinal,
    );
    if (numbered) levels.add(siblings);
  }
  for (const siblings of levels) siblings.forEach((s, i) => !s.number && add([String(i + 1)]));
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
function addParagraph(
  paragraph: Paragraph,
  base: string[],
  outer: string | null,
  add: (parts: string[]) => void,
): string | null {
  const text = toString(paragraph);
  const dotted = LABEL_DOTTED.exec(text);
  // "9.10 Affiliates" is a clause of section 9: "this Section 9" reaches the paragraphs numbered 9.x.
  if (dotted) referenceParts(dotted[1]).forEach((_, i, parts) => add(parts.slice(0, i + 1)));
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
  const numerals: [number, string][] = [
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let out = "";
  for (const [value, numeral] of numerals) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}
