/**
 * Reading policies: the paths a user names expanded into files, and each file read as UTF-8 text or refused with the
 * reason. Below the CLI, so the engine (checkPaths), the library and every command read files the same way.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { readProblem } from "./file-errors.js";

export const STDIN = "-";
const MARKDOWN_EXTENSIONS = "md,markdown,mdown,mkd";
const ALWAYS_IGNORED = ["**/node_modules/**", "**/.git/**"];
const GLOB_CHARS = /[*?[\]{}]/;

export interface FileProblem {
  filePath: string;
  problem: string;
}

/**
 * Turns the paths a user (or lint-staged, or pre-commit) passes into the files to check: files as given,
 * directories as their Markdown files, globs expanded. Anything that matches nothing is a problem for that path.
 */
export async function expandPaths(
  patterns: string[],
  cwd: string,
  isIgnored: (file: string) => boolean,
): Promise<{ files: string[]; problems: FileProblem[] }> {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const { glob } = await import("tinyglobby");
  for (const pattern of patterns) {
    if (pattern === STDIN) {
      files.push(STDIN);
      continue;
    }
    const info = await stat(path.resolve(cwd, pattern)).catch(() => null);
    // A FIFO named on the command line is a file too: `<(git show v1:privacy.md)`, or what a diff tool passes.
    if (info?.isFile() || info?.isFIFO()) {
      if (!isIgnored(pattern)) files.push(pattern);
      continue;
    }
    if (info?.isDirectory() || GLOB_CHARS.test(pattern)) {
      const folder = pattern.replace(/(?<!\/)\/+$/, "");
      const globs = info?.isDirectory() ? [`${folder}/**/*.{${MARKDOWN_EXTENSIONS}}`] : [pattern];
      const found = (await glob(globs, { cwd, ignore: ALWAYS_IGNORED, dot: false, expandDirectories: false })).sort();
      const kept = found.filter((f) => !isIgnored(f));
      if (!found.length) {
        const problem = info ? "no Markdown files in this directory" : "no files match this pattern";
        problems.push({ filePath: pattern, problem });
      }
      // One by one: a spread of a glob that found 150,000 files overflows the stack.
      for (const file of kept) files.push(file);
      continue;
    }
    problems.push({ filePath: pattern, problem: info ? "not a file, pipe or directory" : "no such file or directory" });
  }
  return { files: [...new Set(files)], problems };
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Files larger than this are refused (`--max-file-size`). Time and memory grow linearly with a file, but memory is
 * large beside it: a 50 MB policy peaked at 1.1 GB in check and 3.2 GB in diff, where Node's default heap stops at
 * 2–4 GB and dies with a stack of its own. 32 MB is 200 times the largest real policy seen.
 */
export const DEFAULT_MAX_FILE_MB = 32;
const MB = 1024 * 1024;
let maxFileBytes = DEFAULT_MAX_FILE_MB * MB;

/** Sets the size limit for every file read from here on (a command's `--max-file-size`). */
export function setMaxFileSize(megabytes: number): void {
  maxFileBytes = megabytes * MB;
}

/** The size limit in bytes, for readers that are not files (a git blob is measured before it is read). */
export function maxFileSize(): number {
  return maxFileBytes;
}

export function tooLarge(): { problem: string } {
  return { problem: `larger than ${maxFileBytes / MB} MB, policylint's limit (--max-file-size raises it)` };
}

/** Reads a policy as UTF-8 text, refusing what is not text, so one bad file is reported instead of misread. */
export async function readPolicyFile(filePath: string, cwd: string): Promise<{ text: string } | { problem: string }> {
  let buffer: Buffer;
  try {
    // Refused before it is read: a file of gigabytes would not fit in memory at all.
    if ((await stat(path.resolve(cwd, filePath))).size > maxFileBytes) return tooLarge();
    buffer = await readFile(path.resolve(cwd, filePath));
  } catch (error) {
    return { problem: readProblem(error) };
  }
  return decodeText(buffer);
}

export function decodeText(buffer: Buffer): { text: string } | { problem: string } {
  if (buffer.length > maxFileBytes) return tooLarge();
  if (buffer.includes(0)) return { problem: "binary file (it contains NUL bytes), not a text policy" };
  try {
    return { text: UTF8.decode(buffer) };
  } catch {
    return { problem: "not valid UTF-8 text (save the file as UTF-8)" };
  }
}
