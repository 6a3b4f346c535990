import { Option, type Command } from "commander";
import type { DiffSettings } from "../classify/index.js";
import type { History, Version } from "../git/history.js";
import { checkOutputFile, writeOutput } from "./output.js";

const FORMATS = ["terminal", "markdown", "json"] as const;

interface LogFlags {
  since?: string;
  material?: boolean;
  format: (typeof FORMATS)[number];
  outputFile?: string;
  config?: string;
}

export function registerLog(program: Command): void {
  program
    .command("log")
    .summary("list every version of a policy in git, what each changed, and the promises the history broke")
    .description(
      "Walk the git history of one policy (renames followed): for every version, the commit, its date, the stated " +
        "date, how many material, substantive and editorial changes it made to the version before (as " +
        "`policylint diff` counts them) and its material changes in one line each. Flags a material change whose " +
        "stated date did not move, a stated date that went backwards, and a stated date that moved with no change " +
        "of meaning.",
    )
    .argument("<file>", "the policy, a file git tracks")
    .option("--since <rev|date>", "only versions after this revision, or from this date (YYYY-MM-DD) on")
    .option("--material", "only versions with material changes")
    .addOption(new Option("-f, --format <name>", "output format").choices(FORMATS).default("terminal"))
    .option("-o, --output-file <file>", "write the output to a file instead of standard output")
    .option("-c, --config <file>", "use this configuration file, no search")
    .addHelpText(
      "after",
      `
Examples:
  $ policylint log legal/privacy.md
  $ policylint log privacy.md --since v1.2 --material
  $ policylint log privacy.md --format markdown -o docs/privacy-history.md   a "Revision history" page

Exit codes: 0 the history was listed (broken promises are reported, not failed), 2 outside a git repository,
a file git does not track, a bad revision or date, or another usage error.`,
    )
    .action(async (file: string, flags: LogFlags) => {
      const cwd = process.cwd();
      checkOutputFile(cwd, flags.outputFile);
      const { loadConfig } = await import("../config/load.js");
      const settings = (await loadConfig({ cwd, configPath: flags.config })).diff as DiffSettings;
      const { history } = await import("../git/history.js");
      const found = await history(file, { cwd, since: flags.since, materialOnly: flags.material, settings });
      const render = { json: renderJson, markdown: renderMarkdown, terminal: renderTerminal }[flags.format];
      await writeOutput(cwd, flags.outputFile, render(found));
    });
}

function counts(v: Version): string {
  const s = v.summary;
  if (v.unreadable) return "not read";
  const against = v.against ? ` (against ${v.against.slice(0, 7)})` : "";
  return s
    ? `${s.material} material, ${s.substantive} substantive, ${s.editorial} editorial${against}`
    : "first version";
}

function header(h: History): string {
  const broken = h.versions.reduce((n, v) => n + v.problems.length, 0);
  const material = h.versions.filter((v) => v.summary?.material).length;
  const versions = `${h.versions.length} version${h.versions.length === 1 ? "" : "s"}`;
  const promises = `${broken} broken promise${broken === 1 ? "" : "s"}`;
  return `${h.file}: ${versions}, ${material} with material changes, ${promises}`;
}

export function renderTerminal(h: History): string {
  const lines = [header(h), ""];
  for (const v of h.versions) {
    const stated = `stated: ${v.stated ?? "none"}`;
    lines.push(`${v.commit.slice(0, 7)}  ${v.date.slice(0, 10)}  ${stated}  ${counts(v)}  ${v.subject}`);
    // Paths from the top of the repository on both sides: run from legal/, "privacy.md" is legal/privacy.md.
    if (v.path !== h.path) lines.push(`    (as ${v.path})`);
    for (const m of v.material) lines.push(`    material: ${m}`);
    for (const p of v.problems) lines.push(`    ! ${p.code}: ${p.message}`);
    if (v.unreadable) lines.push(`    ! unreadable: ${v.unreadable}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The policy's change history, ready for a "Revision history" page: newest first, material changes spelled out. */
export function renderMarkdown(h: History): string {
  const lines = [`# Revision history of ${h.file}`, "", `${header(h)}.`, ""];
  for (const v of h.versions) {
    lines.push(`## ${v.stated ?? v.date.slice(0, 10)}`, "");
    lines.push(`Commit \`${v.commit.slice(0, 7)}\` of ${v.date.slice(0, 10)}: ${escape(v.subject)}. ${counts(v)}.`, "");
    for (const m of v.material) lines.push(`- ${escape(m)}`);
    if (v.material.length) lines.push("");
    for (const p of v.problems) lines.push(`> **${p.code}**: ${escape(p.message)}`, "");
    if (v.unreadable) lines.push(`> **unreadable**: ${escape(v.unreadable)}`, "");
  }
  return `${lines.join("\n").replace(/(?<!\n)\n+$/, "")}\n`;
}

// Words from the policy and the commit are text in the page, not markup.
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

export function renderJson(h: History): string {
  return `${JSON.stringify(h, null, 2)}\n`;
}
