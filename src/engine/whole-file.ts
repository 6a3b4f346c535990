import {
  closeSync,
  constants,
  accessSync,
  mkdirSync,
  openSync,
  realpathSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { errorReason } from "./file-errors.js";

/**
 * Files written whole or not at all (`--output-file`, `--cache`). A regular file is written to a temporary file beside
 * it and renamed over it (write-file-atomic), so a reader, or a run killed half way, finds the old content or the new,
 * never a truncated mix. The library was chosen over writeFileSync + renameSync because it also removes its
 * temporary file when the process is interrupted (SIGINT, SIGTERM), writes through a symlink to its target instead of
 * replacing the link, keeps the replaced file's mode and owner, names its temporary files apart for concurrent
 * writers and threads, and can fsync before the rename.
 */

/** Why a file cannot be written, in words for one line of output. */
export class WriteProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WriteProblem";
  }
}

function because(what: string, error: unknown): WriteProblem {
  return new WriteProblem(`${what} (${errorReason(error)})`);
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch (error) {
    // ENOTDIR: a part of the path is a file; the walk in makeFolders names it.
    if (["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "")) return null;
    throw because(`cannot look at ${file}`, error);
  }
}

/**
 * `mkdir -p`, by hand. Node's `mkdir(…, { recursive: true })` takes ENOENT to mean "the parent is missing", makes the
 * parent (which exists) and tries the child again, forever, when the kernel answers ENOENT whatever the parent holds:
 * a folder under /proc, or under a dangling symlink, spun a core for minutes (`-o /proc/x/y`). Here each missing
 * folder is made once, from the top down, and the first failure is the answer.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const info = statOrNull(at);
    if (info) {
      if (!info.isDirectory()) throw new WriteProblem(`${at} is not a folder`);
      break;
    }
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Another run making the same folder at the same moment is no failure.
      if ((error as NodeJS.ErrnoException).code === "EEXIST") {
        if (statOrNull(folder)?.isDirectory()) continue;
        throw new WriteProblem(`${folder} is a symbolic link to nothing`);
      }
      throw because(`the folder ${folder} cannot be created`, error);
    }
  }
}

/** The file a path names, through any symlinks, as the write will reach it. */
function target(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** A device or pipe (`/dev/stdout`, `>(jq …)`, a FIFO) cannot be renamed over: it is written in place. */
function isSpecial(info: Stats | null): boolean {
  return Boolean(info && !info.isFile() && !info.isDirectory());
}

/**
 * Checks, before any work is done, that `file` can be written: not a directory, its folders made, and a file can be
 * created beside it. Creating one is the only test that answers truly: access(2) says "writable" to root on /proc, and
 * says nothing of a full or read-only file system.
 */
export function checkWritable(file: string): void {
  const real = target(file);
  const info = statOrNull(real);
  if (info?.isDirectory()) throw new WriteProblem("is a directory");
  if (isSpecial(info)) return;
  makeFolders(path.dirname(real));
  if (info) {
    try {
      accessSync(real, constants.W_OK);
    } catch (error) {
      throw because("cannot be replaced", error);
    }
  }
  const probe = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.probe`);
  try {
    closeSync(openSync(probe, "wx"));
  } catch (error) {
    throw because(`no file can be created in ${path.dirname(real)}`, error);
  }
  unlinkSync(probe);
}

export interface WholeOptions {
  /** fsync before the rename, so the new content survives a power cut (a report); a cache can do without. */
  durable: boolean;
}

/** Writes `text` to `file` whole (see above), making its folders. Throws a WriteProblem. */
export async function writeWhole(file: string, text: string, options: WholeOptions): Promise<void> {
  const real = target(file);
  try {
    if (prepare(real) === "in place") return await writeFile(real, text);
    await writeFileAtomic(real, text, { fsync: options.durable });
  } catch (error) {
    throw error instanceof WriteProblem ? error : because("cannot be written", error);
  }
}

/** writeWhole, synchronously. */
export function writeWholeSync(file: string, text: string, options: WholeOptions): void {
  const real = target(file);
  try {
    if (prepare(real) === "in place") return writeFileSync(real, text);
    writeFileAtomic.sync(real, text, { fsync: options.durable });
  } catch (error) {
    throw error instanceof WriteProblem ? error : because("cannot be written", error);
  }
}

function prepare(real: string): "in place" | "replace" {
  const info = statOrNull(real);
  if (info?.isDirectory()) throw new WriteProblem("is a directory");
  if (isSpecial(info)) return "in place";
  makeFolders(path.dirname(real));
  return "replace";
}
