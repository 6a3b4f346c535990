import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";

// `policylint check --against REV --fix`: the date-moves-with-substance rule and its fix, through the built CLI.
const policy = readFileSync(path.join(FIXTURES, "classify/date-not-bumped/old.md"), "utf8");
const material = policy.replace(
  "| Postmark |",
  "| Acme Analytics | Product analytics | Usage data | United States |\n| Postmark |",
);
// Only the rule under test, so that the exit codes are its own.
const CONFIG = JSON.stringify({ rules: { "date-moves-with-substance": "error" } });

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd,
    encoding: "utf8",
    stdio: "pipe",
  });

/** A repository whose HEAD holds the policy, with `edited` in the working copy. */
function repository(edited: string, committed = policy): string {
  const dir = tempProject({ "legal/privacy.md": committed, ".policylintrc.json": CONFIG });
  git(dir, "init", "-q");
  git(dir, "add", ".");
  git(dir, "commit", "-qm", "v1");
  writeFileSync(path.join(dir, "legal/privacy.md"), edited);
  return dir;
}

const read = (dir: string) => readFileSync(path.join(dir, "legal/privacy.md"), "utf8");
const TODAY = ["--today", "2026-05-04"];

describe("check --against REV", () => {
  it("reports a change of meaning whose stated date did not move, as fixable, in stylish and JSON", () => {
    const dir = repository(material);
    const stylish = runCli(["check", "--against", "HEAD", "legal/privacy.md", ...TODAY], { cwd: dir });
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain(
      '3:15  error  1 material change since HEAD, but the stated date did not move (still "March 1, 2026")',
    );
    expect(stylish.stdout).toContain("  1 error and 0 warnings potentially fixable with the `--fix` option.\n");

    const json = runCli(["check", "--against", "HEAD", "legal/privacy.md", "-f", "json", ...TODAY], { cwd: dir });
    const [result] = JSON.parse(json.stdout);
    expect(result).toMatchObject({ errorCount: 1, fixableErrorCount: 1, fixableWarningCount: 0 });
    expect(result).not.toHaveProperty("output");
    const { fix } = result.messages[0];
    expect(fix.text).toBe("May 4, 2026");
    expect(material.slice(fix.range[0], fix.range[1])).toBe("March 1, 2026");
  });

  it("is silent when the date moved, for an editorial edit, for a file new since REV, and without --against", () => {
    const moved = repository(material.replace("March 1, 2026", "April 2, 2026"));
    expect(runCli(["check", "--against", "HEAD", "legal/privacy.md", ...TODAY], { cwd: moved }).code).toBe(0);
    const editorial = repository(policy.replace("This policy covers", "This policy  covers"));
    expect(runCli(["check", "--against", "HEAD", "legal/privacy.md", ...TODAY], { cwd: editorial }).code).toBe(0);
    const plain = repository(material);
    expect(runCli(["check", "legal/privacy.md", ...TODAY], { cwd: plain }).code).toBe(0);
    writeFileSync(path.join(plain, "legal/new.md"), material);
    const added = runCli(["check", "--against", "HEAD", "legal/new.md", ...TODAY], { cwd: plain });
    expect(added.code, added.stdout + added.stderr).toBe(0);
  });

  it("takes absolute paths and paths from a subfolder, as lint-staged passes them", () => {
    const dir = repository(material);
    const absolute = runCli(["check", "--against", "HEAD", path.join(dir, "legal/privacy.md"), ...TODAY], {
      cwd: path.join(dir, "legal"),
    });
    expect(absolute.stdout).toContain("date-moves-with-substance");
    const relative = runCli(["check", "--against", "HEAD", "privacy.md", ...TODAY], { cwd: path.join(dir, "legal") });
    expect(relative.stdout).toContain("date-moves-with-substance");
  });

  it("fails closed: outside a repository, or at a revision git does not know, in one line with exit 2", () => {
    const outside = tempProject({ "privacy.md": material, ".policylintrc.json": CONFIG });
    const noRepo = runCli(["check", "--against", "HEAD", "privacy.md"], {
      cwd: outside,
      env: { GIT_CEILING_DIRECTORIES: path.dirname(outside) },
    });
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toMatch(/^policylint: privacy\.md: git cannot read it at HEAD: not a git repository/);
    const unknown = runCli(["check", "--against", "v9", "legal/privacy.md"], { cwd: repository(material) });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("policylint: --against v9: not a revision in this git repository\n");
    const stdin = runCli(["check", "--against", "HEAD", "-"], { cwd: outside, input: material });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('standard input ("-") has no version at a revision');
  });
});

