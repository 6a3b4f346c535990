import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixtures.js";

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

describe("the npm package", () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "policylint-pack-"));
  // --ignore-scripts: pack the dist/ that the suite's npm script just built; a rebuild here would pull it from under the
  // CLI tests running beside this one.
  const [packed] = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", out], ROOT)) as {
    filename: string;
    files: { path: string }[];
  }[];
  const files = packed.files.map((f) => f.path);

  it("holds only what a user needs", () => {
    expect(files).toContain("bin/policylint.js");
    expect(files).toContain("dist/cli/main.cjs");
    expect(files).toContain("dist/cli/worker.js");
    expect(files).toContain("dist/cli/parse-worker.js");
    expect(files).toContain("dist/src/parse/parse-worker.js");
    expect(files).toContain("dist/src/index.js");
    expect(files).toContain("dist/src/index.d.ts");
    expect(files).toContain("rules/data/review-markers.json");
    expect(files).toContain("rules/data/disclosures/gdpr.json");
    expect(files).toContain("data/materiality.json");
    expect(files).toContain("README.md");
    expect(files).toContain("LICENSE");
    expect(files).toContain("CHANGELOG.md");
    expect(
      files.filter(
        (f) => /^(tests|fixtures|bench|scripts|src|docs)\//.test(f) || (f.endsWith(".ts") && !f.endsWith(".d.ts")),
      ),
    ).toEqual([]);
  });

  it("says where it comes from and under which licence", () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(manifest.license).toBe("MIT");
    expect(readFileSync(path.join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
    expect(manifest.repository.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
    expect(manifest.bugs.url).toMatch(/^https:\/\/github\.com\/.+\/issues$/);
    expect(manifest.homepage).toMatch(/^https:\/\//);
  });

  it("installs into an empty project and runs check, diff and the library API from there", () => {
    const project = mkdtempSync(path.join(os.tmpdir(), "policylint-user-"));
    writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({ name: "user-project", private: true, type: "module" }),
    );
    npm(["install", "--no-audit", "--no-fund", "--no-save", path.join(out, packed.filename)], project);
    writeFileSync(path.join(project, "privacy.md"), "# Privacy Policy\n\nThis policy is provided by [YOUR COMPANY].\n");
    writeFileSync(path.join(project, "privacy-v2.md"), "# Privacy Policy\n\nThis policy is provided by Acme Inc.\n");

    const check = spawnSync("npx", ["policylint", "check", "privacy.md", "--format", "json"], {
      cwd: project,
      encoding: "utf8",
    });
    expect(check.status, check.stderr).toBe(1);
    const [result] = JSON.parse(check.stdout) as { messages: { ruleId: string; message: string }[] }[];
    expect(result.messages.map((m) => m.message)).toContain('Unresolved placeholder "[YOUR COMPANY]"');

    const diff = spawnSync("npx", ["policylint", "diff", "privacy.md", "privacy-v2.md", "--format", "json"], {
      cwd: project,
      encoding: "utf8",
    });
    expect(diff.status, diff.stderr).toBe(0);
    expect(JSON.parse(diff.stdout).changes).toHaveLength(1);

    // log from the installed package: its worker thread (with two cores) parses from node_modules.
    const git = (...args: string[]) =>
      execFileSync(
        "git",
        ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args],
        {
          cwd: project,
        },
      );
    git("init", "-q");
    git("add", "privacy.md");
    git("commit", "-q", "-m", "first");
    writeFileSync(path.join(project, "privacy.md"), readFileSync(path.join(project, "privacy-v2.md")));
    git("commit", "-q", "-am", "second");
    const log = spawnSync("npx", ["policylint", "log", "privacy.md", "--format", "json"], {
      cwd: project,
      encoding: "utf8",
    });
    expect(log.status, log.stderr).toBe(0);
    const versions = JSON.parse(log.stdout).versions as { subject: string; summary: Record<string, number> | null }[];
    expect(versions.map((v) => v.subject)).toEqual(["second", "first"]);
    expect(versions[0].summary).not.toBeNull();

    const script = [
      'import { lintText, diff, formatters } from "policylint";',
      'const r = await lintText("We are [YOUR COMPANY].\\n", { filePath: "p.md" });',
      'console.log(JSON.stringify({ lint: r.messages.map((m) => m.ruleId), diff: diff("We keep data for 30 days.\\n", "We keep data for 90 days.\\n").changes.length, formats: Object.keys(formatters) }));',
    ].join("\n");
    writeFileSync(path.join(project, "use.mjs"), script);
    const api = JSON.parse(execFileSync(process.execPath, ["use.mjs"], { cwd: project, encoding: "utf8" }));
    expect(api.lint).toContain("no-placeholders");
    expect(api.diff).toBe(1);
    expect(api.formats).toEqual(["stylish", "json", "sarif", "github"]);
    expect(readFileSync(path.join(project, "node_modules/policylint/dist/src/index.d.ts"), "utf8")).toContain(
      "export declare function lint(",
    );
  }, 240_000);
});
