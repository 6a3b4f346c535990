import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ResultCache } from "../src/engine/cache.js";
import { BIN, runCli, tempProject } from "./helpers/cli.js";
import { FIXTURES, ROOT } from "./helpers/fixtures.js";

const SEED = readFileSync(path.join(FIXTURES, "seed/imagen-privacy-policy.md"), "utf8");

function project() {
  return tempProject({
    "legal/privacy.md": SEED,
    "legal/terms.md": "# Terms\n\nLast updated: May 1, 2026\n\nWe may change these terms. TODO: notice period.\n",
    // A cookie notice owes its kind's disclosures (issue 17): this one makes them all, so it is clean.
    "legal/clean.md":
      "# Cookies\n\nLast updated: May 1, 2026\n\nWe use one strictly necessary cookie to keep you signed in. It is a session " +
      "cookie, deleted when you close your browser; you can block it in your browser settings.\n",
  });
}
// A run that hangs (the /proc busy loop) is killed after 20 s and fails instead of blocking the suite.
const check = (cwd: string, ...extra: string[]) =>
  runCli(["check", "legal", "--format", "json", "--today", "2026-06-01", ...extra], { cwd, timeout: 20_000 });

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
    writeFileSync(
      path.join(dir, "legal/clean.md"),
      "# Cookies\n\nLast updated: May 1, 2026\n\nWe are [YOUR COMPANY].\n",
    );
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
    for (const part of ["bin", "dist", "rules", "package.json"])
      cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
    const dir = project();
    const run = () =>
      spawnSync(
        process.execPath,
        [
          path.join(pkg, "bin/policylint.js"),
          "check",
          "legal/clean.md",
          "--format",
          "json",
          "--cache",
          "--today",
          "2026-06-01",
        ],
        {
          cwd: dir,
          encoding: "utf8",
        },
      ).stdout;
    const messagesOf = (out: string) =>
      (JSON.parse(out) as { messages: { message: string }[] }[])[0].messages.map((m) => m.message);
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

describe("--cache: only ever a speed-up", () => {
  const cacheOf = (dir: string) => path.join(dir, ".policylintcache");
  const oneWarning = (stderr: string, pattern: RegExp) => {
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  };

  const unwritable: [string, (dir: string) => string][] = [
    ["a directory", (dir) => (mkdirSync(path.join(dir, "cachedir/inside"), { recursive: true }), "cachedir")],
    ["under a file", () => "legal/clean.md/cache"],
  ];
  // procfs answers ENOENT to any mkdir; Node's recursive mkdir retried it forever.
  if (process.platform === "linux" && existsSync("/proc/self")) unwritable.push(["under /proc", () => "/proc/x/cache"]);
  for (const [name, location] of unwritable) {
    it(`at a location that cannot be written (${name}): one warning, the report, the exit code of the findings`, () => {
      const dir = project();
      const run = check(dir, "--cache", "--cache-location", location(dir));
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(check(dir).stdout);
      oneWarning(run.stderr, /^policylint: warning: cache .*: .*(cached|checked)/);
    });
  }

  const damaged: [
    string,
    (cache: { environment: string; entries: Record<string, { messages: unknown }> }) => unknown,
    RegExp,
  ][] = [
    [
      "a truncated cache",
      (cache) => JSON.stringify(cache).slice(0, 200),
      /is not valid JSON \(truncated or corrupted\); it is discarded and rebuilt$/,
    ],
    [
      "a cache of valid JSON but another shape",
      () => JSON.stringify([{ environment: 1 }]),
      /is not a policylint cache .*; it is discarded and rebuilt$/,
    ],
    [
      "an entry of another shape",
      (cache) => ({ ...cache, entries: Object.fromEntries(Object.keys(cache.entries).map((k) => [k, null])) }),
      /is damaged/,
    ],
    [
      "an entry whose messages have another shape",
      (cache) => ({
        ...cache,
        entries: Object.fromEntries(Object.entries(cache.entries).map(([k, e]) => [k, { ...e, messages: 7 }])),
      }),
      /is damaged/,
    ],
    // The findings of a failing file edited away: trusted blindly, the file would pass.
    [
      "an entry edited to no messages",
      (cache) => ({
        ...cache,
        entries: Object.fromEntries(Object.entries(cache.entries).map(([k, e]) => [k, { ...e, messages: [] }])),
      }),
      /is damaged \(edited or corrupted\)/,
    ],
  ];
  for (const [name, damage, warning] of damaged) {
    it(`${name} is not trusted: one warning, every file checked again, then rebuilt`, () => {
      const dir = project();
      const fresh = check(dir);
      check(dir, "--cache");
      const damagedCache = damage(JSON.parse(readFileSync(cacheOf(dir), "utf8")));
      writeFileSync(cacheOf(dir), typeof damagedCache === "string" ? damagedCache : JSON.stringify(damagedCache));
      const run = check(dir, "--cache");
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(fresh.stdout);
      oneWarning(run.stderr, warning);
      // Rebuilt: the next run reads it without complaint and gives the same report.
      expect(check(dir, "--cache")).toEqual({ ...fresh, stderr: "" });
    });
  }

  it("runs sharing a cache at once never corrupt it", async () => {
    const dir = project();
    const fresh = check(dir);
    // Four runs at once, each over its own files, all on one cache.
    const runs = ["legal/privacy.md", "legal/terms.md", "legal/clean.md", "legal"].map(
      (target) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(
            process.execPath,
            [BIN, "check", target, "--format", "json", "--today", "2026-06-01", "--cache"],
            { cwd: dir, stdio: "ignore" },
          );
          child.on("exit", resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual([1, 1, 0, 1]);
    expect(readdirSync(dir).filter((f) => f.startsWith(".policylintcache"))).toEqual([".policylintcache"]);
    expect(check(dir, "--cache")).toEqual({ ...fresh, stderr: "" });
  });

  it("a run that saves after another keeps the other's entries (they read the cache before either saved)", () => {
    const file = path.join(tempProject({}), "cache.json");
    const settings = new Map();
    const first = new ResultCache(file, "1.0.0", "2026-06-01");
    const second = new ResultCache(file, "1.0.0", "2026-06-01");
    const message = {
      ruleId: "no-placeholders",
      severity: 2 as const,
      message: "x",
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
    };
    first.set("/a.md", first.key("a", settings), [message]);
    second.set("/b.md", second.key("b", settings), []);
    first.save();
    second.save();
    const later = new ResultCache(file, "1.0.0", "2026-06-01");
    expect(later.get("/a.md", later.key("a", settings))).toEqual([message]);
    expect(later.get("/b.md", later.key("b", settings))).toEqual([]);
  });
});
