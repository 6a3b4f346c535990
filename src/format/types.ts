import type { LintResult, RuleMeta } from "../engine/types.js";

export interface FormatContext {
  /** Paths in the output are relative to this folder (absolute in `json`, as ESLint writes them). */
  cwd: string;
  /** Metadata of every rule, for formats that describe the rules they report (SARIF). */
  rules: RuleMeta[];
  color: boolean;
  version: string;
}

export type Formatter = (results: LintResult[], context: FormatContext) => string;
