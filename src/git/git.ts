import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { maxFileSize, tooLarge } from "../engine/files.js";
import { UsageError } from "../errors.js";

/**
 * Every git call of the CLI, and git's own discipline with what a user typed: an argument array (never a shell, so
 * `;`, `$(…)`, quotes and spaces are only characters), no revision or path that git could take for an option, and
 * `--end-of-options` / `--` before them all the same. A failure of git itself is an error naming git's reason, never
 * read as "the file is not there".
 */

const run = promisify(execFile);

type Outcome = { ok: true; stdout: Buffer } | { ok: false; reason: string };

// File names are taken as written: no glob and no pathspec magic (a file may be called ":(top)x.md").
const ENV = { ...process.env, GIT_LITERAL_PATHSPECS: "1" };

/**
 * Runs git; `label` names what was being read when git is not installed at all. `input` goes to git's standard
 * input (a list of objects for `cat-file --batch`).
 */
async function git(
  args: string[],
  cwd: string,
  label: string,
  maxBuffer = 64 * 1024 * 1024,
  input?: string,
): Promise<Outcome> {
  try {
    const running = run("git", args, { cwd, env: ENV, encoding: "buffer", maxBuffer });
    if (input !== undefined) {
      // A git that exits before reading it all (a bad repository) closes the pipe: its exit code says why, not EPIPE.
      running.child.stdin?.on("error", () => undefined);
      running.child.stdin?.end(input);
    }
    return { ok: true, stdout: (await running).stdout };
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === "ENOENT") throw new UsageError(`${label}: git is not installed, so a revision cannot be read`);
    // git's first line says why ("not a git repository", "detected dubious ownership in repository at …").
    const reason = err.stderr
      ?.toString()
      .trim()
      .split("\n")[0]
      ?.replace(/^(fatal|error):\s*/, "");
    return { ok: false, reason: reason || `git exited with code ${String(err.code ?? "unknown")}` };
  }
}

/** A revision as the user wrote it, refused when git could read it as an option (`--output=/tmp/x`). */
function checkRevision(rev: string, label: string): void {
  if (!rev) throw new UsageError(`${label}: empty revision`);
  if (rev.startsWith("-")) throw new UsageError(`${label}: a revision cannot start with "-"`);
}

/** A path handed to git as an argument of its own, refused when it could read as an option. */
function checkPath(file: string): void {
  if (file.startsWith("-"))
    throw new UsageError(`${file}: a path given to git cannot start with "-" (write ./${file})`);
}

/**
 * The commit `rev` names, or null when it is HEAD in a repository with no commit yet (every file is then new). Not a
 * repository, a repository git refuses to read, or a revision that does not exist: a usage error naming `file`.
 */
export async function resolveCommit(rev: string, cwd: string, file: string): Promise<string | null> {
  checkRevision(rev, `--against ${rev}`);
  const repository = await git(["rev-parse", "--git-dir"], cwd, file);
  if (!repository.ok) throw new UsageError(`${file}: git cannot read it at ${rev}: ${repository.reason}`);
  const commit = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], cwd, file);
  if (commit.ok) return commit.stdout.toString().trim();
  if (rev === "HEAD" && (await unborn(cwd, file))) return null;
  throw new UsageError(`--against ${rev}: not a revision in this git repository`);
}

/** HEAD names a branch that does not exist yet: the state of `git init` before the first commit. */
async function unborn(cwd: string, file: string): Promise<boolean> {
  const branch = await git(["symbolic-ref", "--quiet", "HEAD"], cwd, file);
  if (!branch.ok) return false;
  const exists = await git(["show-ref", "--verify", "--quiet", branch.stdout.toString().trim()], cwd, file);
  return !exists.ok;
}

/**
 * The bytes of `file` (relative to `cwd`, as the user named it) in `commit`, or null when the commit has no such path:
 * the only case that makes a file new. `ls-tree` answers "not there" with an empty listing, so nothing hangs on the
 * wording of an error message; any failure of git is an error.
 */
