import { parseDocument, type PolicyDocument } from "../parse/document.js";
import { ruleById } from "../../rules/index.js";
import type { RuleSettings } from "../config/load.js";
import { DirectiveFilter } from "./directives.js";
import { nodeRange } from "./node-range.js";
import type { Baseline, LintMessage, LintResult, RuleReport, Severity } from "./types.js";

export interface LintOptions {
  /** Rule settings for this file (see `settingsFor`). */
  rules: RuleSettings;
  /** YYYY-MM-DD; defaults to the current date (UTC). */
  today?: string;
  /**
   * How a disable directive that kept nothing from being reported is reported (`--report-unused-disable-directives`).
   */
  unusedDirectives?: Severity;
  /** The file's version at a revision (`check --against`), for the rules that compare with it. */
  baseline?: Baseline;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Lints one parsed document with the given settings. Messages come out sorted, so output is deterministic. */
export function lintDocument(doc: PolicyDocument, options: LintOptions): LintMessage[] {
  const today = options.today ?? todayUtc();
  const directives = new DirectiveFilter(doc);
  const messages: LintMessage[] = [];
  if (doc.frontMatter.error) {
    const at = doc.pointAt(doc.frontMatter.node?.position?.start.offset ?? 0);
    messages.push({
      ruleId: null,
      severity: 2,
      message: `Front matter is not valid YAML: ${doc.frontMatter.error}`,
      line: at.line,
      column: at.column,
      endLine: at.line,
      endColumn: at.column,
      fatal: true,
    });
  }
  for (const [id, setting] of options.rules) {
    if (setting.severity === "off") continue;
    const rule = ruleById(id)!;
    const severity = setting.severity === "error" ? 2 : 1;
    const report = ({ message, start, end, fix }: RuleReport) => {
      const from = doc.pointAt(start);
      const to = doc.pointAt(Math.max(start, end));
      const suppressions = directives.suppresses(id, from.line);
      const { line, column } = from;
      const found: LintMessage = {
        ruleId: id,
        severity,
        message,
        line,
        column,
        endLine: to.line,
        endColumn: to.column,
        ...(fix && { fix: { range: [fix.range[0], fix.range[1]] as [number, number], text: fix.text } }),
      };
      // Kept beside the others, marked, so the cache and the worker carry them unchanged; toResult sets them apart.
      messages.push(suppressions ? { ...found, suppressions } : found);
    };
    rule.check({
      doc,
      options: setting.options,
      today,
      baseline: options.baseline,
      report,
      reportNode: (node, message, last) => report({ message, ...nodeRange(doc, node, last) }),
    });
  }
  messages.push(
    ...directives.unknownRules((id) => ruleById(id) !== undefined),
    ...directives.unused(options.unusedDirectives ?? "off"),
  );
  return sortMessages(messages);
}

/** Lints a text with rule settings already resolved; the library's lintText resolves them from a configuration. */
export function lintWithSettings(text: string, filePath: string, options: LintOptions): LintResult {
  return toResult(filePath, lintDocument(parseDocument(text, filePath), options));
}

/** Paths in the order of their UTF-16 code units: the same on every machine and locale, as `localeCompare` is not. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortMessages(messages: LintMessage[]): LintMessage[] {
  return messages.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId ?? "").localeCompare(b.ruleId ?? "") ||
      a.message.localeCompare(b.message),
  );
}

export function toResult(filePath: string, all: LintMessage[]): LintResult {
  const messages = all.filter((m) => !m.suppressions);
  return {
    filePath,
    messages,
    suppressedMessages: all.filter((m) => m.suppressions),
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
  };
}
