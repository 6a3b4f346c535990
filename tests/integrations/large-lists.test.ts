import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expandPaths } from "../../src/engine/files.js";
import { heaviestIncreasing } from "../../src/diff/similarity.js";
import { renderMarkdown, renderStat } from "../../src/diff/index.js";
import type { DiffResult } from "../../src/diff/types.js";
import { formatters } from "../../src/format/index.js";
import type { LintMessage } from "../../src/engine/types.js";

/**
 * A call's arguments live on the stack, so push(...list) and Math.max(...list) throw a RangeError once a list passes
 * about 120,000 items. Lists that grow with the input (files found, findings in a file, blocks of a document, lines
 * of an added table) are folded or pushed one by one; these are the ones a large run reaches.
 */
const MANY = 200_000;

describe("lists as long as a large run makes them", () => {
  it("the stylish format takes a file with 200,000 findings", () => {
    const messages: LintMessage[] = Array.from({ length: MANY }, (_, i) => ({
      ruleId: "no-placeholders",
      severity: 1,
      message: "placeholder",
      line: i + 1,
      column: 1,
      endLine: i + 1,
      endColumn: 2,
    }));
    const output = formatters.stylish(
      [
        {
          filePath: "/p/big.md",
          messages,
          suppressedMessages: [],
          errorCount: 0,
          fatalErrorCount: 0,
          warningCount: MANY,
        },
      ],
      {
        cwd: "/p",
        rules: [],
        color: false,
        version: "",
      },
    );
    expect(output.split("\n")).toHaveLength(MANY + 4);
    expect(output).toContain(`  ${MANY}:1  warning  placeholder  no-placeholders\n`);
  });

  it("the diff orders 200,000 matched blocks", () => {
    const values = Array.from({ length: MANY }, (_, i) => i);
    [values[10], values[20]] = [values[20], values[10]];
    expect(heaviestIncreasing(values).size).toBe(MANY - 2);
  });

  it("the markdown and stat renderings quote a table of 200,000 rows", () => {
    const content = ["Vendor | Purpose", ...Array.from({ length: MANY }, (_, i) => `Vendor ${i} | hosting`)].join("\n");
    const result: DiffResult = {
      old: { file: "old.md", lastUpdated: null, stated: null },
      new: { file: "new.md", lastUpdated: null, stated: null },
      changes: [
        {
          id: "c1",
          kind: "added",
          target: "table",
          path: ["Vendors"],
          section: null,
          old: null,
          new: { text: "Vendors table", line: 3, path: ["Vendors"], content },
          edits: [],
        },
      ],
    };
    expect(renderMarkdown(result)).toContain(`  > | Vendor ${MANY - 1} | hosting |\n`);
    expect(renderStat(result)).toContain("Vendors");
  });

  it("a directory of 150,000 Markdown files is expanded", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "policylint-many-"));
    try {
      for (let d = 0; d < 150; d++) {
        mkdirSync(path.join(dir, `d${d}`));
        for (let f = 0; f < 1000; f++) writeFileSync(path.join(dir, `d${d}`, `p${f}.md`), "");
      }
      const { files, problems } = await expandPaths(["."], dir, () => false);
      expect(problems).toEqual([]);
      expect(files).toHaveLength(150_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
