import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/parse/document.js";
import {
  checkNesting,
  frontMatterNesting,
  InputLimitError,
  MAX_INLINE_MARKERS,
  MAX_NESTING,
} from "../src/parse/limits.js";
import { setMaxFileSize } from "../src/engine/files.js";
import { blobAt, resolveCommit } from "../src/git/git.js";
import { runCli, tempProject } from "./helpers/cli.js";
import { ROOT } from "./helpers/fixtures.js";
import { scratchRepo } from "./helpers/git.js";

const POLICY = readFileSync(path.join(ROOT, "fixtures/seed/imagen-privacy-policy.md"), "utf8");
const deepList = (levels: number, word = "x") => `${"- ".repeat(levels)}${word}\n`;
const deepQuote = (levels: number, word = "x") => `${"> ".repeat(levels)}${word}\n`;
/** The limit a step stopped at, or null when it went through; any other error is the test's failure. */
function limitHit(step: () => unknown): InputLimitError | null {
  try {
    step();
    return null;
  } catch (error) {
    if (!(error instanceof InputLimitError)) throw error;
    return error;
  }
}
const limitLine = (file: string, line = 1) =>
  `policylint: ${file}: lists and block quotes nested deeper than ${MAX_NESTING} levels at line ${line}, beyond policylint's limit\n`;

