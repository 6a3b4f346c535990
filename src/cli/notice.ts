import { Option, type Command } from "commander";
import type { DiffSettings } from "../classify/index.js";
import { DATE_PLACEHOLDER } from "../classify/notice.js";
import { readVersion } from "./diff.js";
import { longDate, parseIsoDate } from "../parse/dates.js";
import { UsageError } from "./errors.js";
import { checkOutputFile, writeOutput } from "./output.js";
import { applyMaxFileSize, DEFAULT_MAX_FILE_MB, STDIN } from "./files.js";

const FORMATS = ["markdown", "text", "html"] as const;

interface NoticeFlags {
  effective?: string;
  url?: string;
  format: (typeof FORMATS)[number];
  outputFile?: string;
  config?: string;
  maxFileSize?: string;
}

export function registerNotice(program: Command): void {
  program
    .command("notice")
    .summary("draft the notice of material changes between two versions of a policy")
    .description(
      "Draft the e-mail or in-app notice a policy promises its readers before material changes take effect: each " +
        "material change in plain words, grouped by section, the effective date and a link to the full policy. " +
        "When there is no material change it says so (exit 0).",
    )
    .argument("<old>", 'the earlier version: a file, "-" for standard input, or REV:path read from git')
    .argument("<new>", "the later version, in the same forms")
    .option(
      "--effective <date>",
      "the date the new version takes effect (YYYY-MM-DD or as written); default: the new version's stated date",
    )
    .option(
      "--url <url>",
      "the address of the full policy; without it the notice holds a placeholder the author must fill",
    )
    .addOption(new Option("-f, --format <name>", "output format").choices(FORMATS).default("markdown"))
    .option("-o, --output-file <file>", "write the notice to a file instead of standard output")
    .option("-c, --config <file>", "use this configuration file, no search")
    .option("--max-file-size <MB>", `refuse files larger than this many megabytes (default: ${DEFAULT_MAX_FILE_MB})`)
    .addHelpText(
      "after",
      `
Examples:
  $ policylint notice v1.2:privacy.md privacy.md --url https://example.com/privacy
  $ policylint notice old.md new.md --effective 2026-06-01 --format html -o notice.html

Without --effective and with no stated date in NEW, the notice says ${DATE_PLACEHOLDER} and a warning is printed.
Exit codes: 0 a notice (or "no material changes") was written, 2 a missing file, bad date or other usage error.`,
    )
    .action(async (oldSpec: string, newSpec: string, flags: NoticeFlags) => {
      if (oldSpec === STDIN && newSpec === STDIN)
        throw new UsageError('only one version can be read from standard input ("-")');
      const cwd = process.cwd();
      applyMaxFileSize(flags.maxFileSize);
      const explicit = flags.effective === undefined ? null : effectiveDate(flags.effective);
      checkOutputFile(cwd, flags.outputFile);
      const [before, after] = [await readVersion(oldSpec, cwd), await readVersion(newSpec, cwd)];
      const { loadConfig } = await import("../config/load.js");
      const settings = (await loadConfig({ cwd, configPath: flags.config })).diff as DiffSettings;
      const { compare, notice } = await import("../compare.js");
      const compared = compare(before, after, oldSpec, newSpec, settings);
      const { result } = compared;
      const stated = result.new.stated?.text ?? null;
      if (result.material && !explicit) {
        if (!stated)
          process.stderr.write(
            `policylint: warning: ${newSpec} states no effective date and --effective was not given; ` +
              `the notice says ${DATE_PLACEHOLDER}\n`,
          );
        else if (result.problems.some((p) => p.code === "date-not-bumped")) {
          process.stderr.write(
            `policylint: warning: ${newSpec} still states ${stated}, the date of the previous version; ` +
              "pass --effective or bump the date\n",
          );
        }
      }
      const output = notice(compared, { effective: explicit ?? undefined, url: flags.url, format: flags.format });
      await writeOutput(cwd, flags.outputFile, output);
    });
}

/** YYYY-MM-DD becomes "June 1, 2026" (and must be a real date); anything else is used as written. */
function effectiveDate(value: string): string {
  const text = value.trim();
  if (!text) throw new UsageError("--effective: expected a date, got an empty string");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const date = parseIsoDate(text);
  if (!date) throw new UsageError(`--effective: ${value} is not a real date`);
  return longDate(date);
}
