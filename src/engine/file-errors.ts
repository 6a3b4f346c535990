/**
 * A file system error in words, for the one line a user reads. Reading a policy, writing a report and reading or
 * writing the cache all fail the same ways; one table keeps their words the same.
 */

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EISDIR: "is a directory",
  ENOTDIR: "a part of the path is not a folder",
  ENAMETOOLONG: "the name is too long",
};

/** Words and code, for a reason in brackets: "permission denied, EACCES"; the code alone when it has no words. */
export function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? (REASONS[code] ? `${REASONS[code]}, ${code}` : code) : String((error as Error).message ?? error);
}

/** Why a policy cannot be read, as the whole problem of its file: "permission denied", "cannot be read (EIO)". */
export function readProblem(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  // Only here in words: a write's message names the missing folder already, and says ENOENT after it.
  if (code === "ENOENT") return "no such file or directory";
  return (code && REASONS[code]) || `cannot be read (${code ?? message})`;
}
