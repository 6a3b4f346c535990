import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { BUILT_IN_PRESETS, PRESET_PREFIX } from "../config/presets.js";
import { SEARCH_PLACES } from "../config/load.js";
import { UsageError } from "./errors.js";

const CONFIG_FILE = ".policylintrc.json";

interface InitFlags {
  preset?: string;
  force?: boolean;
}

export function registerInit(program: Command): void {
  program
    .command("init")
    .summary("write a starter configuration")
    .description(
      `Write a starter ${CONFIG_FILE} in the current folder. ` +
        "On a terminal it asks which presets to use; elsewhere it asks nothing.",
    )
    .option(
      "-p, --preset <names>",
      `comma-separated presets besides recommended, e.g. "gdpr,ccpa" (available: ${presetNames().join(", ")})`,
    )
    .option("--force", "overwrite an existing configuration")
    .addHelpText(
      "after",
      "\nExamples:\n  $ policylint init\n  $ policylint init --preset gdpr,ccpa\n" +
        "  $ policylint init --preset us-states --force",
    )
    .action(async (flags: InitFlags) => {
      const cwd = process.cwd();
      const target = path.join(cwd, CONFIG_FILE);
      const existing = SEARCH_PLACES.filter((f) => f !== "package.json").find((f) => existsSync(path.join(cwd, f)));
      if (existing && !flags.force) {
        throw new UsageError(
          `${path.join(cwd, existing)} already exists; use --force to overwrite it with a new ${CONFIG_FILE}`,
        );
      }
      const presets =
        flags.preset !== undefined ? parsePresets(flags.preset) : process.stdin.isTTY ? await askPresets() : [];
      await writeFile(target, `${JSON.stringify(starterConfig(presets), null, 2)}\n`);
      process.stdout.write(`Wrote ${target}\nNext: npx policylint check <your policy files>\n`);
    });
}

function starterConfig(presets: string[]): Record<string, unknown> {
  return {
    extends: [`${PRESET_PREFIX}recommended`, ...presets.map((p) => `${PRESET_PREFIX}${p}`)],
    rules: {},
    ignores: ["node_modules/**"],
  };
}

function presetNames(): string[] {
  return Object.keys(BUILT_IN_PRESETS)
    .map((name) => name.slice(PRESET_PREFIX.length))
    .filter((name) => name !== "recommended");
}

function parsePresets(list: string): string[] {
  const names = list
    .split(",")
    .map((p) => p.trim().replace(PRESET_PREFIX, ""))
    .filter(Boolean);
  for (const name of names) {
    if (!presetNames().includes(name))
      throw new UsageError(`--preset: unknown preset "${name}" (available: ${presetNames().join(", ")})`);
  }
  return [...new Set(names)];
}

async function askPresets(): Promise<string[]> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(
      `Presets besides recommended (comma-separated; ${presetNames().join(", ")}; Enter for none): `,
    );
    return parsePresets(answer);
  } finally {
    rl.close();
  }
}
