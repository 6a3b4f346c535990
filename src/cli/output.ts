import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "./errors.js";

/** A command's report: to `--output-file` (its folder made as needed) or standard output. */
export async function writeOutput(cwd: string, outputFile: string | undefined, text: string): Promise<void> {
  if (!outputFile) {
    process.stdout.write(text);
    return;
  }
  const target = path.resolve(cwd, outputFile);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  } catch (error) {
    throw new UsageError(`--output-file: cannot write ${target} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
