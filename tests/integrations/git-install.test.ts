import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixtures.js";

// The README's install line: policylint is not on the npm registry, so a project installs it from the git repository
// by a release tag (`npm install --save-dev git+https://github.com/policylint/policylint.git#v0.1.0`). Here a clone of
// this repository is tagged in a temporary folder and installed the same way over git+file://; npm runs the package's
// `prepare` script (the build) for a git dependency, so what a user gets is built from the tagged sources alone.
// --prefer-offline takes packages from the local npm cache when it holds them, so the run needs no network for those.

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const git = (cwd: string, ...args: string[]) =>
  run("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "advice.detachedHead=false", ...args], cwd);

describe("installing policylint from its git repository by tag", () => {
  it("npm install --save-dev git+…#vX.Y.Z builds the package and `npx policylint check` runs", () => {
    const { version, repository } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    // The README's line names the repository package.json names, at the tag of this version.
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(`npm install --save-dev ${repository.url}#v${version}`);

    const temp = mkdtempSync(path.join(os.tmpdir(), "policylint-git-"));
    const clone = path.join(temp, "policylint");
    // The committed sources only: what a tag on the real repository holds.
    git(temp, "clone", "-q", ROOT, clone);
    git(clone, "tag", `v${version}`);

    const project = path.join(temp, "legal-pages");
    run("mkdir", [project], temp);
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "legal-pages", private: true }));
    const started = performance.now();
    const flags = ["--save-dev", "--prefer-offline", "--no-audit", "--no-fund"];
    run("npm", ["install", ...flags, `git+file://${clone}#v${version}`], project);
    const seconds = (performance.now() - started) / 1000;
    console.log(`npm install from git+file://…#v${version}: ${seconds.toFixed(1)} s`);

    const manifest = JSON.parse(readFileSync(path.join(project, "package.json"), "utf8"));
    expect(manifest.devDependencies.policylint).toBe(`git+file://${clone}#v${version}`);
    writeFileSync(path.join(project, "privacy.md"), "# Privacy Policy\n\nThis policy is provided by [YOUR COMPANY].\n");
    const check = spawnSync("npx", ["--no-install", "policylint", "check", "privacy.md", "--format", "json"], {
      cwd: project,
      encoding: "utf8",
    });
    expect(check.status, check.stderr).toBe(1);
    const [result] = JSON.parse(check.stdout) as { messages: { message: string }[] }[];
    expect(result.messages.map((m) => m.message)).toContain('Unresolved placeholder "[YOUR COMPANY]"');
    const version2 = spawnSync("npx", ["--no-install", "policylint", "--version"], { cwd: project, encoding: "utf8" });
    expect(version2.stdout.trim()).toBe(version);
  }, 600_000);
});
