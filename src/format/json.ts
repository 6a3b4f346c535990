import path from "node:path";
import type { Formatter } from "./types.js";

/** ESLint's JSON format, so tools that read ESLint output (reviewdog, code-climate converters) read ours. */
export const json: Formatter = (results, context) =>
  `${JSON.stringify(
    results.map((r) => ({
      filePath: path.resolve(context.cwd, r.filePath),
      messages: r.messages,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      fatalErrorCount: r.messages.filter((m) => m.fatal).length,
    })),
  )}\n`;
