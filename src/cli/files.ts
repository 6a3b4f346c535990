import { setMaxFileSize } from "../engine/files.js";
import { UsageError } from "./errors.js";

export { decodeText, DEFAULT_MAX_FILE_MB, maxFileSize, readPolicyFile, STDIN, tooLarge } from "../engine/files.js";

/** A command's `--max-file-size` value: whole megabytes, at least 1. */
export function applyMaxFileSize(value: string | undefined): void {
  if (value === undefined) return;
  if (!/^[1-9]\d{0,5}$/.test(value))
    throw new UsageError(`--max-file-size: "${value}" is not a whole number of megabytes (e.g. 64)`);
  setMaxFileSize(Number(value));
}

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
