import path from "node:path";
import { Option, type Command } from "commander";
import { allRules, ruleById } from "../../rules/index.js";
import { loadConfig } from "../config/load.js";
import { normalizeSeverity } from "../config/schema.js";
import { todayUtc } from "../engine/lint.js";
import { parseIsoDate } from "../parse/dates.js";
import { checkPaths } from "../engine/run.js";
import type { Concurrency } from "../engine/pool.js";
import { ResultCache } from "../engine/cache.js";
import type { LintResult, Severity } from "../engine/types.js";
import type { DiffSettings } from "../classify/index.js";
import { formatters } from "../format/index.js";
import { applyMaxFileSize, decodeText, DEFAULT_MAX_FILE_MB, readStdin, STDIN } from "./files.js";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "./errors.js";
import { VERSION, type ExitState } from "./context.js";
import { useColor } from "./color.js";
import { checkOutputFile, writeOutput } from "./output.js";

interface CheckFlags {
  format: string;
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  rule: string[];
  today?: string;
  config?: string;
  stdinFilename?: string;
  color?: boolean;
  cache?: boolean;
  cacheLocation: string;
  concurrency: string;
  maxFileSize?: string;
  reportUnusedDisableDirectives?: boolean;
  printConfig?: string;
  ignorePath?: string;
  gitignore?: boolean;
  reportUnusedDisableDirectivesSeverity?: Severity;
  fix?: boolean;
  fixDryRun?: boolean;
  against?: string;
}

