import path from "node:path";
import { isIgnored, settingsFor, type ResolvedConfig, type RuleSettings } from "../config/load.js";
import { expandPaths, readPolicyFile, STDIN, type FileProblem } from "../cli/files.js";
import { lintText, toResult } from "./lint.js";
import type { LintMessage, LintResult, Severity } from "./types.js";

export interface CheckOptions {
  cwd: string;
  config: ResolvedConfig;
  today: string;
  /** `--rule id:severity` from the command line, applied over the configuration for every file. */
  ruleSeverities?: Map<string, Severity>;
  stdin?: { text: string; filePath: string };
}

export interface CheckOutcome {
  results: LintResult[];
  /** Files that could not be checked at all; each also appears in results as a fatal message. */
  problems: FileProblem[];
}

/** Checks every file the patterns name. A file that cannot be read is reported and the others are still checked. */
export async function checkPaths(patterns: string[], options: CheckOptions): Promise<CheckOutcome> {
  const { cwd, config } = options;
  const expanded = await expandPaths(patterns, cwd, (file) => isIgnored(config, path.resolve(cwd, file)));
  const problems = [...expanded.problems];
  const results: LintResult[] = [];
  for (const file of expanded.files) {
    const displayPath = file === STDIN ? (options.stdin?.filePath ?? "<stdin>") : file;
    const read = file === STDIN ? { text: options.stdin?.text ?? "" } : await readPolicyFile(file, cwd);
    if ("problem" in read) {
      problems.push({ filePath: file, problem: read.problem });
      continue;
    }
    const rules = withSeverities(settingsFor(config, path.resolve(cwd, displayPath)), options.ruleSeverities);
    try {
      results.push(lintText(read.text, displayPath, { rules, today: options.today }));
    } catch (error) {
      // A bug of ours on one document must not hide the findings on the others.
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({ filePath: displayPath, problem: `internal error while checking: ${reason}` });
    }
  }
  for (const problem of problems) results.push(toResult(problem.filePath, [fatalMessage(problem.problem)]));
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return { results, problems };
}

function fatalMessage(problem: string): LintMessage {
  return { ruleId: null, severity: 2, message: problem, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
}

function withSeverities(settings: RuleSettings, severities?: Map<string, Severity>): RuleSettings {
  if (!severities?.size) return settings;
  const copy: RuleSettings = new Map(settings);
  for (const [id, severity] of severities) copy.set(id, { ...copy.get(id)!, severity });
  return copy;
}
