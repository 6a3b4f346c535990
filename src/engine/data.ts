import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package root, whether running from `src/` (tests) or the built `dist/src/`. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, "package.json")) && existsSync(path.join(d, "rules"))) return d;
    if (path.dirname(d) === d) return dir;
  }
}

export function ruleDataPath(name: string): string {
  return path.join(PACKAGE_ROOT, "rules", "data", `${name}.json`);
}

/** Rule vocabularies are JSON under rules/data/, so they can be read, reviewed and extended without code. */
export function loadRuleData<T>(name: string): T {
  return JSON.parse(readFileSync(ruleDataPath(name), "utf8")) as T;
}
