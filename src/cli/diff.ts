import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { Option, type Command } from "commander";
import type { DiffResult } from "../diff/index.js";
import { useColor } from "./color.js";
import { UsageError } from "./errors.js";
import { decodeText, readPolicyFile, readStdin, STDIN } from "./files.js";

const run = promisify(execFile);

const FORMATS = ["terminal", "markdown", "json"] as const;
type Format = (typeof FORMATS)[number];

interface DiffFlags {
  format: Format;
  stat?: boolean;
  outputFile?: string;
  color?: boolean;
}

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .summary("show what changed between two versions of a policy")
    .description(
      "Show what changed in a policy as a reader sees it: sections added, removed, moved, renamed or edited, list items " +
        "and table rows that came and went, and the words that changed inside a paragraph. Line wrapping, list markers, " +
        "emphasis markers, table padding, heading style and renumbering are not changes.",
    )
    .argument("<old>", 'the earlier version: a file, "-" for standard input, or REV:path read from git (e.g. v1.2:privacy.md)')
    .argument("<new>", "the later version, in the same forms")
    .addOption(new Option("-f, --format <name>", "output format").choices(FORMATS).default("terminal"))
    .option("--stat", "print one line per changed section with its counts")
    .option("-o, --output-file <file>", "write the output to a file instead of standard output")
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
  $ policylint diff old.md new.md --format json | jq '.changes[] | select(.kind == "added")'
  $ policylint diff old.md new.md --stat

REV:path is read with git from the current repository, the path relative to its top, as \`git show\` reads it.
Exit codes: 0 (changes or none), 2 a missing file, bad revision or other usage error.`,
    )
    .action(async (oldSpec: string, newSpec: string, flags: DiffFlags) => {
      if (oldSpec === STDIN && newSpec === STDIN) throw new UsageError('only one version can be read from standard input ("-")');
      const cwd = process.cwd();
      const [before, after] = [await readVersion(oldSpec, cwd), await readVersion(newSpec, cwd)];
      // Loaded on use, so the bundle keeps the diff engine out of every other command's start-up.
      const engine = await import("../diff/index.js");
      const { parseDocument } = await import("../parse/document.js");
      const result = engine.diffDocuments(parseDocument(before, oldSpec), parseDocument(after, newSpec));
      const color = !flags.outputFile && useColor(flags.color);
      const output = render(engine, result, flags, color);
      if (flags.outputFile) {
        const target = path.resolve(cwd, flags.outputFile);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, output);
      }
      else process.stdout.write(output);
    });
}

function render(engine: typeof import("../diff/index.js"), result: DiffResult, flags: DiffFlags, color: boolean): string {
  if (flags.stat) return engine.renderStat(result, { color });
  if (flags.format === "json") return engine.renderJson(result);
  if (flags.format === "markdown") return engine.renderMarkdown(result);
  return engine.renderTerminal(result, { color });
}

// REV:path, but not a Windows drive ("C:\…") and not a path that merely contains a colon.
const REVISION = /^([^:]+):(.*)$/;

/** One version's text: a file, standard input, or a blob at a git revision. */
async function readVersion(spec: string, cwd: string): Promise<string> {
  if (spec === STDIN) return decoded(await readStdin(), "standard input");
  const file = await readPolicyFile(spec, cwd);
  if ("text" in file) return file.text;
  const revision = REVISION.exec(spec);
  if (!revision || /^[a-z]:[\\/]/i.test(spec) || file.problem !== "no such file or directory") {
    throw new UsageError(`${spec}: ${file.problem}`);
  }
  if (!revision[2]) throw new UsageError(`${spec}: no path after the revision (write REV:path, e.g. HEAD~1:privacy.md)`);
  return decoded(await gitBlob(spec, cwd), spec);
}

async function gitBlob(spec: string, cwd: string): Promise<Buffer> {
  const git = async (args: string[]): Promise<Buffer> => {
    try {
      return (await run("git", args, { cwd, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (error) {
      const err = error as NodeJS.ErrnoException & { stderr?: Buffer };
      if (err.code === "ENOENT") throw new UsageError(`${spec}: git is not installed, so a revision cannot be read`);
      const message = err.stderr?.toString().trim().split("\n")[0]?.replace(/^fatal:\s*/, "") || "git could not read it";
      throw new UsageError(`${spec}: no such file, and not a readable git revision (${message})`);
    }
  };
  const type = (await git(["cat-file", "-t", spec])).toString().trim();
  if (type !== "blob") throw new UsageError(`${spec}: is a ${type} in git, not a file`);
  return git(["cat-file", "blob", spec]);
}

function decoded(buffer: Buffer, label: string): string {
  const text = decodeText(buffer);
  if ("problem" in text) throw new UsageError(`${label}: ${text.problem}`);
  return text.text;
}
