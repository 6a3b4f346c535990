import path from "node:path";
import type { Formatter } from "./types.js";

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff. */
export const github: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = path.relative(context.cwd, result.filePath).split(path.sep).join("/") || result.filePath;
    for (const m of result.messages) {
      const level = m.severity === 2 ? "error" : "warning";
      const title = m.ruleId ? `policylint (${m.ruleId})` : "policylint";
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(title)}`,
      ];
      lines.push(`::${level} ${properties.join(",")}::${escapeData(m.message)}`);
    }
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
};

// The escaping GitHub's runner expects (toolkit/core's command.ts).
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
