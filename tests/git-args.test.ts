import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { scratchRepo } from "./helpers/git.js";

// Arguments never reach a shell, and git never takes what a user typed for an option: every hostile revision is
// a usage error (exit 2, one line) that runs nothing and writes nothing; odd but legitimate file names just work.

const ODD = "a b'c.md";
const SHELLY = "$(touch pwned-by-path).md";
const v1 = "# Privacy\n\n## Sharing\n\nWe share data with processors.\n";
const v2 = "# Privacy\n\n## Sharing\n\nWe share data with processors and affiliates.\n";

function repo(): string {
  const { dir, git } = scratchRepo({ [`legal/${ODD}`]: v1, [`legal/${SHELLY}`]: v1, "legal/privacy.md": v1 });
  git("add", ".");
  git("commit", "-qm", "v1");
  for (const name of [ODD, SHELLY, "privacy.md"]) writeFileSync(path.join(dir, "legal", name), v2);
  return dir;
}

/** Every file in the project and /tmp's own marker: nothing may appear because of a revision or a path. */
const untouched = (dir: string, before: string[]) => {
  expect(readdirSync(dir).sort()).toEqual(before);
  expect(readdirSync(path.join(dir, "legal")).sort()).toEqual([ODD, SHELLY, "privacy.md"].sort());
};

describe("git arguments: hostile revisions are refused or harmless", () => {
  const hostile = (dir: string) =>
    [
      [`--output=${path.join(dir, "x")}`, /a revision cannot start with "-"/],
      ["-p", /a revision cannot start with "-"/],
      [`HEAD;touch ${path.join(dir, "pwned")}`, /not a (readable git )?revision/],
      [`$(touch ${path.join(dir, "pwned")})`, /not a (readable git )?revision/],
      ["`touch pwned`", /not a (readable git )?revision/],
      ["HEAD 'x\" y", /not a (readable git )?revision/],
    ] as const;

  it("as REV in REV:path (diff and notice): exit 2, one line, nothing run or written", () => {
    const dir = repo();
    const before = readdirSync(dir).sort();
    for (const [rev, message] of hostile(dir)) {
      for (const command of ["diff", "notice"]) {
        // After "--", so the option parser hands even "--output=…" over as a version to read.
        const run = runCli([command, "--", `${rev}:legal/privacy.md`, "legal/privacy.md"], { cwd: dir });
        expect(run.code, `${command} ${rev}`).toBe(2);
        expect(run.stderr).toMatch(/^policylint: [^\n]+\n$/);
        expect(run.stderr).toMatch(message);
        expect(run.stdout).toBe("");
      }
    }
    untouched(dir, before);
    expect(existsSync("/tmp/pwned")).toBe(false);
  });

  it("as --against REV: exit 2, one line, nothing run or written", () => {
    const dir = repo();
    const before = readdirSync(dir).sort();
    for (const [rev, message] of hostile(dir)) {
      const run = runCli(["diff", "--against", rev, "legal/privacy.md"], { cwd: dir });
      expect(run.code, rev).toBe(2);
      expect(run.stderr).toMatch(/^policylint: [^\n]+\n$/);
      expect(run.stderr).toMatch(message);
    }
    untouched(dir, before);
  });

  it("a path git would read as an option is refused with the way to write it", () => {
    const dir = repo();
    writeFileSync(path.join(dir, "-p"), v1);
    const run = runCli(["diff", "--against", "HEAD", "--", "-p"], { cwd: dir });
    expect(run).toMatchObject({
      code: 2,
      stderr: 'policylint: -p: a path given to git cannot start with "-" (write ./-p)\n',
    });
    expect(runCli(["diff", "--against", "HEAD", "./-p"], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: "./-p: new since HEAD, not compared\n",
    });
  });
});

describe("git arguments: spaces, quotes and shell syntax in file names are only characters", () => {
  it.each([ODD, SHELLY])("REV:path and --against read %s", (name) => {
    const dir = repo();
    const before = readdirSync(dir).sort();
    const explicit = runCli(["diff", `HEAD:legal/${name}`, `legal/${name}`, "--format", "json"], { cwd: dir });
    expect(explicit.code, explicit.stderr).toBe(0);
    expect(JSON.parse(explicit.stdout).changes).toMatchObject([{ kind: "modified", target: "paragraph" }]);

    const against = runCli(["diff", "--against", "HEAD", `legal/${name}`, "--format", "json"], { cwd: dir });
    expect(against.code, against.stderr).toBe(0);
    expect(JSON.parse(against.stdout)).toMatchObject({
      newFiles: [],
      results: [{ old: { file: `HEAD:legal/${name}` }, changes: [{ kind: "modified" }] }],
    });

    const fromSub = runCli(["diff", "--against", "HEAD", name, "--format", "json"], { cwd: path.join(dir, "legal") });
    expect(JSON.parse(fromSub.stdout).results).toHaveLength(1);
    untouched(dir, before);
  });

  it("a name that is pathspec magic to git is read as the file of that name", () => {
    const dir = repo();
    const magic = ":(top)legal/privacy.md";
    mkdirSync(path.join(dir, ":(top)legal"));
    writeFileSync(path.join(dir, magic), v1);
    // Never committed, so new; read as pathspec magic it would be the committed legal/privacy.md and be compared.
    expect(runCli(["diff", "--against", "HEAD", magic], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: `${magic}: new since HEAD, not compared\n`,
    });
  });
});
