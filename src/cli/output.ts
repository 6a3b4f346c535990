import path from "node:path";
import { checkWritable, writeWhole, WriteProblem } from "../engine/whole-file.js";
import { UsageError } from "./errors.js";

/**
 * Refuses an `--output-file` that cannot be written (a directory, a read-only place, /proc/x/y) before any work is
 * done, so a long run never ends in an unwritable report; a missing folder is made, as ESLint does.
 */
export function checkOutputFile(cwd: string, outputFile: string | undefined): void {
  if (outputFile === undefined) return;
  if (!outputFile) throw new UsageError("--output-file: the file name is empty");
  try {
    checkWritable(path.resolve(cwd, outputFile));
  } catch (error) {
    throw asUsageError(outputFile, error);
  }
}

/** A command's report: to `--output-file`, whole or not at all (see engine/whole-file.ts), or standard output. */
export async function writeOutput(cwd: string, outputFile: string | undefined, text: string): Promise<void> {
  if (!outputFile) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeWhole(path.resolve(cwd, outputFile), text, { durable: true });
  } catch (error) {
    throw asUsageError(outputFile, error);
  }
}

function asUsageError(outputFile: string, error: unknown): unknown {
  return error instanceof WriteProblem ? new UsageError(`--output-file ${outputFile}: ${error.message}`) : error;
}
