import type { WrittenPattern } from "../engine/types.js";
import { superLinearReason } from "./regex-safety.js";
import { ConfigError } from "./schema.js";

/**
 * Compiles and vets the regular expressions a configuration writes, as it loads: a pattern that does not compile
 * would otherwise fail every file, and one that can backtrack super-linearly could hang a run on one line of text.
 */
export function checkPatterns(patterns: WrittenPattern[], file: string, key: string): void {
  for (const pattern of patterns) {
    let compiled: RegExp;
    try {
      compiled = pattern.compile();
    } catch (error) {
      throw new ConfigError(file, `${key}${pattern.at}`, String((error as Error).message).split("\n")[0]);
    }
    const reason = superLinearReason(compiled);
    if (reason)
      throw new ConfigError(file, `${key}${pattern.at}`, `"${pattern.written}" can take super-linear time: ${reason}`);
  }
}
