import path from "node:path";
import type { Formatter } from "./types.js";

/**
 * ESLint's JSON format, every field of it, so tools that read ESLint output (reviewdog, code-climate converters,
 * ESLint's
 * own formatters) read ours. No rule has fixes yet, so the fixable counts are 0; no rule is deprecated.
 */
export const json: Formatter = (results, context) =>
  `${JSON.stringify(
    results.map((r) => ({
      filePath: path.resolve(context.cwd, r.filePath),
      messages: r.messages,
      suppressedMessages: r.suppressedMessages,
      errorCount: r.errorCount,
      fatalErrorCount: r.fatalErrorCount,
      warningCount: r.warningCount,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    })),
  )}\n`;
