import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/parse/document.js";
import { parseHeadingNumber, sectionPath } from "../src/parse/sections.js";
import { documentText } from "../src/parse/text.js";

describe("heading numbering", () => {
  const cases: [string, string | null, string][] = [
    ["3. Sharing", "3", "Sharing"],
    ["8.2 Your rights", "8.2", "Your rights"],
    ["D.8 Retention", "D.8", "Retention"],
    ["12) Contact", "12", "Contact"],
    ["IV. Transfers", "IV", "Transfers"],
    ["Section 3: Cookies", "3", "Cookies"],
    ["§ 4 Security", "4", "Security"],
    ["A. Definitions", "A", "Definitions"],
    ["A Note on Cookies", null, "A Note on Cookies"],
    ["California Residents", null, "California Residents"],
    ["2026 Updates", "2026", "Updates"],
  ];
  for (const [text, number, title] of cases) {
    it(JSON.stringify(text), () => expect(parseHeadingNumber(text)).toEqual({ number, title }));
  }
});

describe("the section tree", () => {
  const doc = parseDocument(
    [
      "---",
      "title: Policy",
      "topics: [privacy]",
      "---",
      "Intro before any heading.",
      "",
      "Terms of Service",
      "================",
      "",
      "1\\. Who's Who",
      "-------------",
      "",
      "Body of one.",
      "",
      "### 1.1 Details {#details-id}",
      "",
      "Detail text.",
      "",
      '<h2 id="raw">2. Raw HTML heading</h2>',
      "",
      "Raw body.",
      "",
      '## 3. Last <a name="last"></a>',
      "",
    ].join("\n"),
  );

  it("reads front matter as data", () => {
    expect(doc.frontMatter.data).toEqual({ title: "Policy", topics: ["privacy"] });
    expect(doc.preamble.map((n) => n.type)).toEqual(["paragraph"]);
  });

  it("nests Setext, ATX and raw HTML headings by level, with escaped numbers parsed", () => {
    const outline = doc.allSections.map((s) => [s.depth, s.number, s.title, s.parent?.title ?? null]);
    expect(outline).toEqual([
      [1, null, "Terms of Service", null],
      [2, "1", "Who's Who", "Terms of Service"],
      [3, "1.1", "Details", "Who's Who"],
      [2, "2", "Raw HTML heading", "Terms of Service"],
      [2, "3", "Last", "Terms of Service"],
    ]);
    expect(sectionPath(doc.allSections[2])).toEqual(["Terms of Service", "1. Who's Who", "1.1 Details"]);
  });

  it("collects explicit ids and GitHub slugs as anchors", () => {
    expect(doc.allSections[2].anchors).toEqual(["details-id", "11-details"]);
    expect(doc.allSections[3].anchors).toContain("raw");
    expect(doc.allSections[4].anchors).toEqual(["last", "3-last"]);
  });

  it("gives each section its own blocks and its whole source span", () => {
    const [, one, details] = doc.allSections;
    expect(one.blocks.map((b) => b.type)).toEqual(["paragraph"]);
    expect(doc.source.slice(one.start, one.end)).toContain("Detail text.");
    expect(doc.source.slice(details.start, details.end)).not.toContain("Raw body");
  });

  it("keeps a malformed front matter as an error, not a crash", () => {
    const bad = parseDocument("---\ntitle: [unclosed\n---\n# Policy\n");
    expect(bad.frontMatter.data).toBeNull();
    expect(bad.frontMatter.error).toBeTruthy();
  });
});

describe("rendered text with source offsets", () => {
  it("maps decoded text (escapes, entities, emphasis, blockquote markers) back to the source", () => {
    const source = "> We share *data* with\n> A&amp;B \\[Co\\] [link **text**](https://x.example) `code`.\n";
    const doc = parseDocument(source);
    const [block] = documentText(doc).blocks;
    expect(block.text).toBe("We share data with\nA&B [Co] link text \uFFFC.");
    for (const word of ["share", "with", "B", "Co", "text"]) {
      const i = block.text.indexOf(word);
      expect(source.slice(block.offsets[i], block.offsets[i] + word.length)).toBe(word);
    }
  });
});
