import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The classifier's knowledge file, data/materiality.json at the package root. It is the classifier's own, not a
 * rule's vocabulary (those live in rules/data and engine/data.ts reads them). Found by walking up from this module,
 * which is src/classify in tests, dist/src/classify in the library and dist/cli in the bundle (whose import.meta.url
 * is the bundle's): the package root above each holds data/.
 */
const FILE = path.join("data", "materiality.json");

export function materialityPath(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, FILE))) return path.join(dir, FILE);
    if (path.dirname(dir) === dir) throw new Error(`policylint: ${FILE} not found above ${start}`);
  }
}

export function loadMateriality<T>(): T {
  return JSON.parse(readFileSync(materialityPath(), "utf8")) as T;
}
