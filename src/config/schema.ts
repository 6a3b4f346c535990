import { phrasePattern } from "../classify/knowledge.js";
import { CATEGORIES, DIFF_SETTING_LISTS } from "../classify/types.js";
import type { OptionSpec, Rule, Severity } from "../engine/types.js";
import { checkPatterns } from "./patterns.js";

/** A configuration as written by a user or a preset. */
export interface ConfigObject {
  extends?: string | string[];
  rules?: Record<string, RuleEntry>;
  overrides?: { files: string | string[]; rules?: Record<string, RuleEntry> }[];
  ignores?: string[];
  /** Checked by checkDiff below, so it can be read as DiffSettings. */
  diff?: Record<string, unknown>;
}

export type RuleEntry = Severity | 0 | 1 | 2 | [Severity | 0 | 1 | 2] | [Severity | 0 | 1 | 2, Record<string, unknown>];

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

/** Raised for anything wrong in a configuration; the CLI prints the message alone and exits 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    problem: string,
    /** Where a syntax error is, 1-based, as `file:line:column` that editors and terminals open. */
    readonly position?: { line: number; column: number },
  ) {
    super(`${file}${position ? `:${position.line}:${position.column}` : ""}: ${key ? `${key}: ` : ""}${problem}`);
    this.name = "ConfigError";
  }
}

const SEVERITY_NUMBERS: Record<number, Severity> = { 0: "off", 1: "warn", 2: "error" };
const TOP_LEVEL_KEYS = new Set(["extends", "rules", "overrides", "ignores", "diff", "$schema"]);

export function normalizeSeverity(value: unknown): Severity | null {
  if (typeof value === "number") return SEVERITY_NUMBERS[value] ?? null;
  if (value === "off" || value === "warn" || value === "error") return value;
  if (value === "warning") return "warn";
  return null;
}

/** Checks one rule entry and returns it as a severity with options merged over the rule's defaults. */
export function parseRuleEntry(
  rule: Rule,
  entry: unknown,
  file: string,
  key: string,
): { severity: Severity; options?: Record<string, unknown> } {
  const [rawSeverity, rawOptions] = Array.isArray(entry) ? entry : [entry, undefined];
  const severity = normalizeSeverity(rawSeverity);
  if (!severity) {
    throw new ConfigError(file, key, `invalid severity ${JSON.stringify(rawSeverity)} (use "off", "warn" or "error")`);
  }
  if (Array.isArray(entry) && entry.length > 2)
    throw new ConfigError(file, key, "expected [severity] or [severity, options]");
  if (rawOptions === undefined) return { severity };
  if (!rawOptions || typeof rawOptions !== "object" || Array.isArray(rawOptions)) {
    throw new ConfigError(file, key, "options must be an object");
  }
  const options = currentNames(rule, rawOptions as Record<string, unknown>, file, key);
  for (const [name, value] of Object.entries(options)) {
    const spec = rule.meta.options[name];
    if (!spec) {
      const known = Object.keys(rule.meta.options);
      throw new ConfigError(
        file,
        `${key}.${name}`,
        `unknown option for rule "${rule.meta.id}"` +
          (known.length ? ` (options: ${known.join(", ")})` : " (it takes no options)"),
      );
    }
    const problem = checkOptionValue(spec, value);
    if (problem) throw new ConfigError(file, `${key}.${name}`, problem);
    if (spec.patterns) checkPatterns(spec.patterns(value), file, `${key}.${name}`);
  }
  return { severity, options };
}

/** The options under their current names: a former name (`presets` of required-sections) is read as the new one. */
function currentNames(rule: Rule, options: Record<string, unknown>, file: string, key: string) {
  const renamed: Record<string, unknown> = {};
  const specs = rule.meta.options;
  for (const [name, value] of Object.entries(options)) {
    const current = Object.keys(specs).find((n) => specs[n].formerNames?.includes(name)) ?? name;
    if (current !== name && current in options) {
      const problem = `the former name of "${current}", which is given too: keep "${current}" only`;
      throw new ConfigError(file, `${key}.${name}`, problem);
    }
    renamed[current] = value;
  }
  return renamed;
}