describe("check --fix and --fix-dry-run", () => {
  it("--fix moves the stated date to --today in its style, writes the file, and reports what remains", () => {
    const dir = repository(material.replace("March 1, 2026", "March 1st, 2026"), policy.replace("1,", "1st,"));
    const run = runCli(["check", "--against", "HEAD", "--fix", "legal/privacy.md", ...TODAY], { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(read(dir)).toBe(material.replace("March 1, 2026", "May 4th, 2026"));
  });

  it("--fix keeps CRLF line ends and a byte order mark", () => {
    const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, "\r\n")}`;
    const dir = repository(crlf(material), crlf(policy));
    const run = runCli(["check", "--against", "HEAD", "--fix", "legal/privacy.md", ...TODAY], { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(read(dir)).toBe(crlf(material.replace("March 1, 2026", "May 4, 2026")));
  });

  it("--fix-dry-run writes nothing and gives the fixed text as JSON's output, with what remains", () => {
    const dir = repository(material);
    const run = runCli(["check", "--against", "HEAD", "--fix-dry-run", "legal/privacy.md", "-f", "json", ...TODAY], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(read(dir)).toBe(material);
    const [result] = JSON.parse(run.stdout);
    expect(result).toMatchObject({ errorCount: 0, fixableErrorCount: 0, messages: [] });
    expect(result.output).toBe(material.replace("March 1, 2026", "May 4, 2026"));
  });

  it("a file --fix leaves unchanged is not written, and has no output", () => {
    const dir = repository(policy);
    const run = runCli(["check", "--against", "HEAD", "--fix-dry-run", "legal/privacy.md", "-f", "json"], { cwd: dir });
    expect(JSON.parse(run.stdout)[0]).not.toHaveProperty("output");
  });

  it("fixes on lint threads as on the main one", () => {
    const dir = repository(material);
    writeFileSync(path.join(dir, "legal/copy.md"), policy);
    git(dir, "add", "legal/copy.md");
    git(dir, "commit", "-qm", "copy");
    writeFileSync(path.join(dir, "legal/copy.md"), material);
    const args = ["check", "--against", "HEAD", "--fix", "--concurrency", "2", "legal", ...TODAY];
    const run = runCli(args, { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const fixed = material.replace("March 1, 2026", "May 4, 2026");
    expect([read(dir), readFileSync(path.join(dir, "legal/copy.md"), "utf8")]).toEqual([fixed, fixed]);
  });

  it("--cache keys a result by the revision's version too: a commit of the same text changes the verdict", () => {
    const dir = repository(material);
    const args = ["check", "--against", "HEAD", "--cache", "legal/privacy.md", ...TODAY];
    expect(runCli(args, { cwd: dir }).code).toBe(1);
    git(dir, "commit", "-qam", "v2");
    const after = runCli(args, { cwd: dir });
    expect(after.code, after.stdout).toBe(0);
  });

  it("refuses --fix on standard input and --fix with --fix-dry-run, as ESLint does", () => {
    const stdin = runCli(["check", "--fix", "-"], { input: material });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toBe(
      'policylint: --fix cannot write standard input ("-"): use --fix-dry-run, with --format json for the text\n',
    );
    const both = runCli(["check", "--fix", "--fix-dry-run", "x.md"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe("policylint: --fix and --fix-dry-run cannot be used together\n");
    const dryStdin = runCli(["check", "--fix-dry-run", "-", "-f", "json", "--rule", "last-updated:off"], {
      input: material,
    });
    expect(JSON.parse(dryStdin.stdout)[0]).not.toHaveProperty("output");
  });
});
