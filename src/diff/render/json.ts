import type { DiffResult } from "../types.js";

/** The stable machine contract (docs/diff.md). */
export function renderJson(result: DiffResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
