import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatters, lint } from "../src/index.js";
import { lintThreads } from "../src/engine/pool.js";
import { runCli, tempProject } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";

describe("checking many files on every core", () => {
  const seed = readFileSync(path.join(FIXTURES, "seed/imagen-privacy-policy.md"), "utf8");
  // Twelve variants of the seed, each with its own defects, so a mix-up between files would show.
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++)
    files[`legal/p${String(i).padStart(2, "0")}.md`] =
      `${seed}\nCall us within ${"X".repeat(2 + (i % 3))} days. [NOTE ${i}]\n`.repeat(3 + (i % 3));

  it("takes as many threads as asked, never more than files or cores, and one for a small run on auto", () => {
    const tasks = Object.values(files).map((text, index) => ({ index, text, displayPath: String(index) }));
    expect(lintThreads(tasks, 3, 4)).toBe(3);
    expect(lintThreads(tasks.slice(0, 2), 8, 4)).toBe(2);
    expect(lintThreads(tasks.slice(0, 2), "auto", 4)).toBe(1);
    // --concurrency 32 on 2 cores: 32 threads took 56 s and 3.2 GB where 2 take 10 s and 228 MB.
    expect(lintThreads(tasks, 32, 2)).toBe(2);
    expect(lintThreads(tasks, 32)).toBe(Math.min(tasks.length, availableParallelism()));
  });

  it("gives the same bytes on three threads as the single-threaded library run", async () => {
    const dir = tempProject(files);
    const cli = runCli(["check", "legal", "--format", "json", "--today", "2026-06-01", "--concurrency", "3"], {
      cwd: dir,
    });
    const serial = await lint(["legal"], { cwd: dir, today: "2026-06-01" });
    expect(cli.stdout).toBe(formatters.json(serial, { cwd: dir, rules: [], color: false, version: "" }));
    expect(serial.every((r) => r.messages.length > 0)).toBe(true);
  });

  it("refuses a --concurrency that is not a number of threads, auto or off", () => {
    for (const value of ["0", "-1", "two", "1.5"]) {
      const run = runCli(["check", "legal", "--concurrency", value], { cwd: tempProject(files) });
      expect(run.code, value).toBe(2);
      expect(run.stderr.trim()).toBe(
        `policylint: --concurrency: "${value}" is not a number of threads, "auto" or "off"`,
      );
    }
  });
});
