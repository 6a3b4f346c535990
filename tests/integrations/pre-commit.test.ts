import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempProject } from "../helpers/cli.js";
import { ROOT } from "../helpers/fixtures.js";

const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;
// On CI, .ci/run installs Debian's pre-commit, so a missing one is a failure there, not a skip.
if (!hasPreCommit && !process.env.CI) console.warn("pre-commit integration skipped: the pre-commit framework is not installed (apt-get install pre-commit)");

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
}

describe.skipIf(!hasPreCommit && !process.env.CI)("the pre-commit framework, using this repository's .pre-commit-hooks.yaml", () => {
  it("fails on a policy with a placeholder and passes on a clean one", () => {
    const rev = git(ROOT, "rev-parse", "HEAD");
    const dir = tempProject({
      "privacy.md": "# Privacy Policy\n\nThis policy is provided by [YOUR COMPANY].\n",
      ".policylintrc.json": JSON.stringify({ rules: { "no-placeholders": "error", "no-review-markers": "error" } }),
      ".pre-commit-config.yaml": `repos:\n  - repo: ${ROOT}\n    rev: ${rev}\n    hooks:\n      - id: policylint-check\n`,
    });
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    const env = { ...process.env, PRE_COMMIT_HOME: path.join(dir, ".pre-commit-home"), NO_COLOR: "1" };
    const run = (): { status: number | null; output: string } => {
      const r = spawnSync("pre-commit", ["run", "--all-files", "--color", "never"], { cwd: dir, env, encoding: "utf8" });
      return { status: r.status, output: `${r.stdout}${r.stderr}` };
    };

    const failing = run();
    expect(failing.output).toContain('Unresolved placeholder "[YOUR COMPANY]"');
    expect(failing.output).toMatch(/policylint check\.+Failed/);
    expect(failing.status).toBe(1);

    writeFileSync(path.join(dir, "privacy.md"), "# Privacy Policy\n\nThis policy is provided by Acme Inc.\n");
    const passing = run();
    expect(passing.output).toMatch(/policylint check\.+Passed/);
    expect(passing.status).toBe(0);
  }, 300_000);
});