function checkOptionValue(spec: OptionSpec, value: unknown): string | null {
  switch (spec.type) {
    case "string":
      if (typeof value !== "string") return `expected a string, got ${describe(value)}`;
      if (spec.enum && !spec.enum.includes(value))
        return `expected one of ${spec.enum.map((v) => JSON.stringify(v)).join(", ")}`;
      return null;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : `expected a number, got ${describe(value)}`;
    case "boolean":
      return typeof value === "boolean" ? null : `expected true or false, got ${describe(value)}`;
    case "string[]": {
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
        return `expected an array of strings, got ${describe(value)}`;
      const unknown = spec.enum ? value.find((v) => !spec.enum!.includes(v)) : undefined;
      return unknown === undefined
        ? null
        : `unknown value "${unknown}" (expected any of ${spec.enum!.map((v) => JSON.stringify(v)).join(", ")})`;
    }
    case "object[]":
      return Array.isArray(value) && value.every((v) => v && typeof v === "object" && !Array.isArray(v))
        ? null
        : `expected an array of objects, got ${describe(value)}`;
    case "object":
      return value && typeof value === "object" && !Array.isArray(value)
        ? null
        : `expected an object, got ${describe(value)}`;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "string" ? JSON.stringify(value) : typeof value;
}

export function checkTopLevel(config: unknown, file: string): ConfigObject {
  if (!config || typeof config !== "object" || Array.isArray(config))
    throw new ConfigError(file, "", "a configuration must be an object");
  for (const key of Object.keys(config)) {
    if (!TOP_LEVEL_KEYS.has(key)) {
      throw new ConfigError(
        file,
        key,
        `unknown key (allowed: ${[...TOP_LEVEL_KEYS].filter((k) => k !== "$schema").join(", ")})`,
      );
    }
  }
  const c = config as Record<string, unknown>;
  const ext = c.extends;
  if (
    ext !== undefined &&
    typeof ext !== "string" &&
    !(Array.isArray(ext) && ext.every((e) => typeof e === "string"))
  ) {
    throw new ConfigError(file, "extends", "expected a preset name or an array of them");
  }
  if (c.rules !== undefined && (typeof c.rules !== "object" || c.rules === null || Array.isArray(c.rules))) {
    throw new ConfigError(file, "rules", "expected an object of rule ids");
  }
  if (c.ignores !== undefined && !(Array.isArray(c.ignores) && c.ignores.every((g) => typeof g === "string"))) {
    throw new ConfigError(file, "ignores", "expected an array of glob strings");
  }
  if (c.overrides !== undefined) {
    if (!Array.isArray(c.overrides)) throw new ConfigError(file, "overrides", "expected an array");
    c.overrides.forEach((o: unknown, i: number) => {
      const key = `overrides[${i}]`;
      if (!o || typeof o !== "object") throw new ConfigError(file, key, "expected an object with files and rules");
      const files = (o as Record<string, unknown>).files;
      if (!(
        typeof files === "string" ||
        (Array.isArray(files) && files.length && files.every((f) => typeof f === "string"))
      )) {
        throw new ConfigError(file, `${key}.files`, "expected a glob or an array of globs");
      }
      for (const k of Object.keys(o))
        if (k !== "files" && k !== "rules")
          throw new ConfigError(file, `${key}.${k}`, "unknown key (allowed: files, rules)");
    });
  }
  if (c.diff !== undefined) checkDiff(c.diff, file);
  return c as ConfigObject;
}

const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string" && x.trim() !== "");

/** The `diff` key: lists that extend the classifier's knowledge (data/materiality.json). */
function checkDiff(diff: unknown, file: string): void {
  if (typeof diff !== "object" || diff === null || Array.isArray(diff))
    throw new ConfigError(file, "diff", "expected an object");
  const lists: readonly string[] = DIFF_SETTING_LISTS;
  for (const [key, value] of Object.entries(diff)) {
    const at = `diff.${key}`;
    if (lists.includes(key)) {
      if (!isStrings(value))
        throw new ConfigError(file, at, `expected an array of non-empty strings, got ${describe(value)}`);
      if (key !== "firstParty") checkPhrases(value, file, at);
    } else if (key === "equivalents") {
      if (!Array.isArray(value))
        throw new ConfigError(
          file,
          at,
          `expected an array of groups of words that mean the same, got ${describe(value)}`,
        );
      value.forEach((group: unknown, i: number) => {
        if (!isStrings(group) || group.length < 2)
          throw new ConfigError(
            file,
            `${at}[${i}]`,
            `expected an array of at least two strings, got ${describe(group)}`,
          );
      });
    } else if (key === "sections") {
      if (!value || typeof value !== "object" || Array.isArray(value))
        throw new ConfigError(file, at, `expected an object of section categories, got ${describe(value)}`);
      for (const [category, headings] of Object.entries(value)) {
        if (!(CATEGORIES as readonly string[]).includes(category))
          throw new ConfigError(
            file,
            `${at}.${category}`,
            `unknown section category (categories: ${CATEGORIES.join(", ")})`,
          );
        if (!isStrings(headings))
          throw new ConfigError(
            file,
            `${at}.${category}`,
            `expected an array of heading phrases, got ${describe(headings)}`,
          );
        checkPhrases(headings, file, `${at}.${category}`);
      }
    } else {
      throw new ConfigError(file, at, `unknown key (allowed: ${[...lists, "equivalents", "sections"].join(", ")})`);
    }
  }
}

/**
 * Vocabulary phrases become patterns (a `*` is any run of letters), vetted as the other patterns a configuration
 * writes.
 */
function checkPhrases(phrases: string[], file: string, key: string): void {
  checkPatterns(
    phrases.map((p, i) => ({ at: `[${i}]`, written: p, compile: () => phrasePattern(p) })),
    file,
    key,
  );
}
