import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "../helpers/cli.js";
import { CORPUS, FIXTURES, HAS_CORPUS } from "../helpers/fixtures.js";
import { gitIn } from "../helpers/git.js";
import { corpusTexts, versionsRepo } from "../helpers/history.js";

interface Logged {
  file: string;
  versions: {
    commit: string;
    path: string;
    stated: string | null;
    summary: Record<string, number> | null;
    problems: { code: string }[];
  }[];
}

const log = (dir: string, args: string[]) => runCli(["log", ...args], { cwd: dir });
const json = (dir: string, args: string[]): Logged => JSON.parse(log(dir, [...args, "--format", "json"]).stdout);

const seed = readFileSync(path.join(FIXTURES, "seed/imagen-privacy-policy.md"), "utf8");
const row = "| PostHog / [analytics] | Product analytics | Anonymized usage data |\n";
const dated = (text: string, date: string) => text.replace("Last updated: April 29, 2026", `Last updated: ${date}`);
const withRow = seed.replace(row, `${row}| Sentry | Error monitoring | Device data, error logs |\n`);
const withPurpose = withRow.replace(
  "### 2.1 How We Use Your Generations\n\n",
  "### 2.1 How We Use Your Generations\n\nWe also sell your prompts to advertisers.\n\n",
);

/** The seed's history with one broken promise planted in each of versions 2 to 4, and a kept one in 5. */
const PLANTED = [
  seed,
  withRow, // a provider added, the date left at April 29
  dated(withPurpose, "April 1, 2026"), // a new purpose, the date moved back
  dated(withPurpose.replace("Continued use", "Your continued use"), "May 5, 2026"), // a new date, only words changed
  dated(withPurpose.replace("We use third-party", "We use trusted third-party"), "June 1, 2026"), // kept
];