describe("nesting deeper than the limit (src/parse/limits.ts)", () => {
  // Before the limit: `check` of a 10,000-deep list (20 KB) ran past 60 s in micromark; `diff` of a 3,000-deep block
  // quote threw a RangeError (stack overflow) with its stack trace.
  it("check: a 10,000-deep list is one line naming the file, exit 2, and the other files are still checked", () => {
    const dir = tempProject({ "deep.md": deepList(10_000), "privacy.md": POLICY });
    const run = runCli(["check", "deep.md", "privacy.md", "--format", "json", "--today", "2026-11-25"], { cwd: dir });
    expect(run.stderr).toBe(limitLine("deep.md"));
    expect(run.code).toBe(2);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { message: string; fatal?: boolean }[] }[];
    expect(results.map((r) => path.basename(r.filePath))).toEqual(["deep.md", "privacy.md"]);
    expect(results[0].messages).toMatchObject([
      { fatal: true, message: expect.stringContaining(`deeper than ${MAX_NESTING} levels`) },
    ]);
    expect(results[1].messages.length).toBeGreaterThan(0);
  }, 60_000);

  it("diff and notice: a 3,000-deep block quote is one line, exit 2, no stack trace", () => {
    const dir = tempProject({
      "old.md": deepQuote(3_000, "old"),
      "new.md": deepQuote(3_000, "new"),
      "privacy.md": POLICY,
    });
    expect(runCli(["diff", "old.md", "new.md"], { cwd: dir })).toMatchObject({
      code: 2,
      stdout: "",
      stderr: limitLine("old.md"),
    });
    expect(runCli(["diff", "privacy.md", "new.md"], { cwd: dir })).toMatchObject({
      code: 2,
      stdout: "",
      stderr: limitLine("new.md"),
    });
    expect(runCli(["notice", "privacy.md", "new.md"], { cwd: dir })).toMatchObject({
      code: 2,
      stdout: "",
      stderr: limitLine("new.md"),
    });
    const list = tempProject({ "old.md": deepList(10_000), "new.md": POLICY });
    expect(runCli(["diff", "old.md", "new.md"], { cwd: list })).toMatchObject({ code: 2, stderr: limitLine("old.md") });
  }, 60_000);

  it("diff --against: the file beyond the limit is one line, exit 2, and the other files are still compared", () => {
    const { dir, git } = scratchRepo({ "deep.md": "# Deep\n\nShallow for now.\n", "privacy.md": POLICY });
    git("add", ".");
    git("commit", "-qm", "v1");
    writeFileSync(path.join(dir, "deep.md"), `# Deep\n\n${deepQuote(3_000)}`);
    writeFileSync(
      path.join(dir, "privacy.md"),
      POLICY.replace(/\n## /, "\nA new sentence about sharing data with advertisers.\n\n## "),
    );
    const run = runCli(["diff", "--against", "HEAD", "deep.md", "privacy.md"], { cwd: dir });
    expect(run.stderr).toBe(limitLine("deep.md", 3));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("HEAD:privacy.md → privacy.md");
  }, 60_000);

  it(`checks ${MAX_NESTING} levels as any other text, and refuses ${MAX_NESTING + 1}`, () => {
    const dir = tempProject({
      "at.md": `# Policy\n\n${deepList(MAX_NESTING)}\n${deepQuote(MAX_NESTING)}`,
      "over.md": `# Policy\n\n${deepList(MAX_NESTING + 1)}`,
    });
    const at = runCli(["check", "at.md", "--today", "2026-11-25"], { cwd: dir });
    expect(at.stderr).toBe("");
    expect(at.code).toBe(1);
    expect(runCli(["check", "over.md", "--today", "2026-11-25"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: limitLine("over.md", 3),
    });
  }, 60_000);
});

const markerLine = (file: string, line: number) =>
  `policylint: ${file}: more than ${MAX_INLINE_MARKERS.toLocaleString("en-US")} emphasis and link markers in one paragraph at line ${line}, beyond policylint's limit\n`;

describe("emphasis and link markers beyond the limit in one paragraph", () => {
  // Before the limit: micromark looked back over every marker of the paragraph for each one: 64,000 `[a]` (188 KB)
  // took 91 s, 4,000 nested emphases (23 KB) 53 s.
  it("check: 64,000 `[a]` in a paragraph is one line naming the file and line, exit 2, the other file checked", () => {
    const dir = tempProject({
      "brackets.md": `# Policy\n\nIntro.\n\n${"[a] ".repeat(64_000)}\n`,
      "privacy.md": POLICY,
    });
    const run = runCli(["check", "brackets.md", "privacy.md", "--format", "json", "--today", "2026-11-25"], {
      cwd: dir,
    });
    expect(run.stderr).toBe(markerLine("brackets.md", 5));
    expect(run.code).toBe(2);
    const results = JSON.parse(run.stdout) as { messages: unknown[] }[];
    expect(results[1].messages.length).toBeGreaterThan(0);
  }, 60_000);

  it("diff and notice: 4,000 nested emphases are one line, exit 2", () => {
    const dir = tempProject({
      "old.md": POLICY,
      "new.md": `${POLICY}\n${"*a ".repeat(4_000)}x${" b*".repeat(4_000)}\n`,
    });
    const line = POLICY.split("\n").length + 1;
    expect(runCli(["diff", "old.md", "new.md"], { cwd: dir })).toMatchObject({
      code: 2,
      stdout: "",
      stderr: markerLine("new.md", line),
    });
    expect(runCli(["notice", "old.md", "new.md"], { cwd: dir })).toMatchObject({
      code: 2,
      stdout: "",
      stderr: markerLine("new.md", line),
    });
  }, 60_000);

  const refusal = (text: string) => {
    const hit = limitHit(() => parseDocument(text, "f.md"));
    return hit && `${hit.filePath}:${hit.line}`;
  };

  it(`counts ${MAX_INLINE_MARKERS} markers in a paragraph as any text, and refuses one more`, () => {
    const markers = (n: number) => "a* ".repeat(n);
    expect(refusal(`# P\n\n${markers(MAX_INLINE_MARKERS)}\n`)).toBeNull();
    expect(refusal(`# P\n\n${markers(MAX_INLINE_MARKERS + 1)}\n`)).toBe("f.md:3");
  });

  it("counts each paragraph, heading and table cell on its own: a table of 2,000 linked rows is read", () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `| [Vendor ${i}](https://v${i}.example) | **hosting** |`).join(
      "\n",
    );
    expect(refusal(`# Sub-processors\n\n| Vendor | Purpose |\n| --- | --- |\n${rows}\n`)).toBeNull();
    const paragraphs = Array.from(
      { length: 2_000 },
      (_, i) => `See [the terms ${i}](https://t.example/${i}) and *note ${i}*.`,
    ).join("\n\n");
    expect(refusal(`# Policy\n\n${paragraphs}\n`)).toBeNull();
  });

  it("names the line in the file when the text before it was parsed earlier and is remembered", () => {
    const start = Array.from({ length: 40 }, (_, i) => `## Part ${i}\n\nText of part ${i}.\n`).join("\n");
    expect(refusal(start)).toBeNull();
    expect(refusal(`${start}\n${"[a] ".repeat(MAX_INLINE_MARKERS)}\n`)).toBe(`f.md:${start.split("\n").length + 1}`);
  });
});

