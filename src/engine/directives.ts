import type { PolicyDocument } from "../parse/document.js";
import { documentText } from "../parse/text.js";

const DIRECTIVE = /^<!--\s*policylint-(disable-next-line|disable-line|disable|enable)(?![\w-])([^]*?)-->$/;

interface Toggle {
  line: number;
  kind: "disable" | "enable";
  rules: string[] | "all";
}

/**
 * Decides from `<!-- policylint-disable … -->` comments whether a rule may report on a line, the way
 * `eslint-disable` and markdownlint's inline configuration do: no rule list means every rule.
 */
export class DirectiveFilter {
  private readonly toggles: Toggle[] = [];
  private readonly lineOnly = new Map<number, string[] | "all">();
  readonly mentionedRules = new Set<string>();

  constructor(doc: PolicyDocument) {
    for (const { node } of documentText(doc).html) {
      const match = DIRECTIVE.exec(node.value.trim());
      if (!match || !node.position) continue;
      const [, kind, list] = match;
      const names = list.split(/[\s,]+/).filter(Boolean);
      const rules = names.length ? names : "all";
      if (Array.isArray(rules)) for (const r of rules) this.mentionedRules.add(r);
      if (kind === "disable" || kind === "enable") this.toggles.push({ line: node.position.start.line, kind, rules });
      else {
        const line = kind === "disable-line" ? node.position.start.line : node.position.end.line + 1;
        this.lineOnly.set(line, merge(this.lineOnly.get(line), rules));
      }
    }
  }

  allows(ruleId: string, line: number): boolean {
    const onLine = this.lineOnly.get(line);
    if (onLine && (onLine === "all" || onLine.includes(ruleId))) return false;
    let enabled = true;
    for (const toggle of this.toggles) {
      if (toggle.line > line) break;
      if (toggle.rules === "all" || toggle.rules.includes(ruleId)) enabled = toggle.kind === "enable";
    }
    return enabled;
  }
}

function merge(a: string[] | "all" | undefined, b: string[] | "all"): string[] | "all" {
  if (!a) return b;
  if (a === "all" || b === "all") return "all";
  return [...a, ...b];
}
