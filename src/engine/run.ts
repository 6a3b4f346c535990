import path from "node:path";
import { isIgnored, type ResolvedConfig } from "../config/load.js";
import { expandPaths, readPolicyFile, STDIN, type FileProblem } from "./files.js";
import type { ResultCache } from "./cache.js";
import { comparePaths, toResult } from "./lint.js";
import {
  fileSettings,
  lintInParallel,
  lintTask,
  lintThreads,
  type Concurrency,
  type FixMode,
  type WorkerTask,
} from "./pool.js";
import type { Baseline, LintMessage, LintResult, Severity } from "./types.js";

export interface CheckOptions {
  cwd: string;
  config: ResolvedConfig;
  today: string;
  /** `--rule id:severity` from the command line, applied over the configuration for every file. */
  ruleSeverities?: Map<string, Severity>;
  /** `--report-unused-disable-directives`: how a directive that kept nothing from being reported is reported. */
  unusedDirectives?: Severity;
  /** Standard input's text, or why it is not text; filePath is the name it is reported under. */
  stdin?: ({ text: string } | { problem: string }) & { filePath: string };
  cache?: ResultCache;
  /** Files to leave out besides the configuration's `ignores` (the CLI's ignore files), by their path as found. */
  isIgnored?: (file: string) => boolean;
  /** Told after each file is done (read, linted or found in the cache), with the number of files found in all. */
  onProgress?: (done: number, total: number) => void;
  /** Threads that lint (default 1: this one). More need the built `dist/`, which has the worker. */
  concurrency?: Concurrency;
  /** `--fix`/`--fix-dry-run`: apply the rules' fixes; each result whose text they changed carries it as `output`. */
  fix?: FixMode;
  /**
   * `--against REV`: the file's version at REV, read once it is read (undefined for a file new since REV). It may
   * throw a UsageError, which ends the run: a gate must not pass unread.
   */
  baselineFor?: (displayPath: string, text: string) => Promise<Baseline | undefined>;
}

export interface CheckOutcome {
  results: LintResult[];
  /** Files that could not be checked at all; each also appears in results as a fatal message. */
  problems: FileProblem[];
}

/**
 * Files are read and linted this much text at a time, so a run holds one batch of texts, not every file's: 100,000
 * small policies held 190 MB of text until the end. A batch is large enough that lint threads (started per batch)
 * cost nothing beside it, and a repository of policies is usually one batch.
 */
const BATCH_CHARACTERS = 32 * 1024 * 1024;

/** Checks every file the patterns name. A file that cannot be read is reported and the others are still checked. */
export async function checkPaths(patterns: string[], options: CheckOptions): Promise<CheckOutcome> {
  const { cwd, config, cache } = options;
  const ignored = (file: string) => isIgnored(config, path.resolve(cwd, file)) || (options.isIgnored?.(file) ?? false);
  const expanded = await expandPaths(patterns, cwd, ignored);
  const problems = [...expanded.problems];
  // Problems found while linting come after those found while reading, as when every file was read first.
  const lintProblems: FileProblem[] = [];
  const results: LintResult[] = [];
  let misses: (WorkerTask & { key?: string })[] = [];
  let missCharacters = 0;

  let done = 0;
  const tick = () => options.onProgress?.(++done, expanded.files.length);
  const lintHere = (task: WorkerTask) => {
    const reply = lintTask(task, options);
    tick();
    return reply;
  };
  const init = {
    cwd,
    configFile: config.file,
    ruleSeverities: [...(options.ruleSeverities ?? [])],
    today: options.today,
    unusedDirectives: options.unusedDirectives,
    fix: options.fix,
  };
  const lintMisses = async (): Promise<void> => {
    const threads = lintThreads(misses, options.concurrency ?? 1);
    const replies = threads > 1 ? await lintInParallel(misses, threads, init, lintHere, tick) : misses.map(lintHere);
    for (const reply of replies) {
      const task = misses[reply.index];
      if ("problem" in reply) {
        lintProblems.push({ filePath: task.displayPath, problem: reply.problem });
        continue;
      }
      const result = toResult(task.displayPath, reply.messages);
      results.push(reply.output === undefined ? result : { ...result, output: reply.output });
      if (task.key) cache!.set(path.resolve(cwd, task.displayPath), task.key, reply.messages);
    }
    misses = [];
    missCharacters = 0;
  };

  for (const file of expanded.files) {
    const displayPath = file === STDIN ? (options.stdin?.filePath ?? "<stdin>") : file;
    const read = file === STDIN ? (options.stdin ?? { text: "" }) : await readPolicyFile(file, cwd);
    if ("problem" in read) {
      problems.push({ filePath: displayPath, problem: read.problem });
      tick();
      continue;
    }
    const baseline = await options.baselineFor?.(displayPath, read.text);
    // A fixing run must lint to fix, so it neither reads nor writes the cache; the baseline decides results too.
    const keyed = baseline ? `${JSON.stringify(baseline)}\0${read.text}` : read.text;
    const key = options.fix ? undefined : cache?.key(keyed, fileSettings(displayPath, options));
    const cached = key ? cache!.get(path.resolve(cwd, displayPath), key) : undefined;
    if (cached) {
      results.push(toResult(displayPath, cached));
      tick();
      continue;
    }
    misses.push({ index: misses.length, text: read.text, displayPath, key, ...(baseline && { baseline }) });
    missCharacters += read.text.length;
    if (missCharacters >= BATCH_CHARACTERS) await lintMisses();
  }
  if (misses.length) await lintMisses();
  for (const problem of lintProblems) problems.push(problem);
  cache?.save();
  for (const problem of problems) results.push(toResult(problem.filePath, [fatalMessage(problem.problem)]));
  results.sort((a, b) => comparePaths(a.filePath, b.filePath));
  return { results, problems };
}

function fatalMessage(problem: string): LintMessage {
  return { ruleId: null, severity: 2, message: problem, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true };
}
