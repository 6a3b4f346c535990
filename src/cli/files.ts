import { readFile, stat } from "node:fs/promises";
import path from "node:path";

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
    if (info?.isFile()) {
      if (!isIgnored(pattern)) files.push(pattern);
      continue;
    }
    if (info?.isDirectory() || GLOB_CHARS.test(pattern)) {
      const globs = info?.isDirectory() ? [`${pattern.replace(/\/+$/, "")}/**/*.{${MARKDOWN_EXTENSIONS}}`] : [pattern];
      const found = (await glob(globs, { cwd, ignore: ALWAYS_IGNORED, dot: false, expandDirectories: false })).sort();
      const kept = found.filter((f) => !isIgnored(f));
      if (!found.length) problems.push({ filePath: pattern, problem: info ? "no Markdown files in this directory" : "no files match this pattern" });
      // One by one: a spread of a glob that found 150,000 files overflows the stack.
      for (const file of kept) files.push(file);
      continue;
    }
    problems.push({ filePath: pattern, problem: "no such file or directory" });
  }
  return { files: [...new Set(files)], problems };
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Reads a policy as UTF-8 text, refusing what is not text, so one bad file is reported instead of misread. */
export async function readPolicyFile(filePath: string, cwd: string): Promise<{ text: string } | { problem: string }> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path.resolve(cwd, filePath));
  } catch (error) {
    return { problem: describeReadError(error as NodeJS.ErrnoException) };
  }
  return decodeText(buffer);
}

export function decodeText(buffer: Buffer): { text: string } | { problem: string } {
  if (buffer.includes(0)) return { problem: "binary file (it contains NUL bytes), not a text policy" };
  try {
    return { text: UTF8.decode(buffer) };
  } catch {
    return { problem: "not valid UTF-8 text (save the file as UTF-8)" };
  }
}

function describeReadError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    default:
      return `cannot be read (${error.code ?? error.message})`;
  }
}

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
