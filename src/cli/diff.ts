import { Option, type Command } from "commander";
import type { ClassifiedResult, DiffSettings } from "../classify/index.js";
import type { DiffResult } from "../diff/index.js";
import { useColor } from "./color.js";
import { checkOutputFile, writeOutput } from "./output.js";
import type { ExitState } from "./context.js";
import { InputLimitError } from "../parse/limits.js";
import { EXIT_FINDINGS, EXIT_USAGE, UsageError } from "./errors.js";
import { applyMaxFileSize, decodeText, DEFAULT_MAX_FILE_MB, readPolicyFile, readStdin, STDIN } from "./files.js";
import { blobAt, blobOf, resolveCommit } from "../git/git.js";
import { todayUtc } from "../engine/lint.js";
import { parseToday } from "./check.js";

const FORMATS = ["terminal", "markdown", "json", "html"] as const;
const LEVELS = ["material", "substantive", "any"] as const;
type Format = (typeof FORMATS)[number];
type Level = (typeof LEVELS)[number];

interface DiffFlags {
  format: Format;
  stat?: boolean;
  outputFile?: string;
  color?: boolean;
  failOn?: Level;
  requireDateBump?: boolean;
  against?: string;
  config?: string;
  maxFileSize?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  today?: string;
}

export function registerDiff(program: Command, exit: ExitState): void {
  program
    .command("diff")
    .summary("show what changed between two versions of a policy, and how much it matters")
    .description(
      "Show what changed in a policy as a reader sees it: sections added, removed, moved, " +
        "renamed or edited, list items and table rows that came and went, and the words that " +
        "changed inside a paragraph. Each change is classified as material (readers must be " +
        "told), substantive (a person should read it) or editorial, with its reasons.",
    )
    .argument(
      "[files...]",
      'OLD and NEW: files, "-" for standard input, or REV:path read from git; with --against, the files to compare',
    )
    .addOption(new Option("-f, --format <name>", "output format").choices(FORMATS).default("terminal"))
    .option("--stat", "print one line per changed section with its counts")
    .option("-o, --output-file <file>", "write the output to a file instead of standard output")
    .addOption(new Option("--fail-on <level>", "exit 1 when a change at or above this level exists").choices(LEVELS))
    .option(
      "--require-date-bump",
      "exit 1 when changes of meaning come without a new stated date (with --fail-on: changes at that level)",
    )
    .option("--against <rev>", "compare each file with its version at this git revision (e.g. HEAD)")
    .option("--fix", "with --against: where the meaning changed and the stated date did not move, set it to --today")
    .option("--fix-dry-run", "say which stated dates --fix would move, and to what, without writing")
    .option("--today <YYYY-MM-DD>", "the date --fix writes (default: today, UTC)")
    .option("-c, --config <file>", "use this configuration file, no search")
    .option("--max-file-size <MB>", `refuse files larger than this many megabytes (default: ${DEFAULT_MAX_FILE_MB})`)
    .option("--color", "force coloured output")
    .option("--no-color", "never colour the output (NO_COLOR is honoured too)")
    .addHelpText(
      "after",
      `
Examples:
  $ policylint diff privacy-2025.md privacy.md
  $ policylint diff v1.2:privacy.md privacy.md               since a release tag
  $ policylint diff HEAD~1:legal/privacy.md legal/privacy.md  since the last commit
  $ policylint diff old.md new.md --format markdown -o CHANGES.md
  $ policylint diff old.md new.md --format html -o redline.html   a redline to open in a browser or print
  $ policylint diff old.md new.md --format json | jq '.changes[] | select(.significance == "material")'
  $ policylint diff main:privacy.md privacy.md --fail-on material       CI: material changes need a sign-off
  $ policylint diff --against HEAD --fail-on material --require-date-bump legal/*.md   pre-commit

REV:path is read with git from the current repository, the path relative to its top, as \`git show\` reads it.
With --against, each file is compared with REV:./file; a file that does not exist at REV is new and skipped,
and a failure of git itself (no repository, dubious ownership, unknown revision) is exit 2.
Exit codes: 0 passed, 1 a --fail-on or --require-date-bump gate failed, 2 a missing file, bad revision,
bad configuration or other usage error.`,
    )
    .action(async (files: string[], flags: DiffFlags) => {
      const cwd = process.cwd();
      checkOutputFile(cwd, flags.outputFile);
      applyMaxFileSize(flags.maxFileSize);
      if ((flags.fix || flags.fixDryRun) && !flags.against) {
        throw new UsageError("--fix and --fix-dry-run need --against REV: they move the dates of the files compared");
      }
      const today = flags.today === undefined ? todayUtc() : parseToday(flags.today);
      if (flags.format === "html" && flags.against) {
        throw new UsageError("--format html shows one pair: give OLD and NEW, not --against");
      }
      const pairs = flags.against ? await againstPairs(flags.against, files, cwd) : await explicitPair(files, cwd);
      const { loadConfig } = await import("../config/load.js");
      const settings = (await loadConfig({ cwd, configPath: flags.config })).diff as DiffSettings;
      // Loaded on use, so the bundle keeps the diff engine out of every other command's start-up.
      const { compare } = await import("../compare.js");
      const results: ClassifiedResult[] = [];
      let refused = false;
      for (const p of pairs.compared) {
        try {
          results.push(compare(p.before, p.after, p.oldLabel, p.newLabel, settings).result);
        } catch (error) {
          // Under --against, a file beyond a limit is one line and the other files are still compared.
          if (!flags.against || !(error instanceof InputLimitError)) throw error;
          process.stderr.write(`policylint: ${error.filePath}: ${error.message}\n`);
          refused = true;
        }
      }
      const color = !flags.outputFile && useColor(flags.color);
      const output = flags.against
        ? await renderAll(results, pairs.added, flags, color)
        : flags.format === "html" && !flags.stat
          ? await renderHtmlPage(results[0], pairs.compared[0])
          : await render(results[0], flags, color);
      await writeOutput(cwd, flags.outputFile, output);
      const fixed =
        flags.fix || flags.fixDryRun ? await fixDates(results, pairs.compared, flags, cwd, today) : new Set<string>();
      const failures = results.flatMap((r) => gate(r, flags, fixed.has(r.new.file)));
      for (const failure of failures) process.stderr.write(`policylint: ${failure}\n`);
      for (const problem of pairs.problems) process.stderr.write(`policylint: ${problem}\n`);
      if (pairs.problems.length || refused) exit.code = EXIT_USAGE;
      else if (failures.length) exit.code = EXIT_FINDINGS;
    });
}

