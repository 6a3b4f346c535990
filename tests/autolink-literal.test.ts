import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { Construct } from "micromark-util-types";
import { guardedTokenizers, libraryTokenizers } from "../src/parse/autolink-literal.js";
import { parseDocument } from "../src/parse/document.js";
import { corpusNewest, newestWebVersions } from "./helpers/fixtures.js";
import { bestTime } from "./helpers/timing.js";

const gfm = unified().use(remarkParse).use(remarkGfm);

/** The tree remark-gfm gives `text` with the given tokenizers in place. */
function treeWith(tokenizers: Map<Construct, Construct["tokenize"]>, text: string): string {
  for (const [construct, tokenize] of tokenizers) construct.tokenize = tokenize;
  try {
    return JSON.stringify(gfm.parse(text));
  } finally {
    for (const [construct, tokenize] of guardedTokenizers) construct.tokenize = tokenize;
  }
}

function sameAsLibrary(text: string): void {
  expect(treeWith(guardedTokenizers, text)).toBe(treeWith(libraryTokenizers, text));
}

describe("autolink literals behind an unclosed [ (src/parse/autolink-literal.ts)", () => {
  it("guards each of the library's three autolink constructs", () => {
    expect([...guardedTokenizers.keys()].map((c) => c.name).sort()).toEqual([
      "emailAutolink",
      "protocolAutolink",
      "wwwAutolink",
    ]);
    for (const [construct, tokenize] of guardedTokenizers) expect(construct.tokenize).toBe(tokenize);
  });

  it("parses brackets, links and autolinks exactly as the library does", () => {
    const cases = [
      "[a www.example.com b](c)",
      "[ https://x.com and www.y.org",
      "[privacy@example.com]",
      "_privacy@example.com_",
      "[\\x]()https://e.com/?token=a b www.c.d",
      "[a [b](c) www.d.e [f]: x@y.zz",
      "![a [b] www.c.d ![e](f) http://g.h",
      "[a\n\nwww.b.c\n\n[d www.e.f](g) h@i.jj",
      "[x] [y [z](w) www.q.r] www.s.t",
      "- [ ] a www.b.c\n- [x] [d https://e.f",
    ];
    for (const text of cases) sameAsLibrary(text);
  });

  it("parses text made of brackets, links and autolinks exactly as the library does", () => {
    const piece = fc.constantFrom(
      "[",
      "]",
      "![",
      "(",
      ")",
      "](",
      "\\",
      " ",
      "\n",
      "\n\n",
      "*",
      "_",
      "`",
      "<",
      ">",
      "www.a.co",
      "http://b.org/x",
      "https://c.net",
      "d@e.io",
      "word",
      "[f]: g",
      "~~",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => sameAsLibrary(pieces.join(""))),
      { numRuns: 3000, seed: 391 },
    );
  });

  it("parses every newest real policy exactly as the library does", () => {
    const files = [...corpusNewest(), ...newestWebVersions()];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) sameAsLibrary(readFileSync(file, "utf8"));
  }, 120_000);

  it("keeps a paragraph behind an unclosed [ linear (the library took 7 s on 40 KB of it)", () => {
    const paragraph = (words: number) => `[ unclosed\n${"word www.x ".repeat(words)}\n`;
    const time = (words: number) => bestTime(() => paragraph(words), parseDocument);
    time(1000);
    // 16x the words: the library's walk took over 100x the time; linear is 16x, and up to about 40x on a loaded
    // machine, where garbage collection competes for the cores.
    expect(time(16_000) / time(1_000)).toBeLessThan(80);
  }, 120_000);
});
