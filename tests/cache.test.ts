import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./helpers/cli.js";
import { FIXTURES, ROOT } from "./helpers/fixtures.js";

const SEED = readFileSync(path.join(FIXTURES, "seed/imagen-privacy-policy.md"), "utf8");

function project() {
  return tempProject({
    "legal/privacy.md": SEED,
    "legal/terms.md": "# Terms\n\nLast updated: May 1, 2026\n\nWe may change these terms. TODO: notice period.\n",
    "legal/clean.md": "# Cookies\n\nLast updated: May 1, 2026\n\nWe use one cookie to keep you signed in.\n",
  });
}
const check = (cwd: string, ...extra: string[]) => runCli(["check", "legal", "--format", "json", "--today", "2026-06-01", ...extra], { cwd });

describe("--cache", () => {
  it("gives byte-identical output to an uncached run, cold and warm", () => {
    const dir = project();
    const uncached = check(dir);
    const cold = check(dir, "--cache");
    expect(existsSync(path.join(dir, ".policylintcache"))).toBe(true);
    const warm = check(dir, "--cache");
    expect(cold.stdout).toBe(uncached.stdout);
    expect(warm.stdout).toBe(uncached.stdout);
    expect([uncached.code, cold.code, warm.code]).toEqual([1, 1, 1]);
  });

  it("re-checks a file whose content changed", () => {
    const dir = project();
    check(dir, "--cache");
    writeFileSync(path.join(dir, "legal/clean.md"), "# Cookies\n\nLast updated: May 1, 2026\n\nWe are [YOUR COMPANY].\n");
    const after = JSON.parse(check(dir, "--cache").stdout) as { filePath: string; messages: { message: string }[] }[];
    const clean = after.find((r) => r.filePath.endsWith("clean.md"))!;
    expect(clean.messages.map((m) => m.message)).toContain('Unresolved placeholder "[YOUR COMPANY]"');
  });

  it("is invalidated by a configuration change and by --today", () => {
    const dir = project();
    const before = check(dir, "--cache");
    writeFileSync(path.join(dir, ".policylintrc.json"), JSON.stringify({ rules: { "no-review-markers": "error" } }));
    const reconfigured = check(dir, "--cache");
    expect(reconfigured.stdout).toBe(check(dir).stdout);
    expect(reconfigured.stdout).not.toBe(before.stdout);
    const later = check(dir, "--cache", "--today", "2027-09-01");
    expect(later.stdout).toBe(check(dir, "--today", "2027-09-01").stdout);
  });

  it("is invalidated when a rule's data changes", () => {
    // A copy of the built package, whose review-marker vocabulary we can edit.
    const pkg = mkdtempSync(path.join(os.tmpdir(), "policylint-pkg-"));
    for (const part of ["bin", "dist", "rules", "package.json"]) cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
    const dir = project();
    const run = () =>
      spawnSync(process.execPath, [path.join(pkg, "bin/policylint.js"), "check", "legal/clean.md", "--format", "json", "--cache", "--today", "2026-06-01"], {
        cwd: dir,
        encoding: "utf8",
      }).stdout;
    const messagesOf = (out: string) => (JSON.parse(out) as { messages: { message: string }[] }[])[0].messages.map((m) => m.message);
    expect(messagesOf(run()).some((m) => m.includes("signed in"))).toBe(false);
    const vocabulary = path.join(pkg, "rules/data/review-markers.json");
    const data = JSON.parse(readFileSync(vocabulary, "utf8"));
    data.phrases.push("keep you signed in");
    writeFileSync(vocabulary, JSON.stringify(data));
    expect(messagesOf(run()).some((m) => m.includes("keep you signed in"))).toBe(true);
  });

  it("--cache-location puts the cache where it is told, making its folder", () => {
    const dir = project();
    check(dir, "--cache", "--cache-location", "build/lint-cache.json");
    expect(existsSync(path.join(dir, ".policylintcache"))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(dir, "build/lint-cache.json"), "utf8")).entries).toBeTypeOf("object");
  });
});
