import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";
import { scratchRepo } from "./helpers/git.js";

const fixture = (name: string) => [
  path.join(FIXTURES, "classify", name, "old.md"),
  path.join(FIXTURES, "classify", name, "new.md"),
];
const MATERIAL = fixture("new-recipient-row");
const SUBSTANTIVE = fixture("recipient-removed");
const EDITORIAL = fixture("typo-in-sharing-sentence");

describe("policylint diff: classification in every format", () => {
  it("JSON gains significance and reasons per change, and material, summary and problems", () => {
    const run = runCli(["diff", ...fixture("date-not-bumped"), "--format", "json"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(["old", "new", "changes", "material", "summary", "problems"]);
    expect(result.changes[0]).toMatchObject({
      kind: "added",
      target: "table-row",
      row: "Acme Analytics",
      significance: "material",
      reasons: [{ code: "new-recipient" }],
    });
    expect(result.changes[0].columns).toEqual(["Provider", "Purpose", "Data shared", "Location"]);
    expect(result).toMatchObject({
      material: true,
      summary: { material: 1, substantive: 0, editorial: 0 },
      problems: [{ code: "date-not-bumped", severity: "warning" }],
    });
  });

  it("terminal and markdown lead with the material changes and their reasons", () => {
    const terminal = runCli(["diff", ...MATERIAL]).stdout;
    expect(terminal.indexOf("Material changes")).toBeLessThan(terminal.indexOf("All changes"));
    expect(terminal).toMatch(
      /Material changes\n {2}Privacy Policy › How We Share Information › Service Providers: added table row “Acme Analytics”/,
    );
    expect(terminal).toContain("    new-recipient: adds the recipient “Acme Analytics”");
    const markdown = runCli(["diff", ...MATERIAL, "--format", "markdown"]).stdout;
    expect(markdown).toContain(
      "### Material changes\n\n- **Privacy Policy › How We Share Information › Service Providers**: added table row “Acme Analytics”\n  - `new-recipient`: adds the recipient “Acme Analytics”",
    );
    expect(markdown.indexOf("### Material changes")).toBeLessThan(markdown.indexOf("## All changes"));
  });
});

describe("policylint diff --fail-on and --require-date-bump", () => {
  it.each([
    ["material", "a material change", MATERIAL, 1],
    ["material", "a substantive change", SUBSTANTIVE, 0],
    ["material", "an editorial change", EDITORIAL, 0],
    ["substantive", "a material change", MATERIAL, 1],
    ["substantive", "a substantive change", SUBSTANTIVE, 1],
    ["substantive", "an editorial change", EDITORIAL, 0],
    ["any", "an editorial change", EDITORIAL, 1],
    ["any", "no change", [MATERIAL[0], MATERIAL[0]], 0],
  ] as const)("--fail-on %s with %s: exit %i", (level, _what, files, code) => {
    const run = runCli(["diff", ...files, "--fail-on", level]);
    expect(run.code).toBe(code);
    if (code)
      expect(run.stderr).toMatch(new RegExp(`^policylint: .+new\\.md: \\d+ .*changes? \\(--fail-on ${level}\\)\\n$`));
  });

  it("--fail-on with an unknown level is a usage error", () => {
    expect(runCli(["diff", ...MATERIAL, "--fail-on", "major"]).code).toBe(2);
  });

  it("--require-date-bump fails on changes of meaning under an unchanged date, not on editorial ones", () => {
    const failing = runCli(["diff", ...fixture("date-not-bumped"), "--require-date-bump"]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(
      /new\.md: 1 material change, but the stated date is still March 1, 2026 \(line 3\) \(--require-date-bump\)\n$/,
    );
    expect(runCli(["diff", ...fixture("date-bumped-with-change"), "--require-date-bump"]).code).toBe(0);
    expect(runCli(["diff", ...EDITORIAL, "--require-date-bump"]).code).toBe(0);
  });

  it("with --fail-on, --require-date-bump lets changes at that level pass once the date is bumped", () => {
    expect(runCli(["diff", ...fixture("date-not-bumped"), "--fail-on", "material", "--require-date-bump"]).code).toBe(
      1,
    );
    expect(
      runCli(["diff", ...fixture("date-bumped-with-change"), "--fail-on", "material", "--require-date-bump"]).code,
    ).toBe(0);
    expect(runCli(["diff", ...fixture("date-bumped-with-change"), "--fail-on", "material"]).code).toBe(1);
  });

  it("the output is printed whatever the gate says", () => {
    expect(runCli(["diff", ...MATERIAL, "--fail-on", "material", "--format", "json"]).stdout).toMatch(
      /"material": true/,
    );
  });
});

describe("policylint diff --against REV (a throw-away git repository)", () => {
  const policy = readFileSync(fixture("date-not-bumped")[0], "utf8");
  const repo = () => {
    const { dir, git } = scratchRepo({ "legal/privacy.md": policy, "legal/terms.md": "# Terms\n\nBe nice.\n" });
    git("add", ".");
    git("commit", "-qm", "v1");
    return dir;
  };
  const material = policy.replace(
    "| Postmark |",
    "| Acme Analytics | Product analytics | Usage data | United States |\n| Postmark |",
  );

  it("takes absolute paths as lint-staged passes them, from the repository's top or a sub-folder", () => {
    // Issue 17 saw `diff --against HEAD /abs/legal/privacy.md` report "new since HEAD, not compared" and exit 0, a
    // material edit through the gate. Reading REV's version with `git ls-tree` (issue 14) fixed it; this holds it.
    const dir = repo();
    writeFileSync(path.join(dir, "legal/privacy.md"), material);
    const gated = ["diff", "--against", "HEAD", "--fail-on", "material", "--require-date-bump"];
    for (const cwd of [dir, path.join(dir, "legal")]) {
      const run = runCli([...gated, path.join(dir, "legal/privacy.md"), path.join(dir, "legal/terms.md")], { cwd });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).not.toContain("new since");
      expect(run.stdout).toContain(
        `policylint diff HEAD:${path.join(dir, "legal/privacy.md")} → ${path.join(dir, "legal/privacy.md")}`,
      );
      expect(run.stdout).toContain(`${path.join(dir, "legal/terms.md")}: no changes\n`);
    }
    writeFileSync(path.join(dir, "legal/privacy.md"), material.replace("March 1, 2026", "April 2, 2026"));
    expect(runCli([...gated, path.join(dir, "legal/privacy.md")], { cwd: dir }).code).toBe(0);
  });

  it("--fix moves the stated date of a file whose meaning changed to --today, and the gate then passes; --fix-dry-run only says so", () => {
    const dir = repo();
    const file = path.join(dir, "legal/privacy.md");
    writeFileSync(file, material);
    const gated = [
      "diff",
      "--against",
      "HEAD",
      "--fail-on",
      "material",
      "--require-date-bump",
      "--today",
      "2026-04-02",
      "legal/privacy.md",
      "legal/terms.md",
    ];
    const dry = runCli([...gated, "--fix-dry-run"], { cwd: dir });
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain(
      "policylint: legal/privacy.md: --fix would move the stated date from March 1, 2026 to April 2, 2026\n",
    );
    expect(readFileSync(file, "utf8")).toBe(material);
    const fixed = runCli([...gated, "--fix"], { cwd: dir });
    expect(fixed.stderr).toBe(
      "policylint: legal/privacy.md: stated date moved from March 1, 2026 to April 2, 2026 (--fix)\n",
    );
    expect(fixed.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(material.replace("March 1, 2026", "April 2, 2026"));
    // Now the date moved: nothing left to fix, and the gate passes on its own.
    expect(runCli([...gated, "--fix"], { cwd: dir })).toMatchObject({ code: 0, stderr: "" });
    expect(runCli(["diff", "--fix", "legal/privacy.md", "legal/terms.md"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "policylint: --fix and --fix-dry-run need --against REV: they move the dates of the files compared\n",
    });
  });

  it("compares each file with its committed version and reports a file that is not at REV as new", () => {
    const dir = repo();
    writeFileSync(path.join(dir, "legal/privacy.md"), material);
    writeFileSync(path.join(dir, "legal/cookies.md"), "# Cookies\n\nWe use one cookie.\n");
    const run = runCli(
      [
        "diff",
        "--against",
        "HEAD",
        "--fail-on",
        "material",
        "--require-date-bump",
        "legal/privacy.md",
        "legal/terms.md",
        "legal/cookies.md",
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("policylint diff HEAD:legal/privacy.md → legal/privacy.md");
    expect(run.stdout).toContain("legal/terms.md: no changes\n");
    expect(run.stdout).toContain("legal/cookies.md: new since HEAD, not compared\n");
    expect(run.stderr).toBe(
      "policylint: legal/privacy.md: 1 material change and its stated date (March 1, 2026) was not bumped (--require-date-bump)\n",
    );

    writeFileSync(path.join(dir, "legal/privacy.md"), material.replace("March 1, 2026", "April 2, 2026"));
    expect(
      runCli(["diff", "--against", "HEAD", "--fail-on", "material", "--require-date-bump", "legal/privacy.md"], {
        cwd: dir,
      }).code,
    ).toBe(0);
  });

  it("paths are relative to the current folder, as the files are", () => {
    const dir = repo();
    writeFileSync(path.join(dir, "legal/privacy.md"), material);
    const run = runCli(["diff", "--against", "HEAD", "privacy.md", "--format", "json"], {
      cwd: path.join(dir, "legal"),
    });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ against: "HEAD", material: true, summary: { material: 1 }, newFiles: [] });
    expect(out.results[0].old.file).toBe("HEAD:privacy.md");
  });

  it("in a repository with no commit yet every file is new; a bad revision is a usage error", () => {
    const { dir } = scratchRepo({ "privacy.md": policy });
    expect(runCli(["diff", "--against", "HEAD", "--fail-on", "material", "privacy.md"], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: "privacy.md: new since HEAD, not compared\n",
    });
    const committed = repo();
    expect(runCli(["diff", "--against", "v9", "legal/privacy.md"], { cwd: committed })).toMatchObject({
      code: 2,
      stderr: "policylint: --against v9: not a revision in this git repository\n",
    });
    expect(runCli(["diff", "--against", "HEAD"], { cwd: committed }).code).toBe(2);
  });

  describe("a failure of git is exit 2 with git's reason, never 'new since' and a passing gate", () => {
    const gated = ["diff", "--against", "HEAD", "--fail-on", "material", "legal/privacy.md"];
    const failsClosed = (run: { code: number; stdout: string; stderr: string }, reason: RegExp) => {
      expect(run.code).toBe(2);
      expect(run.stdout).not.toContain("new since");
      expect(run.stderr).toMatch(/^policylint: legal\/privacy\.md: git cannot read it at HEAD: [^\n]+\n$/);
      expect(run.stderr).toMatch(reason);
    };

    it("outside a repository", () => {
      const dir = tempProject({ "legal/privacy.md": material });
      failsClosed(
        runCli(gated, { cwd: dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } }),
        /not a git repository/,
      );
    });

    it("in a repository git refuses for its owner ('dubious ownership', as in a CI container)", () => {
      const dir = repo();
      writeFileSync(path.join(dir, "legal/privacy.md"), material);
      // git's own switch for its ownership check: the repository reads as another user's (and no safe.directory of
      // the machine's configuration lets it through).
      const env = { GIT_TEST_ASSUME_DIFFERENT_OWNER: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
      failsClosed(runCli(gated, { cwd: dir, env }), /dubious ownership/);
    });

    it("with GIT_DIR pointing at something that is not a repository", () => {
      const dir = repo();
      writeFileSync(path.join(dir, "garbage"), "not a repository\n");
      failsClosed(runCli(gated, { cwd: dir, env: { GIT_DIR: path.join(dir, "garbage") } }), /garbage/);
    });

    it("with git not installed", () => {
      const dir = repo();
      const run = runCli(gated, { cwd: dir, env: { PATH: path.join(dir, "no-such-bin") } });
      expect(run).toMatchObject({
        code: 2,
        stdout: "",
        stderr: "policylint: legal/privacy.md: git is not installed, so a revision cannot be read\n",
      });
    });

    it("for a file outside the repository, and the other files are still compared", () => {
      const dir = repo();
      const outside = tempProject({ "elsewhere.md": policy });
      writeFileSync(path.join(dir, "legal/privacy.md"), material);
      const stray = path.relative(dir, path.join(outside, "elsewhere.md"));
      const run = runCli(["diff", "--against", "HEAD", stray, "legal/privacy.md", "legal/missing.md"], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toContain("policylint diff HEAD:legal/privacy.md → legal/privacy.md");
      expect(run.stdout).not.toContain("new since");
      const lines = run.stderr.split("\n").filter(Boolean);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        new RegExp(`^policylint: .*elsewhere\\.md: git cannot read it at HEAD: .*outside repository`),
      );
      expect(lines[1]).toBe("policylint: legal/missing.md: no such file or directory");
    });

    it("a path HEAD does not hold is still new, exit 0", () => {
      const dir = repo();
      writeFileSync(path.join(dir, "legal/cookies.md"), "# Cookies\n\nWe use one cookie.\n");
      expect(
        runCli(["diff", "--against", "HEAD", "--fail-on", "material", "legal/cookies.md"], { cwd: dir }),
      ).toMatchObject({ code: 0, stderr: "", stdout: "legal/cookies.md: new since HEAD, not compared\n" });
    });
  });

  it("without --against, diff takes exactly two versions", () => {
    expect(runCli(["diff", MATERIAL[0]])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("expected OLD and NEW"),
    });
  });
});

describe("policylint diff reads the diff settings of the configuration", () => {
  it("diff.materialSections makes a change of meaning there material", () => {
    const dir = tempProject({
      "a.md": "# Terms\n\n## Children\n\nThe service is for users 16 and older.\n",
      "b.md": "# Terms\n\n## Children\n\nThe service is for users 13 and older.\n",
      ".policylintrc.json": JSON.stringify({ diff: { materialSections: ["children"] } }),
    });
    expect(runCli(["diff", "a.md", "b.md", "--fail-on", "material"], { cwd: dir }).code).toBe(1);
    expect(runCli(["diff", "a.md", "b.md", "--fail-on", "material", "--config", "none.json"], { cwd: dir }).code).toBe(
      2,
    );
  });

  it("a bad diff setting stops the run with the key named, exit 2", () => {
    const dir = tempProject({
      "a.md": "# A\n",
      ".policylintrc.json": JSON.stringify({ diff: { recipientColumns: "Vendor" } }),
    });
    const run = runCli(["diff", "a.md", "a.md"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^policylint: invalid configuration in .+\.policylintrc\.json: diff\.recipientColumns: expected an array of non-empty strings, got "Vendor"\n$/,
    );
    const unknown = tempProject({
      "a.md": "# A\n",
      ".policylintrc.json": JSON.stringify({ diff: { sections: { sharing: ["Vendors"], finance: ["Money"] } } }),
    });
    expect(runCli(["diff", "a.md", "a.md"], { cwd: unknown }).stderr).toContain(
      "diff.sections.finance: unknown section category",
    );
  });
});
