import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT } from "../helpers/fixtures.js";
import { scratchRepo } from "../helpers/git.js";

// The README's lint-staged recipe, run by the real lint-staged (a devDependency): it passes the staged files as
// absolute paths, the invocation issue 17 saw slip through `--against` as "new since HEAD".
const LINT_STAGED = path.join(ROOT, "node_modules/lint-staged/bin/lint-staged.js");
const BIN = path.join(ROOT, "bin/policylint.js");

describe("lint-staged running `policylint diff --against HEAD` on the staged policies", () => {
  const policy = readFileSync(path.join(FIXTURES, "classify/date-not-bumped/old.md"), "utf8");
  const material = policy.replace(
    "| Postmark |",
    "| Acme Analytics | Product analytics | Usage data | United States |\n| Postmark |",
  );

  /** A scratch legal-pages project, the policy committed, with lint-staged running `command` on its policies. */
  const project = (command: string, files: Record<string, string> = {}) => {
    const { dir, git } = scratchRepo({
      "legal/privacy.md": policy,
      ...files,
      "package.json": JSON.stringify({
        name: "legal-pages",
        private: true,
        "lint-staged": { "legal/**/*.md": command },
      }),
    });
    git("add", ".");
    git("commit", "-qm", "v1");
    /** Stages `text` as the policy and runs the real lint-staged, as the pre-commit hook does. */
    const stage = (text: string, args: string[] = []) => {
      writeFileSync(path.join(dir, "legal/privacy.md"), text);
      git("add", "legal/privacy.md");
      return spawnSync(process.execPath, [LINT_STAGED, ...args], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      });
    };
    return { git, stage };
  };

  it("blocks a material edit whose stated date did not move, and lets it through once the date moves", () => {
    const command = `node ${JSON.stringify(BIN)} diff --against HEAD --fail-on material --require-date-bump`;
    const { stage } = project(command);

    const blocked = stage(material, ["--no-stash"]);
    expect(blocked.status, blocked.stdout + blocked.stderr).toBe(1);
    expect(blocked.stdout + blocked.stderr).toContain(
      "1 material change and its stated date (March 1, 2026) was not bumped (--require-date-bump)",
    );
    expect(blocked.stdout + blocked.stderr).not.toContain("new since");

    const passed = stage(material.replace("March 1, 2026", "April 2, 2026"), ["--no-stash"]);
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
  }, 120_000);

  it("with --fix, moves the date of a material edit itself, and lint-staged stages the fixed file", () => {
    const command = `node ${JSON.stringify(BIN)} diff --against HEAD --fail-on material --require-date-bump --fix --today 2026-05-04`;
    const { git, stage } = project(command);
    const run = stage(material);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    // What is staged for the commit carries the new date, not only the working copy.
    expect(git("show", ":legal/privacy.md")).toBe(material.replace("March 1, 2026", "May 4, 2026"));
  }, 120_000);

  it("`policylint check --against HEAD` blocks the same edit, and with --fix moves the date and stages it", () => {
    const base = `node ${JSON.stringify(BIN)} check --against HEAD --today 2026-05-04`;
    // The fixture lacks disclosures the recommended rules ask for; only the date is under test here.
    const config = {
      extends: "policylint:recommended",
      rules: { "required-sections": "off", "valid-cross-references": "off" },
    };
    const files = { ".policylintrc.json": JSON.stringify(config) };

    const blocked = project(base, files);
    const refused = blocked.stage(material);
    expect(refused.status, refused.stdout + refused.stderr).toBe(1);
    expect(refused.stdout + refused.stderr).toContain(
      '1 material change since HEAD, but the stated date did not move (still "March 1, 2026")',
    );
    expect(blocked.git("show", ":legal/privacy.md")).toBe(material);

    const fixed = project(`${base} --fix`, files);
    const run = fixed.stage(material);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(fixed.git("show", ":legal/privacy.md")).toBe(material.replace("March 1, 2026", "May 4, 2026"));
  }, 120_000);
});
