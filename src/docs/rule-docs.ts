import { allRules } from "../../rules/index.js";
import { BUILT_IN_PRESETS } from "../config/presets.js";
import { resolveConfig } from "../config/load.js";
import { lintWithSettings } from "../engine/lint.js";
import type { Rule } from "../engine/types.js";

const EXAMPLE_TODAY = "2026-11-25";

/** One documentation page per rule, made from its metadata; examples are linted, so the page shows real output. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any rule, whatever its options type
export function renderRuleDoc(rule: Rule<any>): string {
  const { meta } = rule;
  const presets = Object.entries(BUILT_IN_PRESETS)
    .filter(([, preset]) => preset.rules && meta.id in preset.rules)
    .map(([name]) => `\`${name}\``);
  const lines = [
    `# ${meta.id}`,
    "",
    `${meta.description}.`,
    "",
    `- Default severity: \`${meta.defaultSeverity}\``,
    `- In presets: ${presets.length ? presets.join(", ") : "none (turn it on in `rules`)"}`,
    ...(meta.fixable ? ["- Fixable: yes, `policylint check --fix` applies its fix (`--fix-dry-run` shows it)"] : []),
    "",
  ];
  if (meta.rationale) lines.push("## Why", "", meta.rationale, "");
  const options = Object.entries(meta.options);
  lines.push("## Options", "");
  if (!options.length) lines.push("None.", "");
  else {
    lines.push("| option | type | default | meaning |", "| --- | --- | --- | --- |");
    for (const [name, spec] of options) {
      const value = JSON.stringify(spec.default);
      const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
      const former = spec.formerNames?.map((n) => `\`${n}\``).join(", ");
      const meaning = former
        ? `${spec.description} Formerly ${former}, still accepted (deprecated).`
        : spec.description;
      const cell = (text: string) => text.replace(/\|/g, "\\|");
      lines.push(`| \`${name}\` | ${spec.type} | \`${cell(shown)}\` | ${cell(meaning)} |`);
    }
    lines.push("");
  }
  if (meta.examples?.length) {
    lines.push("## Examples", "");
    for (const example of meta.examples) {
      const entry = example.options ? ["error", example.options] : "error";
      const config = resolveConfig({ rules: { [meta.id]: entry } }, null, process.cwd());
      const settings = { rules: config.rules, today: EXAMPLE_TODAY, baseline: example.baseline };
      const { messages } = lintWithSettings(example.markdown, "example.md", settings);
      lines.push(`### ${example.title}`, "");
      if (example.options) lines.push(`With options \`${JSON.stringify(example.options)}\`:`, "");
      if (example.baseline) {
        const was = example.baseline.stated?.text ?? "no date";
        lines.push(`Checked \`--against ${example.baseline.rev}\`, whose version stated ${was}:`, "");
      }
      lines.push("```md", example.markdown.trimEnd(), "```", "");
      lines.push(messages.length ? "Reports:" : "Reports nothing.", "");
      if (messages.length) {
        const shown = (m: (typeof messages)[number]) =>
          `${m.line}:${m.column}  ${m.message}${m.fix ? ` (--fix writes "${m.fix.text}")` : ""}`;
        lines.push("```text", ...messages.map(shown), "```", "");
      }
    }
  }
  lines.push("## Turning it off", "", "```json", `{ "rules": { "${meta.id}": "off" } }`, "```", "");
  lines.push(`Or for one place: \`<!-- policylint-disable-next-line ${meta.id} -->\`.`, "");
  return lines.join("\n");
}

export function renderAllRuleDocs(): Map<string, string> {
  return new Map(allRules.map((rule) => [`${rule.meta.id}.md`, renderRuleDoc(rule)]));
}
