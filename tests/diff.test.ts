import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffTexts, type Change, type DiffResult, type EditPart } from "../src/diff/index.js";
import { runCli, tempProject } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";
import { scratchRepo } from "./helpers/git.js";
import { mirrorMismatch } from "./helpers/mirror.js";

const DIFF_FIXTURES = path.join(FIXTURES, "diff");

/** Edits as one string, git --word-diff style: what expected.json states. */
function editsText(edits: readonly EditPart[]): string {
  return edits.map((e) => (e.op === "equal" ? e.text : e.op === "delete" ? `[-${e.text}-]` : `{+${e.text}+}`)).join("");
}

/** A change in the compact form fixtures state (only the fields an expectation names are compared). */
function compact(change: Change): Record<string, unknown> {
  return {
    kind: change.kind,
    target: change.target,
    path: change.path,
    ...(change.row !== undefined && { row: change.row, keyColumn: change.keyColumn }),
    ...(change.column !== undefined && { column: change.column }),
    ...(change.field !== undefined && { field: change.field }),
    ...(change.linkText !== undefined && { linkText: change.linkText }),
    ...(change.old && { old: change.old.text }),
    ...(change.new && { new: change.new.text }),
    edits: editsText(change.edits),
  };
}

function diffFixture(name: string): DiffResult {
  const read = (file: string) => readFileSync(path.join(DIFF_FIXTURES, name, file), "utf8");
  return diffTexts(read("old.md"), read("new.md"), { old: `${name}/old.md`, new: `${name}/new.md` });
}

const cases = readdirSync(DIFF_FIXTURES).sort();

describe("diff fixtures (fixtures/diff/<case>: old.md, new.md, expected.json)", () => {
  it("has a case for each promised behaviour", () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        "markup-only",
        "renumber-only",
        "inserted-section",
        "moved-section",
        "moved-and-edited",
        "renamed-heading",
        "table-rows",
        "list-items",
        "word-edits",
        "link-target",
        "date-bump",
        "frontmatter",
        "clauses",
        "lead-in-paragraphs",
      ]),
    );
  });

  for (const name of cases) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(path.join(DIFF_FIXTURES, name, "expected.json"), "utf8"));
      const actual = diffFixture(name).changes.map(compact);
      expect(actual).toMatchObject(expected);
    });
  }
});

describe("diff records", () => {
  const all = cases.flatMap((name) => diffFixture(name).changes);

  it("word edits rebuild the old and the new text exactly", () => {
    for (const change of all.filter((c) => c.edits.length)) {
      const side = (skip: string) =>
        change.edits
          .filter((e) => e.op !== skip)
          .map((e) => e.text)
          .join("");
      expect(side("insert"), change.id).toBe(change.old!.text);
      expect(side("delete"), change.id).toBe(change.new!.text);
    }
  });

  it("ids are stable across runs and unique within a result", () => {
    for (const name of cases) {
      const first = diffFixture(name).changes.map((c) => c.id);
      expect(diffFixture(name).changes.map((c) => c.id)).toEqual(first);
      expect(new Set(first).size).toBe(first.length);
      for (const id of first) expect(id).toMatch(/^[0-9a-f]{12}(-\d+)?$/);
    }
  });

  it("every record carries what a classifier needs on its own", () => {
    for (const change of all) {
      expect(Object.keys(change).slice(0, 8)).toEqual([
        "id",
        "kind",
        "target",
        "path",
        "section",
        "old",
        "new",
        "edits",
      ]);
      expect(change.old ?? change.new).not.toBeNull();
      if (change.kind === "added") expect(change.old).toBeNull();
      if (change.kind === "removed") expect(change.new).toBeNull();
      if (change.kind !== "added") expect(change.old!.path).toBeInstanceOf(Array);
    }
    const cell = all.find((c) => c.target === "table-cell")!;
    expect(cell.section).toEqual({ kind: "section", title: "Sub-processors", number: null });
  });

  it("states each version's date and file", () => {
    const result = diffFixture("date-bump");
    expect(result.old).toEqual({
      file: "date-bump/old.md",
      lastUpdated: "2022-07-18",
      stated: { text: "July 18, 2022", line: 3 },
    });
    expect(result.new.lastUpdated).toBe("2023-02-27");
  });

  it("a document against itself has no changes", () => {
    for (const name of cases) {
      const text = readFileSync(path.join(DIFF_FIXTURES, name, "new.md"), "utf8");
      expect(diffTexts(text, text).changes, name).toEqual([]);
    }
  });

  it("adding or removing a whole section is one change whose content keeps its text", () => {
    const added = diffFixture("inserted-section").changes[0];
    expect(added.new!.content).toBe("Do not use the service to send spam or malware.");
    const removed = diffTexts(
      readFileSync(path.join(DIFF_FIXTURES, "inserted-section/new.md"), "utf8"),
      readFileSync(path.join(DIFF_FIXTURES, "inserted-section/old.md"), "utf8"),
    );
    expect(removed.changes.map(compact)).toMatchObject([
      { kind: "removed", target: "section", path: ["Terms", "2. Acceptable use"] },
    ]);
  });
});

