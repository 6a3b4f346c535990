import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT } from "../helpers/fixtures.js";
import { gitIn, scratchRepo } from "../helpers/git.js";

const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;
// On CI, .ci/run installs Debian's pre-commit, so a missing one is a failure there, not a skip.
if (!hasPreCommit && !process.env.CI)
  console.warn(
    "pre-commit integration skipped: the pre-commit framework is not installed (apt-get install pre-commit)",
  );

describe.skipIf(!hasPreCommit && !process.env.CI)(
  "the pre-commit framework, using this repository's .pre-commit-hooks.yaml",
  () => {
    it("fails on a policy with a placeholder and passes on a clean one", () => {
      const rev = gitIn(ROOT)("rev-parse", "HEAD").trim();
      const { dir, git } = scratchRepo({
        "privacy.md": "# Privacy Policy\n\nThis policy is provided by [YOUR COMPANY].\n",
        ".policylintrc.json": JSON.stringify({ rules: { "no-placeholders": "error", "no-review-markers": "error" } }),
        ".pre-commit-config.yaml": `repos:\n  - repo: ${ROOT}\n    rev: ${rev}\n    hooks:\n      - id: policylint-check\n`,
      });
      git("add", "-A");
      const env = { ...process.env, PRE_COMMIT_HOME: path.join(dir, ".pre-commit-home"), NO_COLOR: "1" };
      const run = (): { status: number | null; output: string } => {
        const r = spawnSync("pre-commit", ["run", "--all-files", "--color", "never"], {
          cwd: dir,
          env,
          encoding: "utf8",
        });
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
  },
);

/**
 * This checkout as it is on disk (tracked and new files, not what .gitignore leaves out), committed in a throw-away
 * repository: pre-commit installs hooks from a commit, and the hooks under test may not be committed here yet.
 */
function snapshotOfCheckout(): { repo: string; rev: string } {
  const { dir: repo, git } = scratchRepo();
  const files = gitIn(ROOT)("ls-files", "-co", "--exclude-standard", "-z").split("\0").filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    try {
      copyFileSync(path.join(ROOT, file), path.join(repo, file));
    } catch {
      // A file deleted from the working tree but still tracked: not part of the checkout as it is.
    }
  }
  git("add", "-A");
  git("commit", "-qm", "snapshot");
  return { repo, rev: git("rev-parse", "HEAD").trim() };
}

describe.skipIf(!hasPreCommit && !process.env.CI)(
  "the policylint-material-change hook, with the real pre-commit framework",
  () => {
    it("fails a staged material edit without a date bump, passes it once the date is bumped, passes an editorial edit", () => {
      const { repo, rev } = snapshotOfCheckout();
      const policy = readFileSync(path.join(FIXTURES, "classify/date-not-bumped/old.md"), "utf8");
      const { dir, git } = scratchRepo({
        "privacy.md": policy,
        ".pre-commit-config.yaml": `repos:\n  - repo: ${repo}\n    rev: ${rev}\n    hooks:\n      - id: policylint-material-change\n`,
      });
      git("add", "-A");
      git("commit", "-qm", "first version");
      const env = { ...process.env, PRE_COMMIT_HOME: path.join(dir, ".pre-commit-home"), NO_COLOR: "1" };
      const stage = (text: string) => {
        writeFileSync(path.join(dir, "privacy.md"), text);
        git("add", "privacy.md");
      };
      const run = (): { status: number | null; output: string } => {
        const r = spawnSync("pre-commit", ["run", "--color", "never"], { cwd: dir, env, encoding: "utf8" });
        return { status: r.status, output: `${r.stdout}${r.stderr}` };
      };

      const material = policy.replace(
        "| Postmark |",
        "| Acme Analytics | Product analytics | Usage data | United States |\n| Postmark |",
      );
      stage(material);
      const failing = run();
      expect(failing.output).toMatch(/policylint material change\.+Failed/);
      expect(failing.output).toContain("new-recipient: adds the recipient “Acme Analytics”");
      expect(failing.output).toContain(
        "privacy.md: 1 material change and its stated date (March 1, 2026) was not bumped",
      );
      expect(failing.status).toBe(1);

      stage(material.replace("Last updated: March 1, 2026", "Last updated: April 2, 2026"));
      const bumped = run();
      expect(bumped.output).toMatch(/policylint material change\.+Passed/);
      expect(bumped.status).toBe(0);

      // Punctuation and capitals in a sentence about sharing, against the committed version: editorial, no bump needed.
      stage(
        policy.replace(
          "our payment processor, Stripe, to process payments",
          "our Payment Processor (Stripe) to process payments",
        ),
      );
      const editorial = run();
      expect(editorial.output).toMatch(/policylint material change\.+Passed/);
      expect(editorial.status).toBe(0);
    }, 300_000);
  },
);
