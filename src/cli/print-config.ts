import { existsSync } from "node:fs";
import path from "node:path";
import { isIgnored, settingsFor, type ResolvedConfig } from "../config/load.js";
import { parseDocument } from "../parse/document.js";
import { documentKind, type DocumentKindInfo } from "../parse/kind.js";
import type { Severity } from "../engine/types.js";
import { readPolicyFile } from "./files.js";
import { UsageError } from "./errors.js";

/**
 * `check --print-config FILE`, as ESLint's: the configuration in force for one file (its overrides applied), where
 * it came from, whether the file is ignored, and the document kind the rules will read it as, with the reason (front
 * matter, title, file name…), so "why does this rule fire here?" has an answer without reading the code.
 */
export async function printConfig(file: string, config: ResolvedConfig, cwd: string): Promise<string> {
  const absolute = path.resolve(cwd, file);
  const rules: Record<string, [Severity] | [Severity, Record<string, unknown>]> = {};
  for (const [id, setting] of [...settingsFor(config, absolute)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const options = setting.options && Object.keys(setting.options).length ? setting.options : undefined;
    rules[id] = options ? [setting.severity, options] : [setting.severity];
  }
  let kind: DocumentKindInfo | { kind: null; reason: string } = { kind: null, reason: "the file does not exist yet" };
  if (existsSync(absolute)) {
    const read = await readPolicyFile(file, cwd);
    if ("problem" in read) throw new UsageError(`${file}: ${read.problem}`);
    kind = documentKind(parseDocument(read.text, file));
  }
  const report = {
    filePath: absolute,
    configFile: config.file,
    ignored: isIgnored(config, absolute),
    kind: kind.kind,
    kindReason: kind.reason,
    rules,
    diff: config.diff,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
