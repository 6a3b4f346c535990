import { spawn, spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./helpers/cli.js";
import { ROOT } from "./helpers/fixtures.js";
import { gitIn } from "./helpers/git.js";

const CLEAN = "# Privacy Policy\n\nWe collect your e-mail address to send you receipts.\n";
const DIRTY = "# Privacy Policy\n\nThis policy is provided by [YOUR COMPANY].\n";
const WARN_ONLY_CONFIG = JSON.stringify({ rules: { "no-placeholders": "warn", "no-review-markers": "off" } });
const QUIET_RULES = { rules: { "no-placeholders": "error", "no-review-markers": "error" } };
const project = (files: Record<string, string | Buffer>) =>
  tempProject({ ".policylintrc.json": JSON.stringify(QUIET_RULES), ...files });

/** Runs `use` on a FIFO in `dir` that a writer fills with `source`'s bytes; the writer is ended either way. */
async function withFifo<T>(dir: string, source: string, use: (fifo: string) => T): Promise<T> {
  spawnSync("mkfifo", [path.join(dir, "in.fifo")]);
  const writer = spawn("sh", ["-c", `cat ${source} > in.fifo`], { cwd: dir, stdio: "ignore" });
  const exited = new Promise((resolve) => writer.on("exit", resolve));
  try {
    return use("in.fifo");
  } finally {
    writer.kill();
    await exited;
    rmSync(path.join(dir, "in.fifo"));
  }
}

describe("policylint check: exit codes", () => {
  it("exits 0 and prints nothing on a clean policy", () => {
    const run = runCli(["check", "clean.md"], { cwd: project({ "clean.md": CLEAN }) });
    expect(run).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });

  it("exits 1 on a lint error and names file, position, rule and text", () => {
    const run = runCli(["check", "dirty.md"], { cwd: project({ "dirty.md": DIRTY }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("dirty.md");
    expect(run.stdout).toMatch(/3:28\s+error\s+Unresolved placeholder "\[YOUR COMPANY\]"\s+no-placeholders/);
    expect(run.stdout).toContain("✖ 1 problem (1 error, 0 warnings)");
  });

  it("exits 0 on warnings within --max-warnings and 1 above it", () => {
    const dir = tempProject({ ".policylintrc.json": WARN_ONLY_CONFIG, "dirty.md": DIRTY });
    expect(runCli(["check", "dirty.md"], { cwd: dir }).code).toBe(0);
    expect(runCli(["check", "dirty.md", "--max-warnings", "1"], { cwd: dir }).code).toBe(0);
    const over = runCli(["check", "dirty.md", "--max-warnings", "0"], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("more than --max-warnings 0");
  });

  it("--quiet drops warnings from output and count", () => {
    const dir = tempProject({ ".policylintrc.json": WARN_ONLY_CONFIG, "dirty.md": DIRTY });
    const run = runCli(["check", "dirty.md", "--quiet", "--max-warnings", "0"], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: "" });
  });

  it("--rule changes a severity for the run; an unknown rule is a usage error", () => {
    const dir = project({ "dirty.md": DIRTY });
    expect(runCli(["check", "dirty.md", "--rule", "no-placeholders:off"], { cwd: dir }).code).toBe(0);
    const warn = runCli(["check", "dirty.md", "--rule", "no-placeholders:warn"], { cwd: dir });
    expect(warn.stdout).toContain("warning");
    const bad = runCli(["check", "dirty.md", "--rule", "no-such-rule:error"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('policylint: --rule: unknown rule "no-such-rule" (run `policylint rules` for the list)\n');
  });

  it("exits 2 on a bad --today, with no stack trace", () => {
    const run = runCli(["check", "clean.md", "--today", "2026-02-30"], { cwd: project({ "clean.md": CLEAN }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'policylint: --today: "2026-02-30" is not a valid date (use YYYY-MM-DD, e.g. 2026-04-29)\n',
    );
  });

  it("exits 2 on an unknown option or a missing path argument", () => {
    expect(runCli(["check", "--no-such-flag", "x.md"]).code).toBe(2);
    expect(runCli(["check"]).code).toBe(2);
  });
});

describe("policylint check: inputs", () => {
  it("still checks the good file when another is missing, and exits 2", () => {
    const run = runCli(["check", "missing.md", "dirty.md"], { cwd: project({ "dirty.md": DIRTY }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("policylint: missing.md: no such file or directory\n");
    expect(run.stdout).toContain('Unresolved placeholder "[YOUR COMPANY]"');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("reports binary and non-UTF-8 files as input errors and checks the rest", () => {
    const dir = project({
      "binary.md": Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]),
      "latin1.md": Buffer.from("# Politique de confidentialit\xe9\n", "latin1"),
      "dirty.md": DIRTY,
    });
    const run = runCli(["check", "binary.md", "latin1.md", "dirty.md", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("binary.md: binary file");
    expect(run.stderr).toContain("latin1.md: not valid UTF-8 text");
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { fatal?: boolean; message: string }[] }[];
    expect(results.map((r) => path.basename(r.filePath))).toEqual(["binary.md", "dirty.md", "latin1.md"]);
    expect(results[0].messages[0]).toMatchObject({ fatal: true });
    expect(results[1].messages[0].message).toContain("[YOUR COMPANY]");
  });

  it("expands directories to their Markdown files and honours ignores", () => {
    const dir = tempProject({
      ".policylintrc.json": JSON.stringify({ ...QUIET_RULES, ignores: ["legal/drafts/**"] }),
      "legal/privacy.md": DIRTY,
      "legal/terms.markdown": DIRTY,
      "legal/notes.txt": DIRTY,
      "legal/drafts/next.md": DIRTY,
      "legal/node_modules/x/readme.md": DIRTY,
    });
    const run = runCli(["check", "legal", "--format", "json"], { cwd: dir });
    const files = (JSON.parse(run.stdout) as { filePath: string }[]).map((r) => path.relative(dir, r.filePath));
    expect(files).toEqual(["legal/privacy.md", "legal/terms.markdown"]);
  });

  it("expands globs, and a glob that matches nothing is an input error", () => {
    const dir = project({ "a/privacy.md": DIRTY, "b/terms.md": CLEAN });
    const run = runCli(["check", "**/*.md", "--format", "json"], { cwd: dir });
    expect((JSON.parse(run.stdout) as { filePath: string }[]).map((r) => path.relative(dir, r.filePath))).toEqual([
      "a/privacy.md",
      "b/terms.md",
    ]);
    const none = runCli(["check", "nothing/**/*.md"], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("nothing/**/*.md: no files match this pattern");
  });

  it('reads standard input with "-" and names it with --stdin-filename', () => {
    const dir = project({});
    const run = runCli(["check", "-", "--stdin-filename", "legal/draft.md", "--format", "github"], {
      cwd: dir,
      input: DIRTY,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error file=legal/draft.md,line=3,col=28");
    const unnamed = runCli(["check", "-"], { cwd: dir, input: DIRTY });
    expect(unnamed.stdout).toContain("<stdin>");
  });

  it("reads a FIFO given as a file, as process substitution passes one: <(git show v1:privacy.md)", async () => {
    const dir = project({ "clean.md": CLEAN, "dirty.md": DIRTY });
    const run = await withFifo(dir, "dirty.md", (fifo) =>
      runCli(["check", fifo, "clean.md", "--format", "json"], { cwd: dir, timeout: 20_000 }),
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { message: string }[] }[];
    expect(results.find((r) => r.filePath.endsWith("in.fifo"))!.messages[0].message).toBe(
      'Unresolved placeholder "[YOUR COMPANY]"',
    );
  });

  it("diff reads a FIFO as either version and returns", async () => {
    const dir = project({ "clean.md": CLEAN, "dirty.md": DIRTY });
    const plain = runCli(["diff", "clean.md", "dirty.md", "--format", "json"], { cwd: dir });
    for (const side of [0, 1]) {
      const run = await withFifo(dir, side ? "dirty.md" : "clean.md", (fifo) =>
        runCli(["diff", side ? "clean.md" : fifo, side ? fifo : "dirty.md", "--format", "json"], {
          cwd: dir,
          timeout: 20_000,
        }),
      );
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).changes).toEqual(JSON.parse(plain.stdout).changes);
    }
  });

  it("binary data on standard input is one problem for it; the other files are still checked", () => {
    const dir = project({ "dirty.md": DIRTY });
    const run = runCli(["check", "-", "dirty.md", "--format", "json"], {
      cwd: dir,
      input: Buffer.from([0x23, 0x00, 0xff, 0x01]),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("policylint: <stdin>: binary file (it contains NUL bytes), not a text policy\n");
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { fatal?: boolean; message: string }[] }[];
    expect(results.map((r) => [path.basename(r.filePath), r.messages[0].fatal ?? false])).toEqual([
      ["<stdin>", true],
      ["dirty.md", false],
    ]);
    expect(results[1].messages[0].message).toContain("[YOUR COMPANY]");
  });

  it("gives correct lines and columns for files with a BOM and CRLF line endings", () => {
    const dir = project({ "crlf.md": `\ufeff# Policy\r\n\r\nWe are {{company}}.\r\n\r\n[LAWYER] check this.\r\n` });
    const run = runCli(["check", "crlf.md", "--format", "json"], { cwd: dir });
    const [result] = JSON.parse(run.stdout) as { messages: { line: number; column: number; endColumn: number }[] }[];
    expect(result.messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([
      [3, 8, 19],
      [5, 1, 21],
    ]);
  });

  it("honours inline disable, enable and disable-next-line directives", () => {
    const text = [
      "# Policy",
      "",
      "<!-- policylint-disable no-placeholders -->",
      "Hidden [YOUR COMPANY].",
      "<!-- policylint-enable no-placeholders -->",
      "",
      "Shown [YOUR COMPANY].",
      "",
      "<!-- policylint-disable-next-line -->",
      "Hidden TBD and [LAWYER] note.",
      "",
      "Shown TBD.",
      "",
    ].join("\n");
    const run = runCli(["check", "p.md", "--format", "json"], { cwd: project({ "p.md": text }) });
    const [result] = JSON.parse(run.stdout) as { messages: { line: number }[] }[];
    expect(result.messages.map((m) => m.line)).toEqual([7, 12]);
  });

  it("reads `-- reason` as ESLint does and reports a rule name it does not know", () => {
    // Before: "-- approved by counsel" was read as four rule names, so the comment disabled nothing, and a misspelt
    // rule was accepted in silence.
    const text = [
      "# Policy",
      "",
      "<!-- policylint-disable-next-line -- approved by counsel, 2026-03 -->",
      "Hidden [YOUR COMPANY].",
      "",
      "<!-- policylint-disable-next-line no-placeholders -- the form is filled by the reader -->",
      "Hidden [*].",
      "",
      "<!-- policylint-disable-next-line no-placeholder -->",
      "Shown [YOUR COMPANY].",
      "",
    ].join("\n");
    const run = runCli(["check", "p.md", "--format", "json", "--rule", "last-updated:off"], {
      cwd: project({ "p.md": text }),
    });
    const [result] = JSON.parse(run.stdout) as {
      messages: { line: number; ruleId: string | null; message: string; severity: number }[];
    }[];
    expect(result.messages.map((m) => [m.line, m.ruleId, m.message])).toEqual([
      [9, null, 'Unknown rule "no-placeholder" in a policylint-disable-next-line comment'],
      [10, "no-placeholders", 'Unresolved placeholder "[YOUR COMPANY]"'],
    ]);
    expect(result.messages[0].severity).toBe(2);
    expect(run.code).toBe(1);
    // ESLint's suppressedMessages: what the comments kept back, each with its reason.
    const { suppressedMessages } = JSON.parse(run.stdout)[0] as {
      suppressedMessages: { line: number; suppressions: unknown }[];
    };
    expect(suppressedMessages.map((m) => [m.line, m.suppressions])).toEqual([
      [4, [{ kind: "directive", justification: "approved by counsel, 2026-03" }]],
      [7, [{ kind: "directive", justification: "the form is filled by the reader" }]],
    ]);
  });

  it("--report-unused-disable-directives reports a directive that kept nothing from being reported", () => {
    const text = [
      "# Policy",
      "",
      "<!-- policylint-disable-next-line no-placeholders -->",
      "Nothing to hide here.",
      "",
      "<!-- policylint-disable-next-line -->",
      "Hidden [YOUR COMPANY].",
      "",
    ].join("\n");
    const dir = project({ "p.md": text });
    const messages = (...flags: string[]) =>
      (
        JSON.parse(
          runCli(["check", "p.md", "--format", "json", "--rule", "last-updated:off", ...flags], { cwd: dir }).stdout,
        ) as { messages: { line: number; message: string; severity: number }[] }[]
      )[0].messages;
    expect(messages()).toEqual([]);
    const unused = [
      {
        line: 3,
        severity: 2,
        message: 'Unused policylint-disable-next-line directive (no problems were reported from "no-placeholders")',
      },
    ];
    expect(messages("--report-unused-disable-directives")).toMatchObject(unused);
    expect(messages("--report-unused-disable-directives-severity", "warn")).toMatchObject([
      { ...unused[0], severity: 1 },
    ]);
    expect(messages("--report-unused-disable-directives", "--cache")).toMatchObject(unused);
    expect(messages("--cache")).toEqual([]);
  });
});

describe("policylint check: configuration", () => {
  it("uses policylint:recommended when there is no configuration", () => {
    const run = runCli(["check", "dirty.md", "--format", "json"], { cwd: tempProject({ "dirty.md": DIRTY }) });
    expect(run.stdout).toContain("no-placeholders");
  });

  it("finds the config in package.json's policylint key and in .policylintrc.yaml", () => {
    const fromPackage = tempProject({
      "package.json": JSON.stringify({ name: "x", policylint: WARN_ONLY_CONFIG && JSON.parse(WARN_ONLY_CONFIG) }),
      "dirty.md": DIRTY,
    });
    expect(runCli(["check", "dirty.md"], { cwd: fromPackage }).stdout).toContain("warning");
    const fromYaml = tempProject({
      ".policylintrc.yaml": "rules:\n  no-placeholders: off\n  no-review-markers: off\n",
      "dirty.md": DIRTY,
    });
    expect(runCli(["check", "dirty.md"], { cwd: fromYaml }).code).toBe(0);
  });

  it("loads JS configs: .policylintrc.mjs, .policylintrc.cjs and policylint.config.js", () => {
    const off = { rules: { "no-placeholders": "off", "no-review-markers": "off" } };
    const configs: Record<string, string> = {
      ".policylintrc.mjs": `export default ${JSON.stringify(off)};\n`,
      ".policylintrc.cjs": `module.exports = ${JSON.stringify(off)};\n`,
      "policylint.config.js": `export default ${JSON.stringify(off)};\n`,
    };
    for (const [name, content] of Object.entries(configs)) {
      const dir = tempProject({
        "package.json": JSON.stringify({ name: "x", type: "module" }),
        [name]: content,
        "dirty.md": DIRTY,
      });
      const run = runCli(["check", "dirty.md"], { cwd: dir });
      expect([name, run.code, run.stderr]).toEqual([name, 0, ""]);
    }
    const broken = tempProject({ ".policylintrc.mjs": "export default {;\n", "dirty.md": DIRTY });
    const run = runCli(["check", "dirty.md"], { cwd: broken });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path.join(broken, ".policylintrc.mjs")}: cannot be loaded`);
  });

  it("--config overrides discovery", () => {
    const dir = tempProject({
      ".policylintrc.json": WARN_ONLY_CONFIG,
      "strict.json": JSON.stringify(QUIET_RULES),
      "dirty.md": DIRTY,
    });
    expect(runCli(["check", "dirty.md", "--config", "strict.json"], { cwd: dir }).code).toBe(1);
  });

  it("applies overrides by glob", () => {
    const config = { ...QUIET_RULES, overrides: [{ files: ["drafts/**"], rules: { "no-placeholders": "off" } }] };
    const dir = tempProject({ ".policylintrc.json": JSON.stringify(config), "drafts/a.md": DIRTY, "live/b.md": DIRTY });
    const run = runCli(["check", "drafts", "live", "--format", "json"], { cwd: dir });
    const results = JSON.parse(run.stdout) as { filePath: string; errorCount: number }[];
    expect(results.map((r) => [path.relative(dir, r.filePath), r.errorCount])).toEqual([
      ["drafts/a.md", 0],
      ["live/b.md", 1],
    ]);
  });

  const badConfigs: [string, string, string][] = [
    [".policylintrc.json", '{ "rules": { "no-placeholders": "error", } ', "cannot be parsed"],
    [
      ".policylintrc.json",
      JSON.stringify({ rules: { "no-such-rule": "error" } }),
      'rules.no-such-rule: unknown rule "no-such-rule"',
    ],
    [
      ".policylintrc.json",
      JSON.stringify({ rules: { "no-placeholders": "loud" } }),
      'rules.no-placeholders: invalid severity "loud"',
    ],
    [
      ".policylintrc.json",
      JSON.stringify({ rules: { "no-placeholders": ["error", { allow: "x" }] } }),
      "rules.no-placeholders.allow: expected an array of strings",
    ],
    [
      ".policylintrc.json",
      JSON.stringify({ rules: { "no-placeholders": ["error", { colour: 1 }] } }),
      'rules.no-placeholders.colour: unknown option for rule "no-placeholders"',
    ],
    [".policylintrc.json", JSON.stringify({ extends: "policylint:nope" }), 'extends: unknown preset "policylint:nope"'],
    [".policylintrc.json", JSON.stringify({ rulez: {} }), "rulez: unknown key"],
    [".policylintrc.yaml", "rules:\n  no-placeholders: [error\n", "cannot be parsed"],
  ];
  for (const [name, content, problem] of badConfigs) {
    it(`a bad config is one message naming the file and key, exit 2: ${problem}`, () => {
      const dir = tempProject({ [name]: content, "clean.md": CLEAN });
      const run = runCli(["check", "clean.md"], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      // A syntax error also names its line:column.
      expect(run.stderr.startsWith(`policylint: invalid configuration in ${path.join(dir, name)}`)).toBe(true);
      expect(run.stderr.slice(`policylint: invalid configuration in ${path.join(dir, name)}`.length)).toMatch(
        /^(?::\d+:\d+)?: /,
      );
      expect(run.stderr).toContain(problem);
    });
  }

  it("a YAML syntax error is one line: the file, line:column and the parser's reason", () => {
    const dir = tempProject({
      ".policylintrc.yaml": "rules:\n  no-placeholders: error\n   no-review-markers: [warn\n",
      "clean.md": CLEAN,
    });
    const run = runCli(["check", "clean.md"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `policylint: invalid configuration in ${path.join(dir, ".policylintrc.yaml")}:3:21: cannot be parsed: bad indentation of a mapping entry\n`,
    );
  });

  it("a missing --config file is a usage error", () => {
    const run = runCli(["check", "clean.md", "--config", "nope.json"], { cwd: tempProject({ "clean.md": CLEAN }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("nope.json: config file not found");
  });
});

describe("policylint check: the project's own quick start", () => {
  it("finds the seed's defects with the repository's .policylintrc.json", () => {
    const run = runCli(["check", "fixtures/seed/imagen-privacy-policy.md"], { cwd: ROOT });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Unresolved placeholder "[YOUR LEGAL ENTITY NAME]"');
    expect(run.stdout).toContain("[LAWYER]");
  });

  it("gives the same output with and without the compile cache", () => {
    const args = ["check", "fixtures/seed/imagen-privacy-policy.md", "--format", "json", "--today", "2026-11-25"];
    const plain = runCli(args, { env: { POLICYLINT_NO_COMPILE_CACHE: "1" } });
    expect(runCli(args).stdout).toBe(plain.stdout);
    expect(runCli(args).stdout).toBe(plain.stdout);
  });

  it("prints the package version", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(runCli(["--version"]).stdout.trim()).toBe(version);
  });

  it("lists every rule", () => {
    const run = runCli(["rules"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/no-placeholders\s+error\s+Template placeholders/);
    expect(run.stdout).toContain("no-review-markers");
    expect(run.stdout).toContain("policylint:recommended");
  });
});

describe("policylint check --print-config FILE", () => {
  it("prints the rules in force for the file (its overrides applied) and the document kind with its reason", () => {
    const dir = tempProject({
      ".policylintrc.json": JSON.stringify({
        extends: "policylint:recommended",
        overrides: [{ files: ["legal/terms*.md"], rules: { "last-updated": "off" } }],
      }),
      "legal/terms.md": "# Terms of Service\n\nBe nice.\n",
      "legal/privacy.md": "---\npolicylint:\n  kind: cookies\n---\n# Our notice\n\nWe use cookies.\n",
    });
    const config = (file: string) => {
      const run = runCli(["check", "--print-config", file], { cwd: dir });
      expect(run, run.stderr).toMatchObject({ code: 0, stderr: "" });
      return JSON.parse(run.stdout) as {
        configFile: string;
        kind: string;
        kindReason: string;
        ignored: boolean;
        rules: Record<string, unknown[]>;
      };
    };
    const terms = config("legal/terms.md");
    expect(terms).toMatchObject({
      kind: "terms",
      kindReason: 'title "Terms of Service"',
      ignored: false,
      configFile: path.join(dir, ".policylintrc.json"),
    });
    expect(terms.rules["last-updated"][0]).toBe("off");
    const privacy = config("legal/privacy.md");
    expect(privacy).toMatchObject({ kind: "cookies", kindReason: "front matter policylint.kind" });
    expect(privacy.rules["last-updated"][0]).toBe("warn");
    expect(runCli(["check"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "policylint: check needs the files to check (a file, a folder, a glob, or - for standard input)\n",
    });
  });
});

describe("what check leaves out: .policylintignore, --gitignore and a repository's own documents", () => {
  const placeholder = "# Privacy Policy\n\nProvided by [YOUR COMPANY].\n";
  const checked = (run: { stdout: string }) =>
    (JSON.parse(run.stdout) as { filePath: string }[])
      .map((r) => path.basename(path.dirname(r.filePath)) + "/" + path.basename(r.filePath))
      .sort();

  it("reads .policylintignore (gitignore syntax) or --ignore-path, and skips README-like files found in a folder", () => {
    const dir = project({
      "legal/privacy.md": placeholder,
      "legal/drafts/next.md": placeholder,
      "legal/drafts/keep.md": placeholder,
      "legal/README.md": "# How we keep these pages\n\n[TODO] write this.\n",
      "legal/CHANGELOG.md": "# Changes\n\nTBD\n",
      ".policylintignore": "# drafts are not published\ndrafts/\n!drafts/keep.md\n",
      "other.ignore": "privacy.md\n",
    });
    expect(checked(runCli(["check", "legal", "--format", "json"], { cwd: dir }))).toEqual(["legal/privacy.md"]);
    expect(
      checked(runCli(["check", "legal", "--format", "json", "--ignore-path", "other.ignore"], { cwd: dir })),
    ).toEqual(["drafts/keep.md", "drafts/next.md"]);
    // Named, a README is checked.
    expect(checked(runCli(["check", "legal/README.md", "--format", "json"], { cwd: dir }))).toEqual([
      "legal/README.md",
    ]);
    expect(runCli(["check", "legal", "--ignore-path", "missing.ignore"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "policylint: --ignore-path missing.ignore: no such file\n",
    });
  });

  it("--gitignore leaves out what git ignores, and is one clear line outside a repository", () => {
    const dir = project({
      "legal/privacy.md": placeholder,
      "build/privacy.md": placeholder,
      "legal/old.md": placeholder,
      ".gitignore": "build/\nold.md\n",
    });
    const outside = runCli(["check", ".", "--format", "json", "--gitignore"], { cwd: dir });
    expect(outside).toMatchObject({ code: 2, stdout: "" });
    expect(outside.stderr).toMatch(
      /^policylint: --gitignore: git cannot list what it ignores here: not a git repository[^\n]*\n$/,
    );
    gitIn(dir)("init", "-q");
    expect(checked(runCli(["check", ".", "--format", "json"], { cwd: dir }))).toEqual([
      "build/privacy.md",
      "legal/old.md",
      "legal/privacy.md",
    ]);
    expect(checked(runCli(["check", ".", "--format", "json", "--gitignore"], { cwd: dir }))).toEqual([
      "legal/privacy.md",
    ]);
  });
});

describe("a progress line on a terminal", () => {
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  it.skipIf(!hasScript)(
    "shows 'checked N of M files' on standard error when it is a terminal, erased before the report; never in a pipe",
    () => {
      const files = Object.fromEntries(
        Array.from({ length: 6 }, (_, k) => [`p${k}.md`, "# Privacy Policy\n\nHello.\n"]),
      );
      const dir = project(files);
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, "bin/policylint.js"))} check . -o out.json --format json`;
      // util-linux `script` runs the command in a pseudo-terminal, as a person's shell would.
      const tty = spawnSync("script", ["-qec", command, "/dev/null"], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, POLICYLINT_PROGRESS_AFTER_MS: "0" },
      });
      expect(tty.stdout).toContain("\rpolicylint: checked 6 of 6 files\x1b[K");
      expect(tty.stdout.endsWith("\r\x1b[K")).toBe(true);
      const piped = runCli(["check", ".", "--format", "json"], {
        cwd: dir,
        env: { POLICYLINT_PROGRESS_AFTER_MS: "0" },
      });
      expect(piped.stderr).toBe("");
    },
  );
});
