import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./helpers/cli.js";
import { ROOT } from "./helpers/fixtures.js";
import { validateSarif } from "./helpers/sarif.js";

const SEED = "fixtures/seed/imagen-privacy-policy.md";
const TWO_RULES = JSON.stringify({ rules: { "no-placeholders": "error", "no-review-markers": "error" } });

describe("--format json (ESLint's format)", () => {
  it("is an array of {filePath, messages, errorCount, warningCount} with ESLint's message fields", () => {
    const run = runCli(["check", SEED, "--format", "json"]);
    const results = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result.filePath).toBe(path.join(ROOT, SEED));
    expect(result.errorCount).toBe((result.messages as unknown[]).length);
    expect(result.warningCount).toBe(0);
    for (const m of result.messages as Record<string, unknown>[]) {
      expect(Object.keys(m).sort()).toEqual([
        "column",
        "endColumn",
        "endLine",
        "line",
        "message",
        "ruleId",
        "severity",
      ]);
      expect(m.severity).toBe(2);
    }
  });

  it("is byte-identical across runs", () => {
    expect(runCli(["check", SEED, "--format", "json"]).stdout).toBe(runCli(["check", SEED, "--format", "json"]).stdout);
  });
});

describe("--format sarif", () => {
  it("validates against the official SARIF 2.1.0 schema, with rule metadata and help links", () => {
    const run = runCli(["check", SEED, "--format", "sarif"]);
    const log = JSON.parse(run.stdout);
    expect(validateSarif(log)).toEqual([]);
    const [sarifRun] = log.runs;
    const ruleIds = sarifRun.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toContain("no-placeholders");
    for (const rule of sarifRun.tool.driver.rules) {
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
    }
    const jsonMessages = JSON.parse(runCli(["check", SEED, "--format", "json"]).stdout)[0].messages;
    expect(sarifRun.results.length).toBe(jsonMessages.length);
    expect(sarifRun.results.map((r: { message: { text: string } }) => r.message.text)).toEqual(
      jsonMessages.map((m: { message: string }) => m.message),
    );
    const first = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === "no-placeholders");
    expect(ruleIds[first.ruleIndex]).toBe(first.ruleId);
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe(SEED);
    expect(first.locations[0].physicalLocation.region).toMatchObject({ startLine: 5, startColumn: 34 });
  });

  it("the schema check itself rejects a malformed log", () => {
    expect(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).not.toEqual([]);
  });

  it("stays valid when a file cannot be read (a tool notification, not a result)", () => {
    const dir = tempProject({ "ok.md": "# Policy\n\nTBD\n", ".policylintrc.json": TWO_RULES });
    const run = runCli(["check", "ok.md", "gone.md", "--format", "sarif", "--output-file", "out.sarif"], { cwd: dir });
    expect(run.code).toBe(2);
    const log = JSON.parse(readFileSync(path.join(dir, "out.sarif"), "utf8"));
    expect(validateSarif(log)).toEqual([]);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toBe("no such file or directory");
    expect(log.runs[0].results).toHaveLength(1);
  });
});

describe("--format github", () => {
  it("prints one workflow command per finding, escaped as the Actions runner expects", () => {
    const dir = tempProject({ "a,b.md": "# P\n\nTBD: 100% [YOUR COMPANY]\n", ".policylintrc.json": TWO_RULES });
    const run = runCli(["check", "a,b.md", "--format", "github"], { cwd: dir });
    expect(run.stdout.trim().split("\n")).toEqual([
      '::error file=a%2Cb.md,line=3,col=1,endLine=3,endColumn=4,title=policylint (no-placeholders)::Unresolved placeholder "TBD"',
      '::error file=a%2Cb.md,line=3,col=11,endLine=3,endColumn=25,title=policylint (no-placeholders)::Unresolved placeholder "[YOUR COMPANY]"',
    ]);
  });
});

describe("stylish colour", () => {
  it("has no colour when not on a terminal, colour with --color, none with --color under NO_COLOR=1 unless forced", () => {
    expect(runCli(["check", SEED]).stdout).not.toContain("\u001b[");
    expect(runCli(["check", SEED, "--color"]).stdout).toContain("\u001b[");
    expect(runCli(["check", SEED], { env: { NO_COLOR: "1" } }).stdout).not.toContain("\u001b[");
    expect(runCli(["check", SEED, "--no-color"], { env: { FORCE_COLOR: "1" } }).stdout).not.toContain("\u001b[");
  });

  it("--output-file makes its folder, and an unwritable target is a usage error", () => {
    const dir = tempProject({
      "p.md": "# P\n\n[LAWYER] check.\n",
      ".policylintrc.json": TWO_RULES,
      blocked: "a file, not a folder",
    });
    expect(runCli(["check", "p.md", "-o", "reports/lint.sarif", "-f", "sarif"], { cwd: dir }).code).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, "reports/lint.sarif"), "utf8")).version).toBe("2.1.0");
    const blocked = runCli(["check", "p.md", "-o", "blocked/lint.txt"], { cwd: dir });
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toBe(
      `policylint: --output-file blocked/lint.txt: ${path.join(dir, "blocked")} is not a folder\n`,
    );
  });

  it("writes to --output-file without colour", () => {
    const dir = tempProject({ "p.md": "# P\n\n[LAWYER] check.\n", ".policylintrc.json": TWO_RULES });
    const run = runCli(["check", "p.md", "--output-file", "report.txt", "--color"], { cwd: dir });
    expect(run.stdout).toBe("");
    expect(readFileSync(path.join(dir, "report.txt"), "utf8")).toMatch(/^p\.md\n {2}3:1 {2}error {2}Reviewer note/);
  });
});
