// The stated limits (README "Limits and guarantees"): large files, deep nesting, many files, each run as a user
// runs it, for time and peak memory. Inputs are generated in a temporary folder and removed afterwards. These take
// minutes (the 50 MB check alone several), so run them by name: `npm run bench large-files deep-nesting many-files`.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measure, nodeCommand } from "./processes.js";

const RUNS = Number(process.env.POLICYLINT_BENCH_LIMIT_RUNS ?? 1);
const MB = 1024 * 1024;

export function limitSections({ ROOT, CORPUS, table, targets }) {
  const BIN = path.join(ROOT, "bin/policylint.js");
  const header = ["command", "input", "seconds", "max RSS MB"];
  const row = (r, input) => [r.label, input, (r.medianMs / 1000).toFixed(1), r.maxRssMb.toFixed(0)];

  /** A run in a fresh temporary folder, removed afterwards. */
  function inTemp(name, fn) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `policylint-bench-${name}-`));
    try {
      return fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  function newest(document) {
    const dir = path.join(CORPUS, document);
    return readFileSync(path.join(dir, readdirSync(dir).sort().pop()), "utf8");
  }

  /**
   * About `megabytes` of policy: copies of GitHub's privacy statement, each line of text in copy i ending in " §i" so
   * no two copies share a paragraph (remembered pieces would make repeats nearly free). `edit`: every tenth copy
   * has a word changed, for a diff with changes spread over the whole file.
   */
  function largePolicy(megabytes, edit = false) {
    const source = newest("github-site-policy/privacy-statement");
    const copies = [];
    let length = 0;
    for (let i = 0; length < megabytes * MB; i++) {
      let copy = source
        .split("\n")
        .map((line) => (/^[#\-*+>0-9. ]*\p{L}/u.test(line) && !line.startsWith("|") ? `${line} §${i}` : line))
        .join("\n");
      if (edit && i % 10 === 3) copy = copy.replace(/personal data/i, "personal information");
      copies.push(copy);
      length += copy.length + 2;
    }
    return copies.join("\n\n");
  }

  function largeFiles() {
    inTemp("large", (dir) => {
      const write = (name, text) => writeFileSync(path.join(dir, name), text);
      write("10mb.md", largePolicy(10));
      write("10mb-edited.md", largePolicy(10, true));
      write("50mb.md", largePolicy(50));
      const check = (label, file, extra = []) =>
        nodeCommand(label, BIN, ["check", file, "--today", "2026-11-25", ...extra], { cwd: dir });
      const results = [
        ...measure(
          [
            check("check", "10mb.md"),
            nodeCommand("diff --format json", BIN, ["diff", "10mb.md", "10mb-edited.md", "--format", "json"], {
              cwd: dir,
            }),
          ],
          RUNS,
        ),
        ...measure(
          [
            check("check --max-file-size 64", "50mb.md", ["--max-file-size", "64"]),
            check("check (refused: over 32 MB)", "50mb.md"),
          ],
          RUNS,
        ),
      ];
      const inputs = ["10 MB", "10 MB vs edited copy", "50 MB", "50 MB"];
      table(
        `large files: distinct copies of GitHub's privacy statement (${RUNS === 1 ? "one run" : `median of ${RUNS}`})`,
        header,
        results.map((r, i) => row(r, inputs[i])),
      );
      targets.push([
        "check of 50 MB ≤ 6× the 10 MB time (5× the text)",
        (results[2].medianMs / results[0].medianMs).toFixed(1),
        6,
      ]);
    });
  }

  function deepNesting() {
    inTemp("nesting", (dir) => {
      const write = (name, text) => writeFileSync(path.join(dir, name), text);
      write("list.md", `${"- ".repeat(10_000)}item\n`);
      write("quote-old.md", `${"> ".repeat(10_000)}old\n`);
      write("quote-new.md", `${"> ".repeat(10_000)}new\n`);
      write("brackets.md", `# Policy\n\n${"[a] ".repeat(64_000)}\n`);
      write("at-limit.md", `# Policy\n\n${`${"- ".repeat(100)}item\n\n${"> ".repeat(100)}quote\n\n`.repeat(50)}`);
      const results = measure(
        [
          nodeCommand("check (refused)", BIN, ["check", "list.md"], { cwd: dir }),
          nodeCommand("diff (refused)", BIN, ["diff", "quote-old.md", "quote-new.md"], { cwd: dir }),
          nodeCommand("check (refused)", BIN, ["check", "brackets.md"], { cwd: dir }),
          nodeCommand("check", BIN, ["check", "at-limit.md", "--today", "2026-11-25"], { cwd: dir }),
        ],
        Math.max(3, RUNS),
      );
      const inputs = [
        "list 10,000 deep (20 KB)",
        "block quotes 10,000 deep",
        "64,000 [a] in a paragraph",
        "100 lists and 100 quotes 100 deep",
      ];
      table(
        "deep nesting: refused in one line at the limits, or checked at them (median of 3)",
        header,
        results.map((r, i) => row(r, inputs[i])),
      );
    });
  }

  function manyFiles() {
    inTemp("files", (dir) => {
      const source = newest("basecamp-policies/basecamp-subprocessors");
      // 100,000 copies of a small policy in 100 folders, each with a line of its own, so each file is parsed anew.
      for (let d = 0; d < 100; d++) {
        const folder = path.join(dir, `folder-${String(d).padStart(3, "0")}`);
        mkdirSync(folder);
        for (let f = 0; f < 1000; f++)
          writeFileSync(
            path.join(folder, `policy-${String(f).padStart(3, "0")}.md`),
            `${source}\nCopy ${d * 1000 + f}.\n`,
          );
      }
      const results = measure(
        [nodeCommand("check .", BIN, ["check", ".", "--today", "2026-11-25"], { cwd: dir })],
        RUNS,
      );
      table(
        `many files: 100,000 copies of a ${(source.length / 1024).toFixed(1)} KB sub-processor list (${RUNS === 1 ? "one run" : `median of ${RUNS}`})`,
        header,
        results.map((r) => row(r, "100,000 files")),
      );
    });
  }

  return { "large-files": largeFiles, "deep-nesting": deepNesting, "many-files": manyFiles };
}
