import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError } from "./schema.js";

export const SEARCH_PLACES = [
  "package.json",
  ".policylintrc",
  ".policylintrc.json",
  ".policylintrc.yaml",
  ".policylintrc.yml",
  ".policylintrc.js",
  ".policylintrc.cjs",
  ".policylintrc.mjs",
  "policylint.config.js",
  "policylint.config.mjs",
];

export type Found = { file: string; config: unknown } | { file: string; config?: undefined };

/**
 * The search cosmiconfig's "project" strategy makes, place by place from cwd upwards, stopping at the folder that
 * holds package.json. It is a handful of stat calls, so it runs here; cosmiconfig (which loads its YAML and module
 * loaders on import, a sizeable share of a one-file check) is loaded only when a YAML or JS config must be read.
 * JSON configs, the common case, come back already parsed; JS configs are imported.
 */
export function findConfigFile(cwd: string): Found | null {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const place of SEARCH_PLACES) {
      const file = path.join(dir, place);
      if (!isNonEmptyFile(file)) continue;
      if (place === "package.json") {
        const key = (readJson(file) as Record<string, unknown> | null)?.policylint;
        if (key !== undefined && key !== null) return { file, config: key };
        continue;
      }
      return place.endsWith(".json") ? { file, config: readJson(file) } : { file };
    }
    if (
      existsSync(path.join(dir, "package.json")) ||
      existsSync(path.join(dir, "package.yaml")) ||
      path.dirname(dir) === dir
    )
      return null;
  }
}

/** A JSON config read directly; anything else through cosmiconfig's own loaders. */
export async function readConfigFile(file: string): Promise<unknown> {
  if (!existsSync(file)) throw new ConfigError(file, "", "config file not found");
  if (file.endsWith(".json")) {
    const config = readJson(file);
    if (config === null) throw new ConfigError(file, "", "the file is empty");
    return path.basename(file) === "package.json" ? ((config as Record<string, unknown>).policylint ?? {}) : config;
  }
  if (/\.(?:c?js|mjs)$/.test(file)) return importConfigModule(file);
  // cosmiconfig is CommonJS: under Node its named export is there; inside the bundled CLI only `default` is.
  const loaded: typeof import("cosmiconfig") & { default?: typeof import("cosmiconfig") } = await import("cosmiconfig");
  const cosmiconfig = loaded.cosmiconfig ?? loaded.default!.cosmiconfig;
  try {
    const result = await cosmiconfig("policylint", { searchPlaces: SEARCH_PLACES, cache: false }).load(file);
    if (!result || result.isEmpty) throw new ConfigError(file, "", "the file is empty");
    return result.config;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw parseError(file, error);
  }
}

/** A JS config's default export (module.exports for CommonJS), imported by a real module: see bin/policylint.js. */
async function importConfigModule(file: string): Promise<unknown> {
  const importer = (globalThis as { __policylintImport?: (specifier: string) => Promise<Record<string, unknown>> })
    .__policylintImport;
  try {
    const url = pathToFileURL(file).href;
    const module = importer ? await importer(url) : ((await import(url)) as Record<string, unknown>);
    return module.default ?? module;
  } catch (error) {
    throw new ConfigError(file, "", `cannot be loaded: ${String((error as Error).message ?? error).split("\n")[0]}`);
  }
}

/**
 * A YAML syntax error as one line: the parser's reason at file:line:column. cosmiconfig puts "YAML Error in FILE:"
 * and a code excerpt around js-yaml's message, whose reason and mark (0-based) it keeps on the error.
 */
function parseError(file: string, error: unknown): ConfigError {
  const yaml = error as { reason?: unknown; mark?: { line?: unknown; column?: unknown } };
  if (typeof yaml.reason === "string" && typeof yaml.mark?.line === "number" && typeof yaml.mark.column === "number") {
    return new ConfigError(file, "", `cannot be parsed: ${yaml.reason}`, {
      line: yaml.mark.line + 1,
      column: yaml.mark.column + 1,
    });
  }
  const lines = String((error as Error).message ?? error)
    .split("\n")
    .map((line) => line.trim());
  const reason = lines.find((line) => line && !line.startsWith("YAML Error in") && !line.includes(file)) ?? lines[0];
  return new ConfigError(file, "", `cannot be parsed: ${reason}`);
}

function isNonEmptyFile(file: string): boolean {
  const stat = statSync(file, { throwIfNoEntry: false });
  return Boolean(stat?.isFile() && stat.size > 0);
}

function readJson(file: string): unknown {
  const text = readFileSync(file, "utf8");
  if (!text.trim()) return null;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, "", `cannot be parsed: ${(error as Error).message}`);
  }
}
