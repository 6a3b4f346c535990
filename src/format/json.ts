import path from "node:path";
import type { LintResult } from "../engine/types.js";
import type { Formatter } from "./types.js";

/**
 * ESLint's JSON format, every field of it, so tools that read ESLint output (reviewdog, code-climate converters,
 * ESLint's own formatters) read ours: a message's `fix`, the fixable counts (messages that carry a fix), and `output`,
 * the fixed text, where `--fix` or `--fix-dry-run` changed it. No rule is deprecated.
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
      fixableErrorCount: fixable(r, 2),
      fixableWarningCount: fixable(r, 1),
      ...(r.output !== undefined && { output: r.output }),
      usedDeprecatedRules: [],
    })),
  )}\n`;

/** The messages of this severity that carry a fix (ESLint's fixableErrorCount and fixableWarningCount). */
export function fixable(result: LintResult, severity: 1 | 2): number {
  return result.messages.filter((m) => m.fix && m.severity === severity).length;
}
