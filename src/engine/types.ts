import type { Node } from "mdast";
import type { PolicyDocument } from "../parse/document.js";

export type Severity = "off" | "warn" | "error";

export interface OptionSpec {
  type: "string" | "number" | "boolean" | "string[]" | "object[]" | "object";
  default: unknown;
  description: string;
  /** Presets that set this option add to it instead of replacing it (e.g. lists of required disclosures). */
  merge?: "union";
  /** Allowed values for a string option. */
  enum?: string[];
  /** Names this option had before: a configuration that uses one still works, and the rule's docs say so. */
  formerNames?: string[];
  /** The regular expressions a value of this option holds, so that the configuration vets them when it loads. */
  patterns?: (value: unknown) => WrittenPattern[];
}

/** A regular expression as a configuration writes it. */
export interface WrittenPattern {
  /** Where it sits in the option's value: "[0]", "[2].body[1]". */
  at: string;
  written: string;
  /** The expression as the rule runs it; throws, with the reason as its message, when it cannot be built. */
  compile: () => RegExp;
}

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  options: Record<string, OptionSpec>;
  /** Why the rule exists, for its documentation page. */
  rationale?: string;
  /** Short documents for the rule's documentation page; each is linted there to show what the rule reports. */
  examples?: RuleExample[];
  /** Set when the rule's reports may carry a fix that `check --fix` applies (ESLint's `meta.fixable`). */
  fixable?: "code";
}

export interface RuleExample {
  title: string;
  markdown: string;
  options?: Record<string, unknown>;
  /** The version at a revision it is linted against, for a rule that compares with one (`check --against`). */
  baseline?: Baseline;
}

/**
 * An edit that mends a problem, in ESLint's shape: replace the source between two UTF-16 offsets of the text as parsed
 * (without a byte order mark) with `text`.
 */
export interface Fix {
  range: [number, number];
  text: string;
}

/** What a rule reports: a message and the source range it is about. */
export interface RuleReport {
  message: string;
  /** Source offsets (of the text as parsed). */
  start: number;
  end: number;
  /** A safe edit that mends it, applied by `check --fix`; only a rule whose meta says `fixable` gives one. */
  fix?: Fix;
}

/**
 * The file's version at a git revision (`check --against REV`), as far as rules need it: what the diff found changed
 * in meaning, and the date that version stated. The engine compares the two versions once, before the rules run; a
 * rule sees only this, so no rule depends on the diff.
 */
export interface Baseline {
  /** The revision as the user named it ("HEAD"). */
  rev: string;
  /** The changes of meaning since `rev` in words ("1 material change"), or null when there are none. */
  meaningChanged: string | null;
  /** The date the version at `rev` states (as the diff reads it), or null when it states none. */
  stated: { text: string; isoDate: string | null } | null;
}

export interface RuleContext<Options = Record<string, unknown>> {
  doc: PolicyDocument;
  options: Options;
  /** The date date-based rules compare against, YYYY-MM-DD. */
  today: string;
  /** The file's version at the revision `check --against` names; undefined without it or for a file new since. */
  baseline?: Baseline;
  report(report: RuleReport): void;
  /**
   * Reports `node` where the tree places it, from its start to the end of `last` (the node itself unless given: the
   * last of a run of siblings, such as a heading's text without its `#` markers). A node without a position (one a
   * rule built) is reported at the start of its section, or of the document: never dropped, never thrown on.
   */
  reportNode(node: Node, message: string, last?: Node): void;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  check(context: RuleContext<Options>): void;
}

/** One message of a result, in ESLint's shape so existing tooling reads it. */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A file that could not be read or parsed at all. */
  fatal?: boolean;
  /** The rule's safe edit for it (see `Fix`), which `check --fix` applies. */
  fix?: Fix;
  /** Set on a finding a `policylint-disable` comment kept from being reported (ESLint's `suppressedMessages`). */
  suppressions?: { kind: "directive"; justification: string }[];
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  /** Findings that inline directives kept from being reported, each with the directive's reason. */
  suppressedMessages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  /** The fixed text, when `--fix` or `--fix-dry-run` changed it (ESLint's `output`); absent otherwise. */
  output?: string;
}

export const DOCS_BASE = "https://github.com/policylint/policylint/blob/main/docs/rules";

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}/${id}.md`;
}
