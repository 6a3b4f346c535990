import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { globSync } from "tinyglobby";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkFrontmatter from "remark-frontmatter";
import { splitIntoIndependentPieces } from "../../src/parse/pieces.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { CORPUS, HAS_CORPUS, corpusNewest } from "../helpers/fixtures.js";

if (!HAS_CORPUS) console.warn(`parse corpus suite skipped: ${CORPUS} is not present (it is on the project's CI)`);

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

describe.skipIf(!HAS_CORPUS)("parsing real policies in remembered pieces (../shared/corpus)", () => {
  it(
    "gives remark's tree for the whole text on every version of every document, in history order",
    { timeout: 300_000 }, // a guard against a hang, not a benchmark: it took over 120 s beside other work
    () => {
      // In path order, as a check of the corpus runs: each version finds most of its pieces remembered from the last.
      const files = globSync("**/*.md", { cwd: CORPUS, absolute: true }).sort();
      expect(files.length).toBeGreaterThan(500);
      let pieces = 0;
      for (const file of files) {
        const text = readFileSync(file, "utf8");
        pieces += splitIntoIndependentPieces(text).length;
        expect(JSON.stringify(parseMarkdown(text)), file).toBe(JSON.stringify(remark.parse(text)));
      }
      // Cut finely enough to matter: about a hundred pieces per version.
      expect(pieces).toBeGreaterThan(files.length * 50);
    },
  );

  it("gives the same tree with CRLF line endings", () => {
    for (const file of corpusNewest()) {
      const text = readFileSync(file, "utf8").replace(/\r?\n/g, "\r\n");
      expect(JSON.stringify(parseMarkdown(text)), file).toBe(JSON.stringify(remark.parse(text)));
    }
  });
});
