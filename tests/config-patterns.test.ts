import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config/load.js";
import { superLinearReason } from "../src/config/regex-safety.js";
import { runCli, tempProject } from "./helpers/cli.js";

/**
 * The regular expressions a configuration writes (`no-placeholders.patterns`, `required-sections.require`, the `diff`
 * vocabularies) are compiled and vetted when it loads: one that does not compile, or that can backtrack
 * super-linearly, is one line naming the file and key, exit 2, before any file is read.
 */

// A line on which `(a+)+$` backtracks 2⁴¹ times: over a minute before the check existed.
const POLICY = `# Privacy Policy\n\n${"a".repeat(41)}!\n`;

function check(config: unknown, command: string[] = ["check", "policy.md"]) {
  const dir = tempProject({
    ".policylintrc.json": JSON.stringify(config),
    "policy.md": POLICY,
    "old.md": "# Privacy Policy\n\nHello.\n",
  });
  const started = Date.now();
  // A hang is a failure too: the run is stopped long before the test's own time limit.
  const run = runCli(command, { cwd: dir, timeout: 20_000 });
  return { ...run, seconds: (Date.now() - started) / 1000, file: path.join(dir, ".policylintrc.json") };
}

function expectConfigError(run: ReturnType<typeof check>, key: string, problem: string | RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`policylint: invalid configuration in ${run.file}: ${key}: `)).toBe(true);
  if (typeof problem === "string") expect(lines[0]).toContain(problem);
  else expect(lines[0]).toMatch(problem);
}

describe("patterns in a configuration are vetted when it loads", () => {
  it("a pattern that backtracks exponentially is a configuration error naming the key, at once", () => {
    const run = check({ rules: { "no-placeholders": ["error", { patterns: ["\\bTBD\\b", "(a+)+$"] }] } });
    expectConfigError(
      run,
      "rules.no-placeholders.patterns[1]",
      '"(a+)+$" can take super-linear time: "a+" inside "(a+)+"',
    );
    expect(run.seconds).toBeLessThan(10);
  });

  it("an invalid pattern is a configuration error naming the key, not a failure of every file", () => {
    expectConfigError(
      check({ rules: { "no-placeholders": ["error", { patterns: ["("] }] } }),
      "rules.no-placeholders.patterns[0]",
      "Invalid regular expression: /(/g: Unterminated group",
    );
  });

  it("in overrides, the key says which override", () => {
    const config = {
      overrides: [{ files: "*.md", rules: { "no-placeholders": ["error", { patterns: ["\\d+ days"] }] } }],
    };
    expectConfigError(
      check(config),
      "overrides[0].rules.no-placeholders.patterns[0]",
      /"\\d\+ days" can take super-linear time: .*quadratic time/,
    );
  });

  it("required-sections: a disclosure's patterns, an unknown fragment and a malformed disclosure", () => {
    const require = (d: Record<string, unknown>) => ({
      rules: {
        "required-sections": ["error", { require: [{ id: "ok", name: "ok", body: ["\\bdo not track\\b"] }, d] }],
      },
    });
    expectConfigError(
      check(require({ id: "x", name: "x", headings: ["(\\w|\\d)+@"] })),
      "rules.required-sections.require[1].headings[0]",
      "can match the same text (exponential backtracking)",
    );
    expectConfigError(
      check(require({ id: "x", name: "x", body: ["(?-i){NOPE}"] })),
      "rules.required-sections.require[1].body[0]",
      "unknown fragment {NOPE}",
    );
    expectConfigError(
      check(require({ id: "x", name: "x", requiredWhen: ["[a-"], body: ["ok"] })),
      "rules.required-sections.require[1].requiredWhen[0]",
      "Invalid regular expression",
    );
    expectConfigError(
      check(require({ id: "x", body: ["ok"] })),
      "rules.required-sections.require[1]",
      'disclosure "x" needs a name',
    );
  });

  it("diff vocabularies: a phrase whose wildcards can split a run, for check and for diff alike", () => {
    const config = { diff: { recipients: ["Acme*", "a**b* *c"] } };
    expectConfigError(check(config), "diff.recipients[1]", '"a**b* *c" can take super-linear time');
    expectConfigError(
      check(config, ["diff", "old.md", "policy.md"]),
      "diff.recipients[1]",
      '"a**b* *c" can take super-linear time',
    );
    expectConfigError(
      check({ diff: { sections: { contact: ["* *"] } } }),
      "diff.sections.contact[0]",
      '"* *" can take super-linear time',
    );
  });

  it("accepts the patterns the documentation shows, and runs them", () => {
    const config = {
      rules: {
        "no-placeholders": ["error", { patterns: ["\\bACME_[A-Z]+\\b", "\\[insert [^\\]]*\\]"] }],
        "required-sections": [
          "error",
          { require: [{ id: "dnt", name: "Do Not Track", body: ["\\bdo not track\\b", "(?-i){ENTITY}"] }] },
        ],
      },
      diff: { recipients: ["Acme*", "third-party service*"], sections: { contact: ["reach us"] } },
    };
    const run = check(config);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Do Not Track");
  });
});

describe("the analysis", () => {
  it("finds the classic shapes: nested and adjacent repetition, overlapping alternatives, a match retried at every character", () => {
    expect(superLinearReason(/^(a+)+$/)).toMatch(/exponential/);
    expect(superLinearReason(/^(\w|\d)*$/)).toMatch(/exponential/);
    expect(superLinearReason(/^\s*,?\s*x/)).toMatch(/polynomial/);
    expect(superLinearReason(/\s+$/)).toMatch(/quadratic/);
  });

  it("passes linear patterns, the anchored forms of those above among them", () => {
    for (const safe of [
      /\bdo not track\b/i,
      /^\s*(?:,\s*)?x/,
      /(?<!\s)\s+$/,
      /\[[A-Z ]+\]/,
      /(?:[A-Z0-9][\w&.-]{0,80},?\s){1,5}Inc\b/,
    ]) {
      expect(superLinearReason(safe)).toBeNull();
    }
  });

  it("the library API refuses the same configuration with a ConfigError", () => {
    expect(() =>
      resolveConfig({ rules: { "no-placeholders": ["error", { patterns: ["(x+x+)+y"] }] } }, "cfg.json", "/"),
    ).toThrow(
      /^cfg\.json: rules\.no-placeholders\.patterns\[0\]: "\(x\+x\+\)\+y" can take super-linear time: .*exponential/,
    );
  });
});