describe("front matter nested deeper than the limit", () => {
  // Fuzz seed 20261138 (fixtures/fuzz/mutation-1-*): 1,953 `[` in front matter overflowed the yaml parser's stack,
  // which it reported; parsing the same text a second time in the process then aborted node itself ("FATAL ERROR:
  // RegExpCompiler Allocation failed"), as a regex compiled on the exhausted stack. Every shape the parser recurses on.
  const shapes: Record<string, string> = {
    "flow sequences": "[".repeat(3000),
    "flow mappings": "{a: ".repeat(3000),
    "compact sequences": `${"- ".repeat(5000)}x`,
    "explicit keys": `${"? ".repeat(5000)}x`,
    "indented mappings": Array.from({ length: 3000 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n"),
  };
  for (const [shape, yaml] of Object.entries(shapes)) {
    it(`${shape}: refused with the limit named, every time the text is parsed`, () => {
      const text = `---\n${yaml}\n---\n\n# Privacy\n\nWe collect your email address.\n`;
      for (let i = 0; i < 3; i++) {
        // Deep `- ` and indentation at line starts already meet the Markdown limit (checkNesting reads every line).
        const hit = limitHit(() => parseDocument(text, "deep.md"));
        const reason = hit ? hit.limit : parseDocument(text, "deep.md").frontMatter.error;
        expect(reason).toMatch(`deeper than ${MAX_NESTING} levels`);
      }
    });
  }

  it("check reports it as the file's front-matter problem and checks the other files", () => {
    const deep = `---\n${"[".repeat(2000)}\n---\n\n# Privacy\n`;
    const dir = tempProject({ "a.md": deep, "b.md": deep, "privacy.md": POLICY });
    const run = runCli(["check", "a.md", "b.md", "privacy.md", "--format", "json", "--today", "2026-11-25"], {
      cwd: dir,
    });
    expect(run.stderr).toBe("");
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { message: string }[] }[];
    expect(results.map((r) => path.basename(r.filePath))).toEqual(["a.md", "b.md", "privacy.md"]);
    for (const r of results.slice(0, 2)) {
      expect(r.messages[0].message).toBe(
        `Front matter is not valid YAML: nested deeper than ${MAX_NESTING} levels, beyond policylint's limit`,
      );
    }
  });

  it("reads real front matter as any other: nesting, quoted brackets and colons stay far below the bound", () => {
    const real = [
      "title: GitHub Terms of Service",
      "redirect_from:",
      "  - /tos/",
      "  - /terms/",
      'description: "Time: 10:30 [draft] {v2}"',
      "versions:",
      "  fpt: '*'",
    ].join("\n");
    expect(frontMatterNesting(real)).toBe(3);
    expect(parseDocument(`---\n${real}\n---\n\n# Terms\n`, "t.md").frontMatter.data).toMatchObject({
      redirect_from: ["/tos/", "/terms/"],
    });
    expect(frontMatterNesting("a: [b, {c: [d]}]")).toBe(5);
    expect(frontMatterNesting(`${"[".repeat(MAX_NESTING)}`)).toBe(MAX_NESTING);
  });
});

describe("checkNesting's bound", () => {
  const refused = (text: string) => limitHit(() => checkNesting(text, "f.md"))?.message ?? null;

  it("counts markers of every kind, and each two columns of indentation as a level at most", () => {
    expect(refused(`${"> - 1. ".repeat(33)}x`)).toBeNull();
    expect(refused(`${"> - 1. ".repeat(34)}x`)).toMatch(/line 1,/);
    expect(refused(`${" ".repeat(2 * MAX_NESTING)}indented code`)).toBeNull();
    expect(refused(`${" ".repeat(2 * MAX_NESTING + 2)}indented code`)).toMatch(/line 1,/);
    // A tab is up to four columns: as deep as four spaces.
    expect(refused(`${"\t".repeat(MAX_NESTING / 2)}x`)).toBeNull();
    expect(refused(`${"\t".repeat(MAX_NESTING / 2 + 1)}x`)).toMatch(/line 1,/);
  });

  it("does not count what is no marker: `-` or `1.` before text, a `*` of emphasis, a number over nine digits", () => {
    expect(
      refused(`${"-".repeat(500)}\n${"1.a ".repeat(500)}\n*${"*".repeat(500)}a\n${"1234567890. ".repeat(200)}`),
    ).toBeNull();
  });

  it("names the line, counting LF, CRLF and a lone CR as one line ending each", () => {
    expect(refused(`a\r\nb\rc\n\n${deepQuote(MAX_NESTING + 1)}`)).toMatch(/at line 5,/);
  });
});

describe("files larger than --max-file-size (32 MB by default)", () => {
  // Before the limit: a 50 MB policy ran check for minutes and diff up to 3.2 GB, at Node's default heap limit.
  const big = (megabytes: number) =>
    `# Policy\n\n${"We keep your data safe and private.\n\n".repeat(Math.ceil((megabytes * 1024 * 1024) / 37))}`;
  const line = (file: string, mb = 32) =>
    `policylint: ${file}: larger than ${mb} MB, policylint's limit (--max-file-size raises it)\n`;

  it("check refuses a 33 MB file in one line before reading it, exit 2, and checks the others", () => {
    const dir = tempProject({ "big.md": big(33), "privacy.md": POLICY });
    const started = performance.now();
    const run = runCli(["check", "big.md", "privacy.md", "--format", "json", "--today", "2026-11-25"], { cwd: dir });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(run.stderr).toBe(line("big.md"));
    expect(run.code).toBe(2);
    expect((JSON.parse(run.stdout) as { messages: unknown[] }[])[1].messages.length).toBeGreaterThan(0);
  }, 60_000);

  it("diff and notice refuse it too; standard input is held to the same limit", () => {
    const dir = tempProject({ "big.md": big(2), "privacy.md": POLICY });
    expect(runCli(["diff", "privacy.md", "big.md", "--max-file-size", "1"], { cwd: dir })).toMatchObject({
      code: 2,
      stdout: "",
      stderr: line("big.md", 1),
    });
    expect(runCli(["notice", "big.md", "privacy.md", "--max-file-size", "1"], { cwd: dir })).toMatchObject({
      code: 2,
      stdout: "",
      stderr: line("big.md", 1),
    });
    const stdin = runCli(["check", "-", "--max-file-size", "1"], { cwd: dir, input: big(2) });
    expect(stdin).toMatchObject({
      code: 2,
      stderr: "policylint: <stdin>: larger than 1 MB, policylint's limit (--max-file-size raises it)\n",
    });
  }, 60_000);

  it("diff --against: a version at REV beyond the limit is one line, unread, and the other files are still compared", () => {
    // The gate's promise for a version at REV as for a file: one line naming it, the other files still compared. (It
    // held before too; since the blob is measured before it is read, this guards that path.)
    // 1.5 MB in one code block: beyond a 1 MB limit, within 2, and cheap to diff.
    const block = `# Policy\n\n\`\`\`\n${"0123456789abcdef\n".repeat(95_000)}\`\`\`\n`;
    const { dir, git } = scratchRepo({ "big.md": block, "privacy.md": POLICY });
    git("add", ".");
    git("commit", "-qm", "v1");
    writeFileSync(path.join(dir, "big.md"), "# Policy\n\nShort now.\n");
    writeFileSync(path.join(dir, "privacy.md"), POLICY.replace("protects information", "protects all information"));
    const refused = runCli(
      ["diff", "--against", "HEAD", "big.md", "privacy.md", "--format", "json", "--max-file-size", "1"],
      { cwd: dir },
    );
    expect(refused.stderr).toBe(line("HEAD:big.md", 1));
    expect(refused.code).toBe(2);
    expect(
      (JSON.parse(refused.stdout) as { results: { new: { file: string } }[] }).results.map((r) => r.new.file),
    ).toEqual(["privacy.md"]);
    // --stat: the JSON would carry the 1.5 MB block back, past spawnSync's own output buffer.
    const read = runCli(["diff", "--against", "HEAD", "big.md", "--stat", "--max-file-size", "2"], { cwd: dir });
    expect(read).toMatchObject({ code: 0, stderr: "" });
    expect(read.stdout).toMatch(/1 section changed/);
  }, 120_000);

  it("a git blob as large as --max-file-size allows is read whole (git's output buffer follows the limit)", async () => {
    // Before: a fixed 64 MB buffer, so under --max-file-size 100 a 65 MB version at REV failed with
    // ERR_CHILD_PROCESS_STDIO_MAXBUFFER. Read through the git module only: diffing 65 MB would take minutes.
    const { dir, git } = scratchRepo({ "big.md": Buffer.alloc(65 * 1024 * 1024, "a\n") });
    git("add", ".");
    git("commit", "-qm", "v1");
    try {
      setMaxFileSize(100);
      const commit = await resolveCommit("HEAD", dir, "big.md");
      expect((await blobAt(commit!, "HEAD", "big.md", dir))?.length).toBe(65 * 1024 * 1024);
      setMaxFileSize(64);
      await expect(blobAt(commit!, "HEAD", "big.md", dir)).rejects.toThrow(
        "HEAD:big.md: larger than 64 MB, policylint's limit (--max-file-size raises it)",
      );
    } finally {
      setMaxFileSize(32);
    }
  }, 120_000);

  it("--max-file-size raises it, and takes whole megabytes only", () => {
    const dir = tempProject({ "big.md": big(2) });
    expect(runCli(["check", "big.md", "--max-file-size", "3", "--today", "2026-11-25"], { cwd: dir }).stderr).toBe("");
    expect(runCli(["check", "big.md", "--max-file-size", "1.5"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'policylint: --max-file-size: "1.5" is not a whole number of megabytes (e.g. 64)\n',
    });
  }, 60_000);
});