describe("policylint log", () => {
  it("flags each planted broken promise on its version, and nothing on the version that kept them", () => {
    const { dir, file } = versionsRepo(PLANTED.map((text) => ({ text })));
    const versions = json(dir, [file]).versions.reverse();
    expect(versions.map((v) => v.problems.map((p) => p.code))).toEqual([
      [],
      ["date-not-bumped"],
      ["date-went-backwards"],
      ["date-bumped-without-change"],
      [],
    ]);
    expect(versions.map((v) => v.stated)).toEqual([
      "April 29, 2026",
      "April 29, 2026",
      "April 1, 2026",
      "May 5, 2026",
      "June 1, 2026",
    ]);
    const terminal = log(dir, [file]).stdout;
    expect(terminal).toMatch(/^policy\.md: 5 versions, 2 with material changes, 3 broken promises\n/);
    expect(terminal).toContain("! date-went-backwards: the stated date went back from April 29, 2026 to April 1, 2026");
  });

  it("--material keeps the versions with material changes; --since a revision or a date keeps the later ones", () => {
    const { dir, file } = versionsRepo(PLANTED.map((text) => ({ text })));
    const all = json(dir, [file]).versions;
    expect(json(dir, [file, "--material"]).versions.map((v) => v.commit)).toEqual([all[2].commit, all[3].commit]);
    expect(json(dir, [file, "--since", "HEAD~2"]).versions.map((v) => v.commit)).toEqual([
      all[0].commit,
      all[1].commit,
    ]);
    // Scratch commits are one a day from 2024-01-01.
    expect(json(dir, [file, "--since", "2024-01-04"]).versions.map((v) => v.commit)).toEqual([
      all[0].commit,
      all[1].commit,
    ]);
  });

  it("--format markdown is a revision history page, newest first", () => {
    const { dir, file } = versionsRepo(PLANTED.map((text) => ({ text })));
    const page = log(dir, [file, "--format", "markdown"]).stdout;
    expect(page.startsWith("# Revision history of policy.md\n")).toBe(true);
    const headings = [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(["June 1, 2026", "May 5, 2026", "April 1, 2026", "April 29, 2026", "April 29, 2026"]);
    expect(page).toContain("> **date-not-bumped**: 1 material change, but the stated date is still April 29, 2026");
  });

  it("outside a repository, for an untracked file, or a path like an option: one line, exit 2", () => {
    const outside = tempProject({ "p.md": seed });
    const run = log(outside, ["p.md"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^policylint: p\.md: no history to read: not a git repository[^\n]*\n$/);
    const { dir } = versionsRepo([{ text: seed }]);
    writeFileSync(path.join(dir, "draft.md"), seed);
    expect(log(dir, ["draft.md"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "policylint: draft.md: git does not track it, so it has no history\n",
    });
    expect(log(dir, ["."])).toEqual({
      code: 2,
      stdout: "",
      stderr: "policylint: .: is a directory; policylint log reads the history of one file\n",
    });
    expect(log(dir, ["--", "-p.md"]).stderr).toBe(
      'policylint: -p.md: a path given to git cannot start with "-" (write ./-p.md)\n',
    );
    expect(log(dir, ["policy.md", "--since", "no-such-rev"]).stderr).toBe(
      "policylint: --since no-such-rev: neither a date (YYYY-MM-DD) nor a revision in this git repository\n",
    );
    for (const day of ["2024-13-01", "2026-02-30"]) {
      expect(log(dir, ["policy.md", "--since", day])).toEqual({
        code: 2,
        stdout: "",
        stderr: `policylint: --since: "${day}" is not a real date (use YYYY-MM-DD, e.g. 2026-04-29)\n`,
      });
    }
  });
  it("run from a sub-folder, names a version's path only where it differs from the file's path now", () => {
    const { dir } = versionsRepo([
      { text: seed },
      { text: withRow, renameTo: "legal/privacy.md" },
      { text: withPurpose },
    ]);
    const legal = path.join(dir, "legal");
    const terminal = log(legal, ["privacy.md"]).stdout;
    expect(terminal.match(/\(as [^)]*\)/g)).toEqual(["(as policy.md)"]);
    expect(json(legal, ["privacy.md"])).toMatchObject({ file: "privacy.md", path: "legal/privacy.md" });
  });

  it("lists a version that is no text policy, and compares the next one with the last version read", () => {
    const { dir, file } = versionsRepo([{ text: seed }, { text: "\u0000" }, { text: withRow }]);
    const run = log(dir, [file]);
    expect(run.code).toBe(0);
    const [, third, second, first] = run.stdout.split(/\n(?=[0-9a-f]{7} )/);
    expect(third).toContain(`0 substantive, 0 editorial (against ${first.slice(0, 7)})`);
    expect(second).toContain("not read");
    expect(second).toContain("! unreadable: binary file (it contains NUL bytes), not a text policy");
    const page = log(dir, [file, "--format", "markdown"]).stdout;
    expect(page).toContain("> **unreadable**: binary file (it contains NUL bytes), not a text policy");
  });

  it("skips the commit that deleted the file before it came back: it has no version to read", () => {
    const { dir, file } = versionsRepo([{ text: seed }]);
    const git = gitIn(dir);
    git("rm", "-q", file);
    git("commit", "-q", "-m", "withdrawn");
    writeFileSync(path.join(dir, file), withRow);
    git("add", file);
    git("commit", "-q", "-m", "back");
    const run = log(dir, [file, "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).versions.map((v: { subject: string }) => v.subject)).toEqual(["back", "version 1"]);
  });
});

describe.skipIf(!HAS_CORPUS)("policylint log on corpus histories", () => {
  it("counts each version's changes exactly as running diff on each pair does, renames followed", () => {
    const texts = corpusTexts(path.join(CORPUS, "basecamp-policies/basecamp-subprocessors")).slice(0, 12);
    const { dir, file } = versionsRepo(
      texts.map((t, i) => ({ text: t.text, renameTo: i === 6 ? "legal/subprocessors.md" : undefined })),
    );
    const versions = json(dir, [file]).versions.reverse();
    expect(versions).toHaveLength(12);
    expect(versions.map((v) => v.path)).toEqual([
      ...Array(6).fill("policy.md"),
      ...Array(6).fill("legal/subprocessors.md"),
    ]);
    expect(versions[0].summary).toBeNull();
    for (let i = 1; i < versions.length; i++) {
      const [a, b] = [versions[i - 1], versions[i]];
      const diff = JSON.parse(
        runCli(["diff", `${a.commit}:${a.path}`, `${b.commit}:${b.path}`, "--format", "json"], { cwd: dir }).stdout,
      );
      expect(b.summary, `version ${i + 1}`).toEqual(diff.summary);
    }
    expect(versions.some((v) => v.summary && v.summary.material > 0)).toBe(true);
  });
});