const RANK: Record<Level, number> = { any: 0, substantive: 1, material: 2 };
const ORDER = { editorial: 0, substantive: 1, material: 2 } as const;

/**
 * The gates. --fail-on LEVEL: a change at or above LEVEL fails. --require-date-bump alone: `date-not-bumped` fails.
 * Both together: changes at or above LEVEL must come with a new stated date, which is the author's acknowledgement
 * (the pre-commit hook's rule: a material edit passes once the date is bumped).
 */
function gate(result: ClassifiedResult, flags: DiffFlags, dateMoved = false): string[] {
  const file = result.new.file;
  const hits = flags.failOn ? result.changes.filter((c) => ORDER[c.significance] >= RANK[flags.failOn!]) : [];
  const level = flags.failOn === "any" ? "" : `${flags.failOn} `;
  const bumped =
    dateMoved ||
    (Boolean(result.new.stated) &&
      (result.old.lastUpdated !== result.new.lastUpdated || result.old.stated?.text !== result.new.stated?.text));
  if (flags.failOn && flags.requireDateBump) {
    if (!hits.length || bumped) return [];
    const date = result.new.stated ? `its stated date (${result.new.stated.text}) was not bumped` : "it states no date";
    return [`${file}: ${hits.length} ${level}change${hits.length === 1 ? "" : "s"} and ${date} (--require-date-bump)`];
  }
  const failures: string[] = [];
  if (hits.length)
    failures.push(`${file}: ${hits.length} ${level}change${hits.length === 1 ? "" : "s"} (--fail-on ${flags.failOn})`);
  const notBumped = flags.requireDateBump && !dateMoved && result.problems.find((p) => p.code === "date-not-bumped");
  if (notBumped) failures.push(`${file}: ${notBumped.message} (--require-date-bump)`);
  return failures;
}

/** The date gate alone: changes that need a new date (at --fail-on's level, else material ones) and none came. */
function dateUnmoved(result: ClassifiedResult, flags: DiffFlags): boolean {
  if (flags.failOn && flags.requireDateBump) return gate(result, flags).length > 0;
  return result.problems.some((p) => p.code === "date-not-bumped");
}

/**
 * `--fix`: moves the stated date of each file the date gate fails to `today`, written whole (atomically); with
 * `--fix-dry-run` only says so. Returns the files whose date --fix moved, whose date gate then passes.
 */
async function fixDates(
  results: ClassifiedResult[],
  compared: Pair[],
  flags: DiffFlags,
  cwd: string,
  today: string,
): Promise<Set<string>> {
  const { moveStatedDate } = await import("./date-fix.js");
  const moved = new Set<string>();
  for (const result of results) {
    const file = result.new.file;
    if (!dateUnmoved(result, flags)) continue;
    const pair = compared.find((p) => p.newLabel === file);
    const fix = pair ? moveStatedDate(pair.after, today) : { problem: "it states no date for --fix to move" };
    if ("problem" in fix) {
      process.stderr.write(`policylint: ${file}: cannot fix: ${fix.problem}\n`);
      continue;
    }
    if (flags.fixDryRun) {
      process.stderr.write(`policylint: ${file}: --fix would move the stated date from ${fix.was} to ${fix.date}\n`);
      continue;
    }
    await writeOutput(cwd, file, fix.text);
    process.stderr.write(`policylint: ${file}: stated date moved from ${fix.was} to ${fix.date} (--fix)\n`);
    moved.add(file);
  }
  return moved;
}

