import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatters, lint } from "../src/index.js";
import { shouldParallelize } from "../src/engine/pool.js";
import { runCli, tempProject } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";

describe("checking many files on every core", () => {
  const seed = readFileSync(path.join(FIXTURES, "seed/imagen-privacy-policy.md"), "utf8");
  // Twelve variants of the seed, each with its own defects, so a mix-up between files would show.
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) files[`legal/p${String(i).padStart(2, "0")}.md`] = `${seed}\nCall us within ${"X".repeat(2 + (i % 3))} days. [NOTE ${i}]\n`.repeat(3 + (i % 3));

  it("is worth workers (enough files and bytes)", () => {
    const tasks = Object.values(files).map((text, index) => ({ index, text, displayPath: String(index) }));
    expect(shouldParallelize(tasks)).toBe(true);
  });

  it("gives the same bytes as the single-threaded library run", async () => {
    const dir = tempProject(files);
    const cli = runCli(["check", "legal", "--format", "json", "--today", "2026-06-01"], { cwd: dir });
    const serial = await lint(["legal"], { cwd: dir, today: "2026-06-01" });
    expect(cli.stdout).toBe(formatters.json(serial, { cwd: dir, rules: [], color: false, version: "" }));
    expect(serial.every((r) => r.messages.length > 0)).toBe(true);
  });
});