describe("diff B A mirrors diff A B", () => {
  const pairs = ["diff", "classify"].flatMap((set) =>
    readdirSync(path.join(FIXTURES, set))
      .filter((name) => existsSync(path.join(FIXTURES, set, name, "old.md")))
      .map((name) => [`${set}/${name}`, path.join(FIXTURES, set, name)]),
  );

  it.each(pairs)(
    "on the fixture %s: added is removed, modified and moved the other way round, word edits too",
    (_name, dir) => {
      const [a, b] = [readFileSync(path.join(dir, "old.md"), "utf8"), readFileSync(path.join(dir, "new.md"), "utf8")];
      expect(mirrorMismatch(diffTexts(a, b).changes, diffTexts(b, a).changes)).toEqual({ forward: [], backward: [] });
    },
  );

  it("a table split under new sections one way is tables joined the other: row by row both ways", () => {
    const row = (name: string, purpose: string, where: string) => `| ${name} | ${purpose} | ${where} |\n`;
    const head = "| Name | Purpose | Location |\n| --- | --- | --- |\n";
    const one = `# Sub-processors\n\n${head}${row("Amazon Web Services", "Hosting", "United States")}${row("GitHub BV", "Subsidiary", "Netherlands")}${row("Zendesk", "Support", "United States")}`;
    const two = `# Sub-processors\n\n## Third parties\n\n${head}${row("Amazon Web Services", "Hosting and AI", "United States")}${row("Zendesk", "Support", "United States")}\n## Subsidiaries\n\n${head}${row("GitHub BV", "Subsidiary", "Netherlands")}`;
    const cell = (changes: Change[]) =>
      changes.filter((c) => c.target === "table-cell").map((c) => [c.row, c.column, c.old!.text, c.new!.text]);
    expect(cell(diffTexts(one, two).changes)).toEqual([
      ["Amazon Web Services", "Purpose", "Hosting", "Hosting and AI"],
    ]);
    expect(cell(diffTexts(two, one).changes)).toEqual([
      ["Amazon Web Services", "Purpose", "Hosting and AI", "Hosting"],
    ]);
    expect(mirrorMismatch(diffTexts(one, two).changes, diffTexts(two, one).changes)).toEqual({
      forward: [],
      backward: [],
    });
  });
});