export async function blobAt(commit: string, rev: string, file: string, cwd: string): Promise<Buffer | null> {
  checkPath(file);
  const listing = await git(["ls-tree", "-z", "--end-of-options", commit, "--", file], cwd, file);
  if (!listing.ok) throw new UsageError(`${file}: git cannot read it at ${rev}: ${listing.reason}`);
  const entries = listing.stdout.toString().split("\0").filter(Boolean);
  if (!entries.length) return null;
  // "<mode> <type> <object>\t<name>"; one entry for the one path asked.
  const [type, object] = entries[0].split("\t")[0].split(" ").slice(1);
  if (type !== "blob")
    throw new UsageError(`${file}: is a ${type === "commit" ? "submodule" : type} at ${rev} in git, not a file`);
  return readObject(object, `${rev}:${file}`, cwd);
}

/** The blob `spec` (REV:path, the path from the top of the repository) names; a usage error for anything else. */
export async function blobOf(spec: string, rev: string, cwd: string): Promise<Buffer> {
  checkRevision(rev, spec);
  const type = await git(["cat-file", "-t", "--end-of-options", spec], cwd, spec);
  if (!type.ok) throw new UsageError(`${spec}: no such file, and not a readable git revision (${type.reason})`);
  const kind = type.stdout.toString().trim();
  if (kind !== "blob") throw new UsageError(`${spec}: is a ${kind} in git, not a file`);
  return readObject(spec, spec, cwd);
}

/** A blob beyond `--max-file-size` is refused with the line a file of that size gets. */
function refuseOversized(label: string, size: number): void {
  if (size > maxFileSize()) throw new UsageError(`${label}: ${tooLarge().problem}`);
}

/**
 * A blob's bytes, measured first: one beyond `--max-file-size` is refused as a file of that size is, without reading
 * it, and a blob within it always fits the output buffer (a fixed buffer refused 70 MB under `--max-file-size 100`).
 */
async function readObject(object: string, label: string, cwd: string): Promise<Buffer> {
  const size = await git(["cat-file", "-s", "--end-of-options", object], cwd, label);
  if (!size.ok) throw new UsageError(`${label}: git could not read it (${size.reason})`);
  refuseOversized(label, Number(size.stdout.toString().trim()));
  const blob = await git(["cat-file", "blob", "--end-of-options", object], cwd, label, maxFileSize() + 1);
  if (!blob.ok) throw new UsageError(`${label}: git could not read it (${blob.reason})`);
  return blob.stdout;
}

/**
 * For `check --gitignore`: whether git ignores a path (relative to `cwd`, "/"-separated), by every rule git has here
 * (.gitignore files at every level, .git/info/exclude, core.excludesFile). One `ls-files` call lists what is
 * ignored, a wholly ignored folder once ("node_modules/"), so the answer is git's own.
 */
export async function ignoredByGit(cwd: string): Promise<(relative: string) => boolean> {
  const listing = await git(
    ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"],
    cwd,
    "--gitignore",
    256 * 1024 * 1024,
  );
  if (!listing.ok) throw new UsageError(`--gitignore: git cannot list what it ignores here: ${listing.reason}`);
  const entries = listing.stdout.toString().split("\0").filter(Boolean);
  const files = new Set(entries.filter((e) => !e.endsWith("/")));
  const folders = entries.filter((e) => e.endsWith("/"));
  return (relative) => files.has(relative) || folders.some((folder) => relative.startsWith(folder));
}

/** One commit that changed a file, with the path the file had in it (renames followed). */
export interface FileCommit {
  commit: string;
  /** Committer date, ISO 8601 with its offset. */
  date: string;
  subject: string;
  /** The file's path at that commit, from the top of the repository. */
  path: string;
}

/**
 * The commits that changed `file` (relative to `cwd`), newest first, following renames (`git log --follow`). Outside
 * a repository, or for a file git does not track: a usage error naming the file and git's reason.
 */
