import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./fixtures.js";

export const BIN = path.join(ROOT, "bin/policylint.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built binary as a user would, with no terminal (so no colour unless asked). `timeout` (ms) kills a run that
 * hangs, which then has code -1, so a test of a hang fails instead of blocking the suite.
 */
export function runCli(
  args: string[],
  options: { cwd?: string; input?: string | Buffer; env?: Record<string, string>; timeout?: number } = {},
): CliRun {
  const env = { ...process.env, ...options.env };
  delete env.FORCE_COLOR;
  if (!options.env?.NO_COLOR) delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env,
    encoding: "utf8",
    timeout: options.timeout,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A throw-away project folder with the given files (paths relative to it). */
export function tempProject(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "policylint-"));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}