describe("policylint diff (the built binary)", () => {
  const fixture = (name: string, file: string) => path.join(DIFF_FIXTURES, name, file);

  it("prints changes grouped by section, words marked without colour off a terminal", () => {
    const run = runCli(["diff", fixture("word-edits", "old.md"), fixture("word-edits", "new.md")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Privacy Policy › Sharing");
    expect(run.stdout).toContain("{+and affiliates +}");
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it("colours removed and added words when forced, not under NO_COLOR or --no-color", () => {
    const args = ["diff", fixture("word-edits", "old.md"), fixture("word-edits", "new.md")];
    expect(runCli([...args, "--color"]).stdout).toMatch(/\u001b\[32m\u001b\[4mand affiliates/);
    expect(runCli(args, { env: { NO_COLOR: "1" } }).stdout).not.toMatch(/\u001b\[/);
    expect(runCli([...args, "--no-color"]).stdout).not.toMatch(/\u001b\[/);
  });

  it("--format json is the documented contract", () => {
    const run = runCli(["diff", fixture("table-rows", "old.md"), fixture("table-rows", "new.md"), "--format", "json"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as DiffResult;
    expect(Object.keys(result)).toEqual(["old", "new", "changes", "material", "summary", "problems"]);
    expect(result.old.file).toBe(fixture("table-rows", "old.md"));
    expect(result.old.lastUpdated).toBe("2026-01-05");
    expect(result.changes.map((c) => `${c.kind} ${c.target} ${c.row}`)).toEqual([
      "added table-row Gamma AI",
      "modified table-cell Microsoft (Azure)",
      "removed table-row Omega Analytics",
    ]);
  });

  it("--format markdown quotes old and new wording under section headings", () => {
    const run = runCli([
      "diff",
      fixture("word-edits", "old.md"),
      fixture("word-edits", "new.md"),
      "--format",
      "markdown",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("### Privacy Policy › Sharing");
    expect(run.stdout).toContain("  > **Before:** We share your personal data with service providers who process");
    expect(run.stdout).toContain("  > **After:** We share your personal data with service providers and affiliates");
  });

  it("--stat prints one line per changed section and a total", () => {
    const run = runCli([
      "diff",
      fixture("moved-and-edited", "old.md"),
      fixture("moved-and-edited", "new.md"),
      "--stat",
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ Privacy Policy › Cookies \|\s+2 ~>$/);
    expect(lines[1]).toBe(" 1 section changed, 2 changes: 1 modified, 1 moved");
  });

  it("identical inputs print “no changes” and exit 0, also when only markup differs", () => {
    for (const args of [
      [fixture("markup-only", "old.md"), fixture("markup-only", "old.md")],
      [fixture("markup-only", "old.md"), fixture("markup-only", "new.md")],
      [fixture("markup-only", "old.md"), fixture("markup-only", "new.md"), "--stat"],
    ]) {
      expect(runCli(["diff", ...args])).toMatchObject({ code: 0, stdout: "no changes\n", stderr: "" });
    }
  });

  it("--output-file writes the report instead of printing it", () => {
    const dir = tempProject({
      "a.md": "# A\n\nWe keep logs for 30 days.\n",
      "b.md": "# A\n\nWe keep logs for 90 days.\n",
    });
    const run = runCli(["diff", "a.md", "b.md", "--format", "json", "-o", "out/diff.json"], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: "" });
    expect(JSON.parse(readFileSync(path.join(dir, "out/diff.json"), "utf8")).changes).toHaveLength(1);
  });

  it("a missing file is a one-line error, exit 2", () => {
    const run = runCli(["diff", "nope.md", fixture("word-edits", "new.md")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("policylint: nope.md: no such file or directory\n");
  });

  describe("REV:path read with git", () => {
    const repo = () => {
      const { dir, git } = scratchRepo({
        "legal/privacy.md": "# Privacy\n\n## Sharing\n\nWe share data with processors.\n",
      });
      git("add", ".");
      git("commit", "-qm", "v1");
      git("tag", "v1.2");
      git("commit", "-qm", "empty", "--allow-empty");
      return dir;
    };

    it("reads the old version from a revision and the new from the working tree", () => {
      const dir = repo();
      writeFileSync(
        path.join(dir, "legal/privacy.md"),
        "# Privacy\n\n## Sharing\n\nWe share data with processors and affiliates.\n",
      );
      for (const spec of ["v1.2:legal/privacy.md", "HEAD~1:legal/privacy.md"]) {
        const run = runCli(["diff", spec, "legal/privacy.md", "--format", "json"], { cwd: dir });
        expect(run.code, run.stderr).toBe(0);
        const result = JSON.parse(run.stdout) as DiffResult;
        expect(result.old.file).toBe(spec);
        expect(result.changes.map(compact)).toMatchObject([
          { kind: "modified", target: "paragraph", edits: "We share data with processors{+ and affiliates+}." },
        ]);
      }
      expect(runCli(["diff", "v1.2:legal/privacy.md", "HEAD:legal/privacy.md"], { cwd: dir }).stdout).toBe(
        "no changes\n",
      );
    });

    it("a bad revision or path is a clear error, exit 2", () => {
      const dir = repo();
      const badRev = runCli(["diff", "v9.9:legal/privacy.md", "legal/privacy.md"], { cwd: dir });
      expect(badRev.code).toBe(2);
      expect(badRev.stderr).toMatch(
        /^policylint: v9\.9:legal\/privacy\.md: no such file, and not a readable git revision \(.+\)\n$/,
      );
      const badPath = runCli(["diff", "HEAD:legal/terms.md", "legal/privacy.md"], { cwd: dir });
      expect(badPath.code).toBe(2);
      expect(badPath.stderr).toContain("legal/terms.md");
      const tree = runCli(["diff", "HEAD:legal", "legal/privacy.md"], { cwd: dir });
      expect(tree).toMatchObject({ code: 2, stderr: "policylint: HEAD:legal: is a tree in git, not a file\n" });
    });
  });
});
