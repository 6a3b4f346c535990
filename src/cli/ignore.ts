import { readFile } from "node:fs/promises";
import path from "node:path";
import ignore from "ignore";
import { ignoredByGit } from "../git/git.js";
import { UsageError } from "./errors.js";

/**
 * What `check` leaves out besides the configuration's `ignores`, each the way the tools users know do it:
 * - `.policylintignore` in the current folder (or `--ignore-path FILE`), in gitignore syntax, as `.eslintignore` was;
 * - with `--gitignore`, whatever git ignores here (every .gitignore, .git/info/exclude, the global excludes): asked
 *   of git itself, so its rules are git's exactly;
 * - a repository's own documents (README, CHANGELOG, LICENSE, CONTRIBUTING, CODE_OF_CONDUCT, SECURITY, HISTORY,
 * AUTHORS)
 *   found in a folder or by a glob: they are not policies, and `check legal/` should not judge them as one. Named
 *   on the command line, they are checked.
 */
export interface IgnoreOptions {
  cwd: string;
  /** The paths as typed: a file named there is never left out as a repository document. */
  named: string[];
  ignorePath?: string;
  gitignore?: boolean;
}

const NOT_POLICIES = new RegExp(
  String.raw`^(?:readme|changelog|changes|history|license|licence|contributing|code_of_conduct|security|authors` +
    String.raw`|support)(?:\.[\w-]+)?$`,
  "i",
);

export async function extraIgnores(options: IgnoreOptions): Promise<(file: string) => boolean> {
  const { cwd } = options;
  const rules = ignore();
  const ignoreFile = options.ignorePath ?? ".policylintignore";
  try {
    rules.add(await readFile(path.resolve(cwd, ignoreFile), "utf8"));
  } catch (error) {
    // The default file is optional; one the user named must exist.
    if (options.ignorePath !== undefined || (error as NodeJS.ErrnoException).code !== "ENOENT") {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      throw new UsageError(`--ignore-path ${ignoreFile}: ${reason}`);
    }
  }
  const byGit = options.gitignore ? await ignoredByGit(cwd) : null;
  const named = new Set(options.named.map((p) => path.resolve(cwd, p)));
  return (file: string) => {
    const absolute = path.resolve(cwd, file);
    const relative = path.relative(cwd, absolute).split(path.sep).join("/");
    if (!named.has(absolute) && NOT_POLICIES.test(path.basename(file))) return true;
    // Paths outside the current folder are beyond what its ignore file can speak of.
    const inside = relative !== "" && !relative.startsWith("../") && !path.isAbsolute(relative);
    if (inside && rules.ignores(relative)) return true;
    return inside && byGit !== null && byGit(relative);
  };
}
