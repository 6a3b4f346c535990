import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DiffSettings } from "../classify/index.js";
import type { Baseline, LintResult } from "../engine/types.js";
import { writeWhole, WriteProblem } from "../engine/whole-file.js";
import { blobAt, resolveCommit } from "../git/git.js";
import { decodeText, STDIN } from "./files.js";
import { UsageError } from "./errors.js";

/**
 * `check --against REV`: each file's version at REV, read with the same git plumbing as `diff --against` (absolute and
 * relative paths, a file REV does not hold is new and not compared, and a failure of git itself stops the run with
 * git's reason, since a gate passed unread is worse than one that fails), then compared with the file as the diff
 * compares two versions. The rules get only the verdict (see `Baseline`).
 */
export async function baselinesAt(
  rev: string,
  paths: string[],
  cwd: string,
  settings: DiffSettings,
): Promise<(file: string, text: string) => Promise<Baseline | undefined>> {
  if (paths.includes(STDIN))
    throw new UsageError('--against compares files; standard input ("-") has no version at a revision');
  const commit = await resolveCommit(rev, cwd, paths[0]);
  // Loaded on use, as `diff` loads it, so a check without --against does not load the diff engine.
  const { compare } = await import("../compare.js");
  return async (file, text) => {
    const blob = commit === null ? null : await blobAt(commit, rev, file, cwd);
    if (blob === null) return undefined;
    const before = decodeText(blob);
    if ("problem" in before) throw new UsageError(`${rev}:${file}: ${before.problem}`);
    const { result } = compare(before.text, text, `${rev}:${file}`, file, settings);
    const { material, substantive } = result.summary;
    const counted = [material && `${material} material`, substantive && `${substantive} substantive`].filter(Boolean);
    const meaningChanged = counted.length
      ? `${counted.join(" and ")} change${material + substantive === 1 ? "" : "s"}`
      : null;
    const stated = result.old.stated && { text: result.old.stated.text, isoDate: result.old.lastUpdated };
    return { rev, meaningChanged, stated };
  };
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * `--fix`: writes each file whose text the fixes changed, whole (write-file-atomic, through engine/whole-file.ts), so
 * a hook interrupted half way leaves the old policy or the fixed one, never half of each. Returns the files that could
 * not be written, each in one line; the others are still written.
 */
export async function writeFixes(results: LintResult[], cwd: string): Promise<string[]> {
  const problems: string[] = [];
  for (const result of results) {
    if (result.output === undefined) continue;
    const file = path.resolve(cwd, result.filePath);
    try {
      // The text was read without its byte order mark (as UTF-8 is decoded); a file that had one keeps it.
      const bom = (await readFile(file)).subarray(0, 3).equals(UTF8_BOM) ? "\uFEFF" : "";
      await writeWhole(file, bom + result.output, { durable: true });
    } catch (error) {
      const reason = error instanceof WriteProblem ? error.message : (error as NodeJS.ErrnoException).code;
      if (!reason) throw error;
      problems.push(`${result.filePath}: --fix cannot write it: ${reason}`);
    }
  }
  return problems;
}
