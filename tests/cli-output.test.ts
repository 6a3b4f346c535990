import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runCli, tempProject } from "./helpers/cli.js";

const DIRTY = "# Privacy Policy\n\nThis policy is provided by [YOUR COMPANY].\n";
const QUIET_RULES = JSON.stringify({ rules: { "no-placeholders": "error", "no-review-markers": "error" } });
const project = () =>
  tempProject({ ".policylintrc.json": QUIET_RULES, "dirty.md": DIRTY, "old.md": "# Privacy Policy\n\nHello.\n" });
// A run that spins (the /proc busy loop) is killed at this point and fails the test instead of hanging the suite.
const HANG = 20_000;
const onLinux = process.platform === "linux" && existsSync("/proc/self");

describe("--output-file: whole or absent", () => {
  it("replaces the report whole: a reader of the old report keeps it whole, the new one is complete", () => {
    const dir = project();
    const report = path.join(dir, "report.json");
    writeFileSync(report, '{"old":"report"}\n');
    // A second name for the old report's bytes, as a reader that opened it has: writing in place (truncate, then
    // write) changes them, so a run killed half way leaves them cut; a rename never touches them.
    linkSync(report, path.join(dir, "reader.json"));
    const run = runCli(["check", "dirty.md", "--format", "json", "-o", "report.json"], { cwd: dir });
    expect(run).toMatchObject({ code: 1, stdout: "", stderr: "" });
    expect(readFileSync(path.join(dir, "reader.json"), "utf8")).toBe('{"old":"report"}\n');
    const expected = runCli(["check", "dirty.md", "--format", "json"], { cwd: dir }).stdout;
    expect(readFileSync(report, "utf8")).toBe(expected);
    // No temporary file is left beside it.
    expect(readdirSync(dir).sort()).toEqual([".policylintrc.json", "dirty.md", "old.md", "reader.json", "report.json"]);
  });

  it("makes a missing folder for the report, as ESLint does", () => {
    const dir = project();
    const run = runCli(["check", "dirty.md", "--format", "json", "-o", "build/reports/lint.json"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, "build/reports/lint.json"), "utf8"))).toHaveLength(1);
  });

  it("stops writing, without a stack trace, when the reader closes the pipe first (`| head`)", async () => {
    const dir = project();
    // A report far larger than a pipe holds, so writing goes on after the reader is gone.
    writeFileSync(
      path.join(dir, "long.md"),
      `# Privacy Policy\n\n${"We share data with [YOUR COMPANY].\n\n".repeat(3000)}`,
    );
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
        // The reading end closes before the run writes a byte: every write meets a closed pipe.
        child.stdout.destroy();
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => (stderr += String(chunk)));
        child.on("close", (code) => resolve({ code, stderr }));
      });
    // The exit code is still the run's own: 1 for lint errors.
    expect(await run(["check", "long.md"])).toEqual({ code: 1, stderr: "" });
    expect(await run(["diff", "old.md", "long.md", "--format", "json"])).toEqual({ code: 0, stderr: "" });
  });

  it("writes to a pipe in place, leaving it a pipe", async () => {
    const dir = project();
    const fifo = path.join(dir, "out.fifo");
    spawnSync("mkfifo", [fifo]);
    const reader = spawn("sh", ["-c", "cat out.fifo > got.txt"], { cwd: dir });
    const done = new Promise((resolve) => reader.on("exit", resolve));
    const run = runCli(["check", "dirty.md", "--format", "json", "-o", "out.fifo"], { cwd: dir, timeout: HANG });
    await done;
    expect(run.code).toBe(1);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, "got.txt"), "utf8"))[0].messages[0].message).toContain(
      "[YOUR COMPANY]",
    );
  });

  const impossible: [string, (dir: string) => string, RegExp][] = [
    ["a directory", (dir) => (mkdirSync(path.join(dir, "out")), "out"), /^--output-file out: is a directory$/],
    [
      "a folder that is a file",
      () => "dirty.md/report.json",
      /^--output-file dirty\.md\/report\.json: .*dirty\.md is not a folder$/,
    ],
    [
      "a symlink to nothing as its folder",
      (dir) => (symlinkSync(path.join(dir, "nowhere"), path.join(dir, "gone")), "gone/report.json"),
      /gone is a symbolic link to nothing$/,
    ],
  ];
  if (onLinux) {
    impossible.push(
      // procfs answers ENOENT to any mkdir; Node's recursive mkdir retried it forever (a core spun for minutes).
      [
        "a folder under /proc",
        () => "/proc/x/y",
        /^--output-file \/proc\/x\/y: the folder \/proc\/x cannot be created \(ENOENT\)$/,
      ],
      // A read-only place even for root, where access(2) still says "writable".
      [
        "a read-only place",
        () => "/proc/version",
        /^--output-file \/proc\/version: no file can be created in \/proc \(ENOENT\)$/,
      ],
    );
  }
  for (const [name, target, message] of impossible) {
    it(`refuses ${name} at once, before checking anything: one line, exit 2`, () => {
      const dir = project();
      const file = target(dir);
      // missing.md would be a second line if any file were checked before the target was.
      const run = runCli(["check", "dirty.md", "missing.md", "-o", file], { cwd: dir, timeout: HANG });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      const lines = run.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0].replace(/^policylint: /, "")).toMatch(message);
    });
  }

  it.skipIf(process.getuid?.() === 0)("refuses a read-only folder (as a user other than root)", () => {
    const dir = project();
    mkdirSync(path.join(dir, "locked"));
    chmodSync(path.join(dir, "locked"), 0o555);
    const run = runCli(["check", "dirty.md", "-o", "locked/report.txt"], { cwd: dir, timeout: HANG });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^policylint: --output-file locked\/report\.txt: no file can be created in .*locked \(permission denied, EACCES\)\n$/,
    );
  });

  it.runIf(onLinux)("diff and notice refuse an impossible target at once too", () => {
    const dir = project();
    for (const command of ["diff", "notice"]) {
      const run = runCli([command, "old.md", "dirty.md", "-o", "/proc/x/y"], { cwd: dir, timeout: HANG });
      expect(run.code, command).toBe(2);
      expect(run.stderr, command).toBe(
        "policylint: --output-file /proc/x/y: the folder /proc/x cannot be created (ENOENT)\n",
      );
    }
  });
});
