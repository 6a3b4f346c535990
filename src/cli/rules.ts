import type { Command } from "commander";
import { allRules } from "../../rules/index.js";
import { BUILT_IN_PRESETS } from "../config/presets.js";
import { ruleDocsUrl } from "../engine/types.js";
import { disclosureList } from "../../rules/required-sections.js";

export function registerRules(program: Command): void {
  program
    .command("rules")
    .summary("list every rule and preset")
    .description("List every rule with its default severity and description, and every built-in preset.")
    .option("--json", "print the rules' metadata as JSON")
    .addHelpText("after", "\nExamples:\n  $ policylint rules\n  $ policylint rules --json | jq '.[].id'")
    .action((flags: { json?: boolean }) => {
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify(
            allRules.map((r) => ({ ...r.meta, docs: ruleDocsUrl(r.meta.id) })),
            null,
            2,
          )}\n`,
        );
        return;
      }
      const width = Math.max(...allRules.map((r) => r.meta.id.length));
      const lines = ["Rules:"];
      for (const { meta } of allRules) {
        lines.push(`  ${meta.id.padEnd(width)}  ${meta.defaultSeverity.padEnd(5)}  ${meta.description}`);
        for (const [name, spec] of Object.entries(meta.options)) {
          lines.push(
            `  ${" ".repeat(width)}         option ${name} ` +
              `(${spec.type}, default ${JSON.stringify(spec.default).slice(0, 60)}): ${spec.description}`,
          );
        }
      }
      lines.push("", 'Presets (use with "extends"):');
      for (const [name, preset] of Object.entries(BUILT_IN_PRESETS)) {
        lines.push(`  ${name}`);
        for (const [id, entry] of Object.entries(preset.rules ?? {})) {
          lines.push(`      ${id}: ${JSON.stringify(entry)}`);
          const named = Array.isArray(entry) ? entry[1]?.disclosures : undefined;
          const lists = Array.isArray(named) ? (named as string[]) : [];
          for (const list of lists) {
            for (const d of disclosureList(list).disclosures) {
              const source = [d.law, d.source].filter(Boolean).join(" ");
              lines.push(`        - ${d.name}${source ? ` (${source})` : ""}${d.when ? ` [${d.when}]` : ""}`);
            }
          }
        }
      }
      lines.push("", "Each rule's documentation: docs/rules/<rule-id>.md; the presets' disclosures: docs/presets.md");
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
