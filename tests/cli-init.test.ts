import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./helpers/cli.js";

describe("policylint init", () => {
  it("writes a starter config without asking when not on a terminal, and check then uses it", () => {
    const dir = tempProject({ "p.md": "# P\n\n[YOUR COMPANY]\n" });
    const run = runCli(["init"], { cwd: dir });
    expect(run.code).toBe(0);
    const config = JSON.parse(readFileSync(path.join(dir, ".policylintrc.json"), "utf8"));
    expect(config.extends).toEqual(["policylint:recommended"]);
    expect(runCli(["check", "p.md", "--rule", "no-review-markers:off"], { cwd: dir }).stdout).toContain(
      "[YOUR COMPANY]",
    );
  });

  it("never overwrites an existing config without --force", () => {
    const dir = tempProject({ ".policylintrc.yaml": "rules: {}\n" });
    const refused = runCli(["init"], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(".policylintrc.yaml already exists; use --force");
    writeFileSync(path.join(dir, ".policylintrc.json"), "{}");
    expect(runCli(["init", "--force"], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, ".policylintrc.json"), "utf8")).extends).toEqual([
      "policylint:recommended",
    ]);
  });

  it("rejects an unknown preset", () => {
    const run = runCli(["init", "--preset", "nope"], { cwd: tempProject({}) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--preset: unknown preset "nope"');
  });
});
