import type { PolicyDocument } from "../parse/document.js";
import { documentText } from "../parse/text.js";
import type { LintMessage, Severity } from "./types.js";

const DIRECTIVE = /^<!--\s*policylint-(disable-next-line|disable-line|disable|enable)(?![\w-])([^]*?)-->$/;
// ESLint's convention: what follows " -- " is the reason, for reviewers ("-- approved by counsel, 2026-03").
const REASON = /(?:^|\s)--(?:\s|$)[^]*$/;

type Kind = "disable-next-line" | "disable-line" | "disable" | "enable";

interface Directive {
  kind: Kind;
  /** The rules named, or "all" when none is. */
  rules: string[] | "all";
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The line a -line / -next-line directive covers. */
  target: number;
  /** It kept at least one finding from being reported. */
  used: boolean;
  /** The words after " -- ", or "". */
  justification: string;
}

/**
 * Decides from `<!-- policylint-disable … -->` comments whether a rule may report on a line, the way
 * `eslint-disable` and markdownlint's inline configuration do: no rule list means every rule, and `-- reason` after
 * the list is a note for people. It also reports what ESLint reports: a rule name it does not know (a typo would
 * otherwise disable nothing, silently) and, when asked, a directive that kept nothing from being reported.
 */
export class DirectiveFilter {
  private readonly directives: Directive[] = [];

  constructor(doc: PolicyDocument) {
    for (const { node } of documentText(doc).html) {
      const match = DIRECTIVE.exec(node.value.trim());
      if (!match || !node.position) continue;
      const kind = match[1] as Kind;
      const reason = REASON.exec(match[2]);
      const names = match[2]
        .slice(0, reason?.index)
        .split(/[\s,]+/)
        .filter(Boolean);
      const { start, end } = node.position;
      const target = kind === "disable-line" ? start.line : end.line + 1;
      this.directives.push({
        kind,
        rules: names.length ? names : "all",
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        target,
        used: false,
        justification: reason ? reason[0].trim().replace(/^--\s*/, "") : "",
      });
    }
  }

  /**
   * The reason, when a directive keeps `ruleId` from reporting on `line` (ESLint's `suppressions`), else undefined;
   * the directive is remembered as used.
   */
  suppresses(ruleId: string, line: number): { kind: "directive"; justification: string }[] | undefined {
    const names = (d: Directive) => d.rules === "all" || d.rules.includes(ruleId);
    let deciding = this.directives.find((d) => d.kind.endsWith("line") && d.target === line && names(d));
    if (!deciding) {
      for (const d of this.directives) {
        if (d.line > line) break;
        if ((d.kind === "disable" || d.kind === "enable") && names(d)) deciding = d;
      }
    }
    if (!deciding || deciding.kind === "enable") return undefined;
    deciding.used = true;
    return [{ kind: "directive", justification: deciding.justification }];
  }

  /** A message for every rule name no rule has (ESLint: "Definition for rule … was not found"), as errors. */
  unknownRules(known: (id: string) => boolean): LintMessage[] {
    return this.directives.flatMap((d) =>
      d.rules === "all"
        ? []
        : d.rules
            .filter((id) => !known(id))
            .map((id) => this.message(d, 2, `Unknown rule "${id}" in a policylint-${d.kind} comment`)),
    );
  }

  /** After every rule ran: the disable directives that kept nothing from being reported. */
  unused(severity: Severity): LintMessage[] {
    if (severity === "off") return [];
    return this.directives
      .filter((d) => d.kind !== "enable" && !d.used)
      .map((d) => {
        const what = d.rules === "all" ? "" : ` from ${d.rules.map((r) => `"${r}"`).join(", ")}`;
        return this.message(
          d,
          severity === "error" ? 2 : 1,
          `Unused policylint-${d.kind} directive (no problems were reported${what})`,
        );
      });
  }

  private message(d: Directive, severity: 1 | 2, message: string): LintMessage {
    return {
      ruleId: null,
      severity,
      message,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
    };
  }
}