export function registerCheck(program: Command, exit: ExitState): void {
  program
    .command("check")
    .summary("lint policies")
    .description("Lint policy files: placeholders, reviewer notes, required disclosures, dates, structure.")
    .argument("[paths...]", 'files, directories (their *.md files) or globs; "-" reads standard input')
    .addOption(new Option("-f, --format <name>", "output format").choices(Object.keys(formatters)).default("stylish"))
    .option("-o, --output-file <file>", "write the report to a file instead of standard output")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this (-1: no limit)", "-1")
    .option("-q, --quiet", "report errors only")
    .addOption(
      new Option(
        "-r, --rule <id:severity>",
        'set a rule\'s severity for this run, e.g. "no-placeholders:warn" (repeatable)',
      )
        .argParser(collect)
        .default([], "none"),
    )
    .option("--today <YYYY-MM-DD>", "the date that date rules compare against and --fix writes (default: today, UTC)")
    .option("--fix", "apply the rules' safe fixes to the files, then report what remains")
    .option("--fix-dry-run", "apply the fixes without writing: --format json gives each fixed text as `output`")
    .option(
      "--against <rev>",
      "compare each file with its version at this git revision (e.g. HEAD): changes of meaning need a new date",
    )
    .option("-c, --config <file>", "use this configuration file instead of searching for one")
    .option("--stdin-filename <name>", "the file name to report for standard input")
    .option("--cache", "only re-check files whose content (or configuration, rule data or policylint) changed")
    .option("--cache-location <file>", "where --cache keeps its results", ".policylintcache")
    .option("--max-file-size <MB>", `refuse files larger than this many megabytes (default: ${DEFAULT_MAX_FILE_MB})`)
    .option(
      "--concurrency <n>",
      "threads that lint: a number (at most one per core: more only contend), " +
        '"auto" (one per core, less one left to the garbage collector) or "off"',
      "auto",
    )
    .option(
      "--ignore-path <file>",
      "leave out the files this gitignore-syntax file names (default: .policylintignore, when present)",
    )
    .option("--gitignore", "also leave out whatever git ignores here")
    .option(
      "--print-config <file>",
      "print the configuration and document kind in force for this file, as JSON, and exit",
    )
    .option(
      "--report-unused-disable-directives",
      "report policylint-disable comments that kept nothing from being reported, as errors",
    )
    .addOption(
      new Option("--report-unused-disable-directives-severity <level>", "the same, at this severity").choices([
        "off",
        "warn",
        "error",
      ]),
    )
    .option("--color", "force coloured output")
    .option("--no-color", "never colour the output (NO_COLOR is honoured too)")
    .addHelpText(
      "after",
      `
Examples:
  $ policylint check privacy.md terms.md
  $ policylint check legal/ --format github
  $ policylint check "policies/**/*.md" --format sarif -o policylint.sarif
  $ cat draft.md | policylint check - --stdin-filename draft.md
  $ policylint check privacy.md --rule last-updated:off --today 2026-05-01
  $ policylint check legal/ --cache                   only files changed since the last run
  $ policylint check --print-config legal/terms.md    the rules and document kind in force for one file
  $ policylint check --against HEAD --fix legal/*.md  pre-commit: a change of meaning moves the stated date to today
  $ cat draft.md | policylint check - --fix-dry-run --format json   the fixed text, as "output"

Exit codes: 0 no errors (and warnings within --max-warnings), 1 lint errors or too many warnings,
2 usage, configuration or input error (a missing, unreadable, binary or non-UTF-8 file; the others are still checked).`,
    )
    .action(async (paths: string[], flags: CheckFlags) => {
      exit.code = await runCheck(paths, flags);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function runCheck(paths: string[], flags: CheckFlags): Promise<number> {
  const cwd = process.cwd();
  if (flags.printConfig !== undefined) {
    const { printConfig } = await import("./print-config.js");
    const text = await printConfig(flags.printConfig, await loadConfig({ cwd, configPath: flags.config }), cwd);
    await writeOutput(cwd, flags.outputFile, text);
    return EXIT_OK;
  }
  if (!paths.length)
    throw new UsageError("check needs the files to check (a file, a folder, a glob, or - for standard input)");
  if (flags.fix && flags.fixDryRun) throw new UsageError("--fix and --fix-dry-run cannot be used together");
  // As ESLint: standard input has no file to write the fixes to; --fix-dry-run gives them as JSON's `output`.
  if (flags.fix && paths.includes(STDIN))
    throw new UsageError('--fix cannot write standard input ("-"): use --fix-dry-run, with --format json for the text');
  const today = flags.today === undefined ? todayUtc() : parseToday(flags.today);
  const maxWarnings = parseCount(flags.maxWarnings ?? "-1");
  const concurrency = parseConcurrency(flags.concurrency);
  applyMaxFileSize(flags.maxFileSize);
  const ruleSeverities = parseRuleFlags(flags.rule);
  checkOutputFile(cwd, flags.outputFile);
  const config = await loadConfig({ cwd, configPath: flags.config });
  // Binary or non-UTF-8 input on stdin is a problem for that input alone, as for a file: the others are still checked.
  const stdin = paths.includes(STDIN)
    ? { ...decodeText(await readStdin()), filePath: flags.stdinFilename ?? "<stdin>" }
    : undefined;
  const warnCache = (message: string) =>
    process.stderr.write(`policylint: warning: cache ${flags.cacheLocation}: ${message}\n`);
  // ESLint's pair of flags: the bare one reports as errors, the other names the severity.
  const unusedDirectives =
    flags.reportUnusedDisableDirectivesSeverity ?? (flags.reportUnusedDisableDirectives ? "error" : "off");
  const run = `${today}|unused-directives:${unusedDirectives}`;
  const cache = flags.cache
    ? new ResultCache(path.resolve(cwd, flags.cacheLocation), VERSION, run, warnCache)
    : undefined;
  const { extraIgnores } = await import("./ignore.js");
  const isIgnored = await extraIgnores({ cwd, named: paths, ignorePath: flags.ignorePath, gitignore: flags.gitignore });
  const baselineFor = flags.against
    ? await (await import("./check-fix.js")).baselinesAt(flags.against, paths, cwd, config.diff as DiffSettings)
    : undefined;
  const progress = progressLine();
  const options = {
    cwd,
    config,
    today,
    ruleSeverities,
    stdin,
    cache,
    concurrency,
    unusedDirectives,
    isIgnored,
    onProgress: progress?.update,
    baselineFor,
    // With --quiet only the fixes of errors are applied, as ESLint does.
    fix: flags.fix || flags.fixDryRun ? (flags.quiet ? "errors" : "all") : undefined,
  } as const;
  const { results, problems } = await checkPaths(paths, options);
  progress?.clear();
  for (const problem of problems) process.stderr.write(`policylint: ${problem.filePath}: ${problem.problem}\n`);
  const unwritten = flags.fix ? await (await import("./check-fix.js")).writeFixes(results, cwd) : [];
  for (const problem of unwritten) process.stderr.write(`policylint: ${problem}\n`);

  const shown = flags.quiet ? results.map(errorsOnly) : results;
  const output = formatters[flags.format](shown, {
    cwd,
    rules: allRules.map((r) => r.meta),
    color: !flags.outputFile && useColor(flags.color),
    version: VERSION,
  });
  await writeOutput(cwd, flags.outputFile, output);

  if (problems.length || unwritten.length) return EXIT_USAGE;
  const errors = shown.reduce((n, r) => n + r.errorCount, 0);
  const warnings = shown.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    process.stderr.write(`policylint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function errorsOnly(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  return { ...result, messages, warningCount: 0 };
}

export function parseToday(value: string): string {
  if (!parseIsoDate(value)) {
    throw new UsageError(`--today: "${value}" is not a valid date (use YYYY-MM-DD, e.g. 2026-04-29)`);
  }
  return value;
}

function parseCount(value: string): number {
  // -1 means no limit, as in ESLint.
  if (!/^(?:\d+|-1)$/.test(value))
    throw new UsageError(`--max-warnings: "${value}" is not a whole number (or -1 for no limit)`);
  return Number(value);
}

function parseConcurrency(value: string): Concurrency {
  if (value === "auto") return "auto";
  if (value === "off") return 1;
  if (!/^[1-9]\d{0,3}$/.test(value))
    throw new UsageError(`--concurrency: "${value}" is not a number of threads, "auto" or "off"`);
  return Number(value);
}

function parseRuleFlags(values: string[]): Map<string, Severity> {
  const severities = new Map<string, Severity>();
  for (const value of values) {
    const at = value.lastIndexOf(":");
    const id = at > 0 ? value.slice(0, at) : value;
    const severity = at > 0 ? normalizeSeverity(value.slice(at + 1)) : null;
    if (!ruleById(id)) throw new UsageError(`--rule: unknown rule "${id}" (run \`policylint rules\` for the list)`);
    if (!severity) throw new UsageError(`--rule: "${value}" needs a severity: ${id}:off, ${id}:warn or ${id}:error`);
    severities.set(id, severity);
  }
  return severities;
}

/**
 * "checked 120 of 480 files" on standard error, when it is a terminal and the run has taken more than a second (as
 * ESLint-like tools and git do), rewritten in place at most ten times a second and erased before the report. Never
 * in a pipe or a log. POLICYLINT_PROGRESS_AFTER_MS moves the second, for tests.
 */
function progressLine(): { update: (done: number, total: number) => void; clear: () => void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  const after = Number(process.env.POLICYLINT_PROGRESS_AFTER_MS ?? 1000);
  const started = performance.now();
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      const now = performance.now();
      if (now - started < after || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      process.stderr.write(`\rpolicylint: checked ${done} of ${total} file${total === 1 ? "" : "s"}\x1b[K`);
    },
    clear() {
      if (shown) process.stderr.write("\r\x1b[K");
    },
  };
}