async function render(result: DiffResult, flags: DiffFlags, color: boolean): Promise<string> {
  const engine = await import("../diff/index.js");
  if (flags.stat) return engine.renderStat(result, { color });
  if (flags.format === "json") return engine.renderJson(result);
  if (flags.format === "markdown") return engine.renderMarkdown(result);
  return engine.renderTerminal(result, { color });
}

/** The redline needs both texts besides the result: it renders the new version with the changes in place. */
async function renderHtmlPage(result: DiffResult, pair: Pair): Promise<string> {
  return (await import("../diff/index.js")).renderHtml(result, { old: pair.before, new: pair.after });
}

async function renderAll(
  results: ClassifiedResult[],
  added: string[],
  flags: DiffFlags,
  color: boolean,
): Promise<string> {
  if (flags.format === "json" && !flags.stat) {
    const summary = { material: 0, substantive: 0, editorial: 0 };
    for (const r of results)
      for (const k of Object.keys(summary) as (keyof typeof summary)[]) summary[k] += r.summary[k];
    const material = results.some((r) => r.material);
    return `${JSON.stringify({ against: flags.against, material, summary, results, newFiles: added }, null, 2)}\n`;
  }
  const parts = await Promise.all(
    results.map(async (r) => (r.changes.length ? render(r, flags, color) : `${r.new.file}: no changes\n`)),
  );
  const notes = added.map((f) => `${f}: new since ${flags.against}, not compared\n`);
  // Empty only when every file was a problem, which is reported on stderr.
  return [...parts, ...notes].join("\n");
}

interface Pair {
  before: string;
  after: string;
  oldLabel: string;
  newLabel: string;
}

async function explicitPair(
  files: string[],
  cwd: string,
): Promise<{ compared: Pair[]; added: string[]; problems: string[] }> {
  if (files.length !== 2)
    throw new UsageError(
      `expected OLD and NEW (got ${files.length} argument${files.length === 1 ? "" : "s"}), ` +
        "or --against REV with files",
    );
  const [oldSpec, newSpec] = files;
  if (oldSpec === STDIN && newSpec === STDIN)
    throw new UsageError('only one version can be read from standard input ("-")');
  const [before, after] = [await readVersion(oldSpec, cwd), await readVersion(newSpec, cwd)];
  return { compared: [{ before, after, oldLabel: oldSpec, newLabel: newSpec }], added: [], problems: [] };
}

/**
 * Each file against its version at REV. Only a path the revision does not hold is new (and so is every file before a
 * first commit); when git itself fails (no repository, one it refuses to read, a revision it does not know) the run
 * stops with git's reason, since passing a gate unread would be worse. A file of its own that cannot be read is named
 * and the others are still compared.
 */
async function againstPairs(
  rev: string,
  files: string[],
  cwd: string,
): Promise<{ compared: Pair[]; added: string[]; problems: string[] }> {
  if (!files.length) throw new UsageError("--against needs the files to compare");
  if (files.includes(STDIN))
    throw new UsageError('--against compares files; standard input ("-") has no version at a revision');
  const commit = await resolveCommit(rev, cwd, files[0]);
  const compared: Pair[] = [];
  const added: string[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      const after = await readVersion(file, cwd);
      const blob = commit === null ? null : await blobAt(commit, rev, file, cwd);
      if (blob === null) added.push(file);
      else
        compared.push({ before: decoded(blob, `${rev}:${file}`), after, oldLabel: `${rev}:${file}`, newLabel: file });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push(error.message);
    }
  }
  return { compared, added, problems };
}

// REV:path, but not a Windows drive ("C:\…") and not a path that merely contains a colon.
const REVISION = /^([^:]+):(.*)$/;

/** One version's text: a file, standard input, or a blob at a git revision. Shared with `policylint notice`. */
export async function readVersion(spec: string, cwd: string): Promise<string> {
  if (spec === STDIN) return decoded(await readStdin(), "standard input");
  const file = await readPolicyFile(spec, cwd);
  if ("text" in file) return file.text;
  const revision = REVISION.exec(spec);
  if (!revision || /^[a-z]:[\\/]/i.test(spec) || file.problem !== "no such file or directory") {
    throw new UsageError(`${spec}: ${file.problem}`);
  }
  if (!revision[2])
    throw new UsageError(`${spec}: no path after the revision (write REV:path, e.g. HEAD~1:privacy.md)`);
  return decoded(await blobOf(spec, revision[1], cwd), spec);
}

function decoded(buffer: Buffer, label: string): string {
  const text = decodeText(buffer);
  if ("problem" in text) throw new UsageError(`${label}: ${text.problem}`);
  return text.text;
}
