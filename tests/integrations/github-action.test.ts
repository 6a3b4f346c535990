import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { tempProject } from "../helpers/cli.js";
import { ROOT } from "../helpers/fixtures.js";
import { validateSarif } from "../helpers/sarif.js";

interface Step {
  id?: string;
  if?: string;
  name?: string;
  run?: string;
  env?: Record<string, string>;
  uses?: string;
  with?: Record<string, string>;
}
const action = parse(readFileSync(path.join(ROOT, "action.yml"), "utf8")) as {
  inputs: Record<string, { default: string }>;
  runs: { steps: Step[] };
};
const step = (id: string) => action.runs.steps.find((s) => s.id === id)!;

/** Runs one of the action's shell steps as the runner would: inputs substituted into its env, the action at GITHUB_ACTION_PATH. */
function runStep(id: string, inputs: Record<string, string>, cwd: string) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), GITHUB_ACTION_PATH: ROOT };
  for (const [name, expression] of Object.entries(step(id).env ?? {})) {
    const input = /\$\{\{ inputs\.([\w-]+) \}\}/.exec(expression)![1];
    env[name] = inputs[input] ?? action.inputs[input].default;
  }
  return spawnSync("bash", ["-e", "-c", step(id).run!], { cwd, env, encoding: "utf8" });
}

describe("action.yml (composite GitHub Action)", () => {
  const dir = tempProject({
    "legal/privacy.md": "# Privacy Policy\n\nThis policy is provided by [YOUR COMPANY].\n",
    ".policylintrc.json": JSON.stringify({ rules: { "no-placeholders": "error" } }),
  });

  it("writes a SARIF report that the official schema accepts, for the upload step to send", () => {
    const run = runStep("sarif", { paths: "legal" }, dir);
    expect(run.status, run.stderr).toBe(0);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))!;
    expect(upload.with!.sarif_file).toBe("${{ inputs.sarif-file }}");
    const log = JSON.parse(readFileSync(path.join(dir, action.inputs["sarif-file"].default), "utf8"));
    expect(validateSarif(log)).toEqual([]);
    expect(log.runs[0].results[0].message.text).toBe('Unresolved placeholder "[YOUR COMPANY]"');
  });

  it("annotates with workflow commands and fails the job on lint errors", () => {
    const run = runStep("check", { paths: "legal" }, dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("::error file=legal/privacy.md,line=3,col=28");
  });

  it("hands every glob and path to policylint as written: bash neither expands nor splits them", () => {
    // Before: `check $POLICYLINT_PATHS` let bash expand "legal/**/*.md" as legal/*/*.md (no globstar), so
    // legal/privacy.md, one level up, was silently not checked.
    const tree = tempProject({
      "legal/privacy.md": "# Privacy Policy\n\nThis policy is provided by [YOUR COMPANY].\n",
      "legal/eu/terms.md": "# Terms\n\nThese terms are offered by [YOUR COMPANY].\n",
      "legal/eu/cookies notice.md": "# Cookies\n\nSet by [YOUR COMPANY].\n",
      ".policylintrc.json": JSON.stringify({ rules: { "no-placeholders": "error" } }),
    });
    const files = (run: { stdout: string }) =>
      [...new Set([...run.stdout.matchAll(/::error file=([^,]+),/g)].map((m) => m[1]))].sort();
    expect(files(runStep("check", { paths: "legal/**/*.md" }, tree))).toEqual([
      "legal/eu/cookies notice.md",
      "legal/eu/terms.md",
      "legal/privacy.md",
    ]);
    expect(files(runStep("check", { paths: "legal/privacy.md\nlegal/eu/cookies notice.md\n" }, tree))).toEqual([
      "legal/eu/cookies notice.md",
      "legal/privacy.md",
    ]);
    expect(files(runStep("check", { paths: "legal/privacy.md legal/eu/terms.md" }, tree))).toEqual([
      "legal/eu/terms.md",
      "legal/privacy.md",
    ]);
  });

  it("uses the current upload-sarif major and a supported Node, and skips the upload on a fork's pull request", () => {
    const upload = action.runs.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))!;
    expect(upload.uses).toBe("github/codeql-action/upload-sarif@v4");
    expect(upload.if).toContain("!github.event.pull_request.head.repo.fork");
    const skip = action.runs.steps.find((s) => s.name?.startsWith("Skip the upload"))!;
    expect(skip.if).toContain("github.event.pull_request.head.repo.fork");
    expect(skip.run).toContain("::notice::");
    const node = action.runs.steps.find((s) => s.uses?.startsWith("actions/setup-node"))!;
    expect(Number((node.with as Record<string, unknown>)["node-version"])).toBeGreaterThanOrEqual(22);
  });
});
