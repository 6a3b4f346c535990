import path from "node:path";
import picomatch from "picomatch";
import { ruleById, allRules } from "../../rules/index.js";
import type { Severity } from "../engine/types.js";
import { BUILT_IN_PRESETS, PRESET_PREFIX } from "./presets.js";
import { checkTopLevel, ConfigError, parseRuleEntry, type ConfigObject, type RuleSetting } from "./schema.js";
import { findConfigFile, readConfigFile } from "./find.js";

export { SEARCH_PLACES } from "./find.js";

export { ConfigError } from "./schema.js";

export type RuleSettings = Map<string, RuleSetting>;

export interface ResolvedConfig {
  /** The config file in force, or null when the built-in default applies. */
  file: string | null;
  /** Globs in the config are relative to this folder. */
  dir: string;
  rules: RuleSettings;
  overrides: { matches: (relativePath: string) => boolean; layer: Layer }[];
  ignores: string[];
  diff: Record<string, unknown>;
  /** What a cache must be invalidated by: every setting, in a stable order. */
  fingerprint: string;
}

export interface Layer {
  rules: { id: string; severity: Severity; options?: Record<string, unknown> }[];
}

/**
 * Finds and loads the configuration, the way ESLint and markdownlint do: `--config` wins, else search upward from cwd.
 */
export async function loadConfig(options: { cwd?: string; configPath?: string } = {}): Promise<ResolvedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const found = await findConfig(cwd, options.configPath);
  if (!found) return resolveConfig({ extends: `${PRESET_PREFIX}recommended` }, null, cwd);
  return resolveConfig(found.config, found.file, path.dirname(found.file));
}

async function findConfig(cwd: string, configPath?: string): Promise<{ config: unknown; file: string } | null> {
  if (configPath) {
    const file = path.resolve(cwd, configPath);
    return { config: await readConfigFile(file), file };
  }
  const found = findConfigFile(cwd);
  if (!found) return null;
  return { config: found.config !== undefined ? found.config : await readConfigFile(found.file), file: found.file };
}

export function resolveConfig(config: unknown, file: string | null, dir: string): ResolvedConfig {
  const label = file ?? "<built-in default>";
  const layers: Layer[] = [];
  const top = collectLayers(config, label, dir, layers, new Set());
  const rules = mergeLayers(layers);
  const overrides = (top.overrides ?? []).map((o, i) => {
    const globs = Array.isArray(o.files) ? o.files : [o.files];
    const matcher = picomatch(globs, { dot: true, matchBase: !globs.some((g) => g.includes("/")) });
    return { matches: matcher, layer: readRules(o.rules ?? {}, label, `overrides[${i}].rules`) };
  });
  const ignores = top.ignores ?? [];
  const diff = top.diff ?? {};
  const fingerprint = JSON.stringify({
    rules: [...rules].sort(([a], [b]) => a.localeCompare(b)),
    overrides: (top.overrides ?? []).map((o) => o),
    ignores,
    diff,
  });
  return { file, dir, rules, overrides, ignores, diff, fingerprint };
}

function collectLayers(config: unknown, label: string, dir: string, layers: Layer[], seen: Set<string>): ConfigObject {
  const checked = checkTopLevel(config, label);
  const parents =
    checked.extends === undefined ? [] : Array.isArray(checked.extends) ? checked.extends : [checked.extends];
  for (const name of parents) {
    if (seen.has(name)) throw new ConfigError(label, "extends", `"${name}" extends itself`);
    const preset = BUILT_IN_PRESETS[name];
    if (!preset) {
      const known = Object.keys(BUILT_IN_PRESETS).join(", ");
      throw new ConfigError(label, "extends", `unknown preset "${name}" (built-in presets: ${known})`);
    }
    collectLayers(preset, `preset ${name}`, dir, layers, new Set([...seen, name]));
  }
  layers.push(readRules(checked.rules ?? {}, label, "rules"));
  return checked;
}

function readRules(rules: Record<string, unknown>, label: string, key: string): Layer {
  const layer: Layer = { rules: [] };
  for (const [id, entry] of Object.entries(rules)) {
    const rule = ruleById(id);
    if (!rule) {
      throw new ConfigError(label, `${key}.${id}`, `unknown rule "${id}" (run \`policylint rules\` for the list)`);
    }
    layer.rules.push({ id, ...parseRuleEntry(rule, entry, label, `${key}.${id}`) });
  }
  return layer;
}

/** Later layers win on severity; options merge key by key, and "union" options add up across presets. */
function mergeLayers(layers: Layer[], base?: RuleSettings): RuleSettings {
  const merged: RuleSettings = new Map();
  if (base)
    for (const [id, setting] of base) merged.set(id, { severity: setting.severity, options: { ...setting.options } });
  else
    for (const rule of allRules) merged.set(rule.meta.id, { severity: "off", options: defaultOptions(rule.meta.id) });
  for (const layer of layers) {
    for (const { id, severity, options } of layer.rules) {
      const current = merged.get(id)!;
      current.severity = severity;
      if (!options) continue;
      const specs = ruleById(id)!.meta.options;
      for (const [name, value] of Object.entries(options)) {
        const previous = current.options[name];
        current.options[name] =
          specs[name].merge === "union" && Array.isArray(previous) && Array.isArray(value)
            ? union(previous, value)
            : value;
      }
    }
  }
  return merged;
}

function union(a: unknown[], b: unknown[]): unknown[] {
  const seen = new Set(a.map((v) => JSON.stringify(v)));
  return [...a, ...b.filter((v) => !seen.has(JSON.stringify(v)))];
}

function defaultOptions(id: string): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(ruleById(id)!.meta.options)) options[name] = structuredClone(spec.default);
  return options;
}

/** The rule settings for one file: the base settings with every matching override applied. */
export function settingsFor(config: ResolvedConfig, filePath: string): RuleSettings {
  const relative = path.relative(config.dir, path.resolve(filePath)).split(path.sep).join("/");
  const matching = config.overrides.filter((o) => o.matches(relative));
  return matching.length
    ? mergeLayers(
        matching.map((o) => o.layer),
        config.rules,
      )
    : config.rules;
}

// One matcher per configuration: compiling the globs again for every file cost about as much as matching them.
const ignoreMatchers = new WeakMap<ResolvedConfig, (file: string) => boolean>();

export function isIgnored(config: ResolvedConfig, filePath: string): boolean {
  if (!config.ignores.length) return false;
  const relative = path.relative(config.dir, path.resolve(filePath)).split(path.sep).join("/");
  let matcher = ignoreMatchers.get(config);
  if (!matcher) ignoreMatchers.set(config, (matcher = picomatch(config.ignores, { dot: true })));
  return matcher(relative);
}
