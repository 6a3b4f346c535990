/**
 * The library API: the same engine the CLI uses.
 *
 *   import { lint, diff, loadConfig, formatters } from "policylint";
 *   const results = await lint(["legal/privacy.md"]);
 *   process.stdout.write(formatters.stylish(results, { cwd: process.cwd(), rules: [], color: false, version: "" }));
 *   const { changes, material } = diff(oldText, newText, { old: "v1.md", new: "v2.md" });
 *   const page = renderHtml(diff(oldText, newText), { old: oldText, new: newText });
 *   const { versions } = await history("legal/privacy.md");
 */
import path from "node:path";
import { loadConfig, settingsFor, type ResolvedConfig } from "./config/load.js";
import { lintWithSettings, todayUtc } from "./engine/lint.js";
import { checkPaths } from "./engine/run.js";
import type { LintResult } from "./engine/types.js";

export { loadConfig, resolveConfig, ConfigError, type ResolvedConfig } from "./config/load.js";
export { formatters, type Formatter, type FormatContext } from "./format/index.js";
export { parseDocument, type PolicyDocument, type Section } from "./parse/document.js";
export { documentKind, type DocumentKind, type DocumentKindInfo } from "./parse/kind.js";
export { allRules } from "../rules/index.js";
export type {
  Baseline,
  Fix,
  LintMessage,
  LintResult,
  Rule,
  RuleContext,
  RuleExample,
  RuleMeta,
  RuleReport,
  Severity,
} from "./engine/types.js";
export { compare, diff, notice, type Compared, type NoticeOptions } from "./compare.js";
export {
  classify,
  type ClassifiedChange,
  type ClassifiedResult,
  type ClassifyOptions,
  type DiffSettings,
  type Finding,
} from "./classify/index.js";
export type { NoticeFormat } from "./classify/notice.js";
export {
  diffTexts,
  diffDocuments,
  renderJson,
  renderMarkdown,
  renderStat,
  renderTerminal,
  renderHtml,
  type Change,
  type DiffResult,
} from "./diff/index.js";

export { history, type History, type HistoryOptions, type Version, type BrokenPromise } from "./git/history.js";

export interface LintOptions {
  /** Folder that paths and config discovery start from (default: process.cwd()). */
  cwd?: string;
  /** A loaded configuration; default: discovered from cwd, as the CLI does. */
  config?: ResolvedConfig;
  /** YYYY-MM-DD the date rules compare against (default: today, UTC). */
  today?: string;
}

/** Lints files, directories and globs as `policylint check` does. Unreadable files come back as fatal messages. */
export async function lint(paths: string[], options: LintOptions = {}): Promise<LintResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? (await loadConfig({ cwd }));
  const { results } = await checkPaths(paths, { cwd, config, today: options.today ?? todayUtc() });
  return results;
}

/** Lints a policy given as text; `filePath` picks the config overrides that apply and names the result. */
export async function lintText(text: string, options: LintOptions & { filePath?: string } = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? (await loadConfig({ cwd }));
  const filePath = options.filePath ?? "<text>";
  const rules = settingsFor(config, path.resolve(cwd, filePath));
  return lintWithSettings(text, filePath, { rules, today: options.today ?? todayUtc() });
}
