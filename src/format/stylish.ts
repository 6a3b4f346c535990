import path from "node:path";
import { Chalk } from "chalk";
import { fixable } from "./json.js";
import type { Formatter } from "./types.js";

/** ESLint's default "stylish" layout: a block per file, a summary line, nothing when all is clean. */
export const stylish: Formatter = (results, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  const lines: string[] = [];
  for (const result of results) {
    const messages = result.messages.filter((m) => !m.fatal);
    errors += messages.filter((m) => m.severity === 2).length;
    warnings += messages.filter((m) => m.severity === 1).length;
    fixableErrors += fixable(result, 2);
    fixableWarnings += fixable(result, 1);
    if (!messages.length) continue;
    lines.push(chalk.underline(path.relative(context.cwd, result.filePath) || result.filePath));
    const rows = messages.map((m) => [
      `${m.line}:${m.column}`,
      m.severity === 2 ? chalk.red("error") : chalk.yellow("warning"),
      m.message,
      chalk.dim(m.ruleId ?? ""),
    ]);
    // A fold, not Math.max(...rows): a file with 150,000 findings would overflow the stack.
    const widths = [0, 1].map((i) => rows.reduce((width, r) => Math.max(width, visibleLength(r[i])), 0));
    for (const row of rows) {
      lines.push(`  ${pad(row[0], widths[0])}  ${pad(row[1], widths[1])}  ${row[2]}  ${row[3]}`);
    }
    lines.push("");
  }
  const total = errors + warnings;
  if (!total) return "";
  const summary =
    `✖ ${total} problem${total === 1 ? "" : "s"} ` +
    `(${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"})`;
  const bold = errors ? chalk.red.bold : chalk.yellow.bold;
  lines.push(bold(summary));
  // ESLint's line, word for word, so whoever knows ESLint knows what to run.
  if (fixableErrors || fixableWarnings) {
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
    const both = `${count(fixableErrors, "error")} and ${count(fixableWarnings, "warning")}`;
    lines.push(bold(`  ${both} potentially fixable with the \`--fix\` option.`));
  }
  return `${lines.join("\n")}\n`;
};

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, "").length;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - visibleLength(text)));
}
