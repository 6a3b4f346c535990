import { readFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkFrontmatter from "remark-frontmatter";
import type { Root } from "mdast";
import { splitIntoIndependentPieces } from "../src/parse/pieces.js";
import { DEFAULT_PIECE_MEMORY, parseMarkdown, resetPieceMemory } from "../src/parse/markdown.js";
import { ruleFixtureFiles } from "./helpers/fixtures.js";
import { globSync } from "tinyglobby";
import { FIXTURES, ROOT } from "./helpers/fixtures.js";

// The reference: remark on the whole text, with nothing remembered.
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);
const wholeTree = (text: string) => JSON.stringify(remark.parse(text));
const pieceTree = (text: string) => JSON.stringify(parseMarkdown(text));

const { snippets: SNIPPETS, separators: SEPARATORS } = JSON.parse(
  readFileSync(path.join(FIXTURES, "parse/block-snippets.json"), "utf8"),
) as {
  snippets: string[];
  separators: string[];
};

/**
 * The tree the pieces give when each is parsed alone, as a remembered piece is: remark on each piece, positions moved
 * to where the piece stands. The fresh parseMarkdown parses new pieces together, so it alone would hide a wrong cut.
 */
function piecesAlone(text: string): string {
  const children: unknown[] = [];
  let line = 0;
  let offset = 0;
  for (const piece of splitIntoIndependentPieces(text)) {
    for (const block of remark.parse(piece).children)
      children.push(
        JSON.parse(JSON.stringify(block), (key, value) =>
          key === "line" ? value + line : key === "offset" ? value + offset : value,
        ),
      );
    line += piece.split("\n").length - 1;
    offset += piece.length;
  }
  return JSON.stringify(children);
}
const wholeChildren = (text: string) => JSON.stringify(remark.parse(text).children);

/** remark's development build (which tests load) asserts against a few inputs its production build parses. */
function refusedByRemark(text: string): boolean {
  try {
    remark.parse(text);
    return false;
  } catch {
    return true;
  }
}

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
  let text = "";
  const blocks = 2 + Math.floor(next() * 12);
  for (let i = 0; i < blocks; i++) text += pick(SNIPPETS) + pick(SEPARATORS);
  return next() < 0.3 ? text.trimEnd() : text;
}

describe("parsing in independent pieces gives remark's tree for the whole text", () => {
  it("on 1000 generated documents mixing every block that could be cut wrongly, with LF and CRLF endings", () => {
    let cut = 0;
    let refused = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const lf = generatedDocument(seed);
      for (const text of [lf, lf.replace(/\r?\n/g, "\r\n")]) {
        if (refusedByRemark(text)) {
          refused++;
          continue;
        }
        if (splitIntoIndependentPieces(text).length > 1) cut++;
        expect(piecesAlone(text), `seed ${seed}, pieces alone: ${JSON.stringify(text)}`).toBe(wholeChildren(text));
        expect(pieceTree(text), `seed ${seed}: ${JSON.stringify(text)}`).toBe(wholeTree(text));
      }
    }
    // The generator must produce documents that are really cut, or the comparison proves nothing.
    expect(cut).toBeGreaterThan(1000);
    expect(refused).toBeLessThan(100);
  });

  it("on the cases an adversarial review found, each parsed after a document that leaves its pieces remembered", () => {
    const cases = [
      // HTML that micromark closes on its opening line, so the fence on the next line is real.
      "<?>\n```?>\n\nx\n",
      "<!-->\n```-->\n\nx\n",
      "<!--->\n```-->\n\nx\n",
      // micromark does not close CDATA at `]]]>`.
      "<![CDATA[]]]>\n\nx\n",
      // remark-frontmatter closes at `--- ` too.
      "---\na: 1\n--- \n```\n---\n\nx\n",
      "\uFEFF---\na: 1\n\nb: 2\n---\n",
      "\uFEFF",
      "\r",
      // Code or HTML open in a list item would take in the blank lines at the end of a piece.
      "- ```\n\nd",
      "-\t<!--\n\n<",
      "1. <!--\n\nz",
      "- \t```\n\nd",
      // After indented code, a block quote starts in micromark's interrupting mode, where `>-` holds no list item.
      "a\n\n>-",
      "\ta\n\n>-",
      "    a\n\n> 2. b",
      // Autolink literals make nodes without a position.
      "www.\n\n# A\n",
      "[privacy@example.com]\n\n[www.example.org]\n\n-->www.x.org\n",
    ];
    for (const text of cases) {
      for (const piece of splitIntoIndependentPieces(text)) parseMarkdown(`${piece}\n\n# other\n`);
      parseMarkdown("x\n");
      expect(piecesAlone(text), JSON.stringify(text)).toBe(wholeChildren(text));
      expect(pieceTree(text), JSON.stringify(text)).toBe(wholeTree(text));
      expect(pieceTree(text), `${JSON.stringify(text)} again`).toBe(wholeTree(text));
    }
  });

  it("on every fixture the tests use", () => {
    const files = globSync("**/*.md", { cwd: FIXTURES, absolute: true });
    expect(files.length).toBeGreaterThan(ruleFixtureFiles().length);
    for (const file of files) {
      const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      expect(pieceTree(text), file).toBe(wholeTree(text));
    }
  });

  it("keeps a field remark's production build sets on the root (a task-list quirk its development build asserts against)", () => {
    const script = `
      import { parseMarkdown } from ${JSON.stringify(path.join(ROOT, "dist/src/parse/markdown.js"))};
      import { unified } from "unified"; import remarkParse from "remark-parse"; import remarkGfm from "remark-gfm";
      import remarkFrontmatter from "remark-frontmatter";
      const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);
      const text = "# A\\n\\n-\\n[x] k\\n";
      const whole = remark.parse(text);
      console.log(JSON.stringify([whole.checked, JSON.stringify(parseMarkdown(text)) === JSON.stringify(whole)]));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual([true, true]);
  });

  it("on a text of many runs of new pieces, parsed a run at a time (nothing remembered)", () => {
    // 60 copies of the seed policy, each made its own, is about 400 KB: several of parseMarkdown's runs.
    const seed = readFileSync(path.join(FIXTURES, "seed/imagen-privacy-policy.md"), "utf8");
    const text = Array.from({ length: 60 }, (_, i) =>
      seed.replace(/^(#+ .*)$/gm, `$1 ${i}`).replace(/\bdata\b/g, `data ${i}`),
    ).join("\n\n");
    expect(splitIntoIndependentPieces(text).length).toBeGreaterThan(1000);
    resetPieceMemory(0);
    try {
      expect(pieceTree(text)).toBe(wholeTree(text));
    } finally {
      resetPieceMemory(DEFAULT_PIECE_MEMORY);
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
    for (const text of [
      "```\n\n# x\n```\n",
      "<!--\n\n# x\n-->\n",
      "<pre>\n\n# x\n</pre>\n",
      "---\na: 1\n\nb: 2\n---\n",
    ]) {
      expect(pieces(text), text).toEqual([text]);
    }
    expect(pieces("```\n\n# x\n```\n\n# y\n")).toEqual(["```\n\n# x\n```\n\n", "# y\n"]);
  });

  it("never in a document with a definition (references anywhere may use it) or a lone CR line ending", () => {
    for (const text of [
      "# A\n\n[x]: https://x.example\n\n# B [x]\n",
      "# A\n\nfoot[^1]\n\n[^1]: note\n",
      "# A\r\rText\r\r# B\r",
    ]) {
      expect(pieces(text), text).toEqual([text]);
    }
  });
});
