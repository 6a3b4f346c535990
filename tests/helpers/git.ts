import { execFileSync } from "node:child_process";
import { tempProject } from "./cli.js";

/** Runs git with the given arguments and returns its standard output. */
export type Git = (...args: string[]) => string;

/**
 * git run in `dir`, as a fixed committer and with signing off, so a developer's or a CI machine's own configuration
 * (no identity, commit.gpgsign) cannot make a test's commit fail. Output is piped (git's hints stay out of the test
 * log) and returned as text. `env` adds variables, e.g. GIT_AUTHOR_DATE for commits of a fixed date.
 */
export function gitIn(dir: string, env?: Record<string, string>): Git {
  const options = { cwd: dir, encoding: "utf8" as const, stdio: "pipe" as const };
  return (...args) =>
    execFileSync(
      "git",
      ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args],
      env ? { ...options, env: { ...process.env, ...env } } : options,
    );
}

/**
 * A throw-away project folder with the given files (paths relative to it), made a git repository on branch main
 * (whatever init.defaultBranch says): nothing staged yet.
 */
export function scratchRepo(files: Record<string, string | Buffer> = {}): { dir: string; git: Git } {
  const dir = tempProject(files);
  const git = gitIn(dir);
  git("init", "-q", "-b", "main");
  return { dir, git };
}