export async function fileCommits(file: string, cwd: string): Promise<FileCommit[]> {
  checkPath(file);
  // %x1e between commits and %x1f between fields: neither occurs in a subject line or a path git prints.
  const format = "--format=%x1e%H%x1f%cI%x1f%s";
  // --diff-filter=d: a commit that deleted the file (before it came back) has no version to read.
  const args = ["-c", "core.quotePath=false", "log", "--follow", "--diff-filter=d", format, "--name-only", "--", file];
  // The log is read while git says whether the file is tracked: each git process costs a few hundredths of a second
  // before `policylint log` can start work, and the question why a file has no history is asked only when it has none.
  const [tracked, log] = await Promise.all([
    git(["ls-files", "--error-unmatch", "--", file], cwd, file),
    git(args, cwd, file),
  ]);
  if (!tracked.ok) {
    const repository = await git(["rev-parse", "--git-dir"], cwd, file);
    if (!repository.ok) throw new UsageError(`${file}: no history to read: ${repository.reason}`);
    throw new UsageError(`${file}: git does not track it, so it has no history`);
  }
  if (!log.ok) throw new UsageError(`${file}: git cannot read its history: ${log.reason}`);
  return log.stdout
    .toString()
    .split("\x1e")
    .filter((record) => record.trim())
    .map((record) => {
      const [header, ...rest] = record.split("\n");
      const [commit, date, subject] = header.split("\x1f");
      return { commit, date, subject, path: rest.find((line) => line.trim())?.trim() ?? file };
    });
}

/** The commits reachable from HEAD but not from `rev`: what came after it. */
export async function commitsSince(rev: string, cwd: string): Promise<Set<string>> {
  checkRevision(rev, `--since ${rev}`);
  const base = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], cwd, rev);
  if (!base.ok) {
    throw new UsageError(`--since ${rev}: neither a date (YYYY-MM-DD) nor a revision in this git repository`);
  }
  const list = await git(["rev-list", "--end-of-options", "HEAD", `^${base.stdout.toString().trim()}`], cwd, rev);
  if (!list.ok) throw new UsageError(`--since ${rev}: git cannot list the commits after it: ${list.reason}`);
  return new Set(list.stdout.toString().split("\n").filter(Boolean));
}

/** The bytes of a path (from the top of the repository) at a commit git gave us. */
export async function blobAtCommit(commit: string, file: string, cwd: string): Promise<Buffer> {
  return readObject(`${commit}:${file}`, `${commit.slice(0, 7)}:${file}`, cwd);
}

/**
 * The bytes of many paths at commits git gave us, in order: two git processes for the lot (`cat-file --batch-check`
 * for the sizes, then `--batch` for the bytes) where blobAtCommit takes two for each. On a history of 109 versions,
 * starting git 218 times cost more CPU than parsing every version. Each blob is still measured before it is read, and
 * refused beyond `--max-file-size` with the same line. A path with a line break cannot go into git's line-based
 * input; such a list is read one blob at a time.
 */
export async function blobsAtCommits(wanted: { commit: string; path: string }[], cwd: string): Promise<Buffer[]> {
  const specs = wanted.map((w) => `${w.commit}:${w.path}`);
  const labels = wanted.map((w) => `${w.commit.slice(0, 7)}:${w.path}`);
  if (!specs.length) return [];
  if (specs.some((spec) => /[\r\n]/.test(spec))) {
    return Promise.all(wanted.map((w) => blobAtCommit(w.commit, w.path, cwd)));
  }
  const check = await git(["cat-file", "--batch-check"], cwd, labels[0], undefined, `${specs.join("\n")}\n`);
  if (!check.ok) throw new UsageError(`${labels[0]}: git could not read it (${check.reason})`);
  const objects = check.stdout.toString().split("\n").slice(0, specs.length);
  let total = 0;
  for (const [i, line] of objects.entries()) {
    // "<object> <type> <size>", or "<spec> missing" when the commit has no such path.
    const [object, type, size] = line.split(" ");
    if (type !== "blob") throw new UsageError(`${labels[i]}: git could not read it (${type ?? "no answer"})`);
    refuseOversized(labels[i], Number(size));
    objects[i] = object;
    total += Number(size) + 128;
  }
  const batch = await git(["cat-file", "--batch"], cwd, labels[0], total + 1, `${objects.join("\n")}\n`);
  if (!batch.ok) throw new UsageError(`${labels[0]}: git could not read it (${batch.reason})`);
  // Each answer is "<object> blob <size>\n", the bytes, and a line feed.
  const out: Buffer[] = [];
  let at = 0;
  for (const label of labels) {
    const headerEnd = batch.stdout.indexOf(10, at);
    const size = Number(batch.stdout.toString("latin1", at, headerEnd).split(" ")[2]);
    if (headerEnd < 0 || !Number.isInteger(size)) throw new UsageError(`${label}: git could not read it`);
    out.push(batch.stdout.subarray(headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
  return out;
}
