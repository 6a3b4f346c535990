import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkFrontmatter from "remark-frontmatter";
import type { Root } from "mdast";
import { splitIntoIndependentPieces } from "../src/parse/chunks.js";
import { parseMarkdown } from "../src/parse/markdown.js";
import { ruleFixtureFiles } from "./helpers/fixtures.js";
import { globSync } from "tinyglobby";
import { FIXTURES } from "./helpers/fixtures.js";

// The reference: remark on the whole text, with nothing remembered.
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);
const wholeTree = (text: string) => JSON.stringify(remark.parse(text));
const pieceTree = (text: string) => JSON.stringify(parseMarkdown(text));

// Blocks that stay open across blank lines, continue lists, interrupt or are interrupted: each a way a cut could
// change the tree.
const SNIPPETS = [
  "# Heading",
  "## Sub heading {#custom-id}",
  "Setext title\n============",
  "Setext two\n---",
  "Plain paragraph with *emphasis*, __bold__ and a [link](https://x.example).",
  "Lazy paragraph\ncontinued on a second line",
  "- item one\n- item two",
  "* star item",
  "+ plus item",
  "- [ ] a task",
  "1. first\n2. second",
  "3) paren item",
  "2024. A year that opens a line",
  "- item\n\n  its second paragraph",
  "- item\n\n      indented code in the item",
  "> quote line\ncontinued lazily",
  "> quote\n>\n> more",
  "```\ncode\n\n# not a heading\n```",
  "~~~js\nconst x = 1;\n\nx;\n~~~",
  "````md\n```\ninner\n```\n\n# still code\n````",
  "    indented code\n\n    more code",
  "<!-- a comment\n\n# not a heading\n-->",
  "<!-- one line -->",
  "<div>\nan HTML block\n</div>",
  "<pre>\n\n# inside pre\n</pre>",
  "<script>\nlet a;\n\n</script>",
  '<a id="anchor"></a>',
  "| a | b |\n| - | - |\n| 1 | 2 |",
  "***",
  "---",
  "Text with a hard break  \nafter two spaces",
  "\\# an escaped hash",
  "&amp; an entity &copy; and &#169;",
  "An autolink https://example.com/x and www.example.org/y",
  "A footnote call [^1] with no definition",
  "A blank to fill: [company name]",
  "<https://auto.link>",
  "\tA tab-indented line",
  "#hashtag, not a heading",
  "####### seven hashes",
  "Last updated: March 1, 2026",
  // Openings without their closings, and openings whose context decides whether they open anything.
  "```",
  "~~~",
  "<!--",
  "-->",
  "</div>",
  "<div>",
  "- item\n  ```\n  code in a list item",
  "  ```\n  an indented fence",
  "  <!-- an indented comment",
  "<span>inline</span> opens a paragraph",
  "Text\n```\na fence interrupting a paragraph\n```",
  "> ```\n> quoted code",
  "  - a nested item",
  "   # an indented heading",
];
const SEPARATORS = ["\n", "\n\n", "\n\n\n", "\n \n", "\n\t\n"];

/** A small deterministic generator (mulberry32), so a failure names a document that can be rebuilt. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatedDocument(seed: number): string {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  let text = next() < 0.2 ? "---\ntitle: Policy\n\nupdated: 2026-01-01\n---\n" : "";
  const blocks = 3 + Math.floor(next() * 14);
  for (let i = 0; i < blocks; i++) text += pick(SNIPPETS) + pick(SEPARATORS);
  return next() < 0.3 ? text.trimEnd() : text;
}

describe("parsing in independent pieces gives remark's tree for the whole text", () => {
  it("on 600 generated documents mixing every block that could be cut wrongly, with LF and CRLF endings", () => {
    let cut = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const lf = generatedDocument(seed);
      for (const text of [lf, lf.replace(/\n/g, "\r\n")]) {
        if (splitIntoIndependentPieces(text).length > 1) cut++;
        expect(pieceTree(text), `seed ${seed}: ${JSON.stringify(text)}`).toBe(wholeTree(text));
      }
    }
    // The generator must produce documents that are really cut, or the comparison proves nothing.
    expect(cut).toBeGreaterThan(900);
  });

  it("on every fixture the tests use", () => {
    const files = globSync("**/*.md", { cwd: FIXTURES, absolute: true });
    expect(files.length).toBeGreaterThan(ruleFixtureFiles().length);
    for (const file of files) {
      const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      expect(pieceTree(text), file).toBe(wholeTree(text));
    }
  });

  it("gives each caller its own tree: a remembered piece is copied, with its positions moved to where it stands", () => {
    const section = "## Sharing\n\nWe share data with processors.\n\n";
    const first = parseMarkdown(`# Policy\n\n${section}`);
    const second = parseMarkdown(`# Policy\n\nIntro.\n\n${section}`);
    const heading = (tree: Root) => tree.children.find((n) => n.type === "heading" && n.depth === 2)!;
    expect(heading(first).position!.start).toEqual({ line: 3, column: 1, offset: 10 });
    expect(heading(second).position!.start).toEqual({ line: 5, column: 1, offset: 18 });
    expect(heading(first)).not.toBe(heading(second));
    (heading(first) as { depth: number }).depth = 6;
    expect(parseMarkdown(`# Policy\n\n${section}`).children[1]).toMatchObject({ type: "heading", depth: 2 });
  });
});

describe("where a source is cut", () => {
  const pieces = (text: string) => splitIntoIndependentPieces(text);

  it("before an unindented block after a blank line", () => {
    expect(pieces("# A\n\nText.\n\n## B\nMore.\n")).toEqual(["# A\n\n", "Text.\n\n", "## B\nMore.\n"]);
  });

  it("not before another item of the same list, nor a line that continues a list item", () => {
    expect(pieces("- a\n\n- b\n\n1. c\n\n2. d\n\n  e\n")).toEqual(["- a\n\n- b\n\n1. c\n\n2. d\n\n  e\n"]);
  });

  it("not inside fenced code, a multi-line HTML comment or <pre>, or front matter", () => {
    for (const text of ["```\n\n# x\n```\n", "<!--\n\n# x\n-->\n", "<pre>\n\n# x\n</pre>\n", "---\na: 1\n\nb: 2\n---\n"]) {
      expect(pieces(text), text).toEqual([text]);
    }
    expect(pieces("```\n\n# x\n```\n\n# y\n")).toEqual(["```\n\n# x\n```\n\n", "# y\n"]);
  });

  it("never in a document with a definition (references anywhere may use it) or a lone CR line ending", () => {
    for (const text of ["# A\n\n[x]: https://x.example\n\n# B [x]\n", "# A\n\nfoot[^1]\n\n[^1]: note\n", "# A\r\rText\r\r# B\r"]) {
      expect(pieces(text), text).toEqual([text]);
    }
  });
});
