import type { Command } from "commander";
import { allRules } from "../../rules/index.js";
import { BUILT_IN_PRESETS } from "../config/presets.js";
import { ruleDocsUrl } from "../engine/types.js";

export function registerRules(program: Command): void {
  program
    .command("rules")
    .summary("list every rule and preset")
    .description("List every rule with its default severity and description, and every built-in preset.")
    .option("--json", "print the rules' metadata as JSON")
    .action((flags: { json?: boolean }) => {
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(allRules.map((r) => ({ ...r.meta, docs: ruleDocsUrl(r.meta.id) })), null, 2)}\n`);
        return;
      }
      const width = Math.max(...allRules.map((r) => r.meta.id.length));
      const lines = ["Rules:"];
      for (const { meta } of allRules) {
        lines.push(`  ${meta.id.padEnd(width)}  ${meta.defaultSeverity.padEnd(5)}  ${meta.description}`);
        for (const [name, spec] of Object.entries(meta.options)) {
          lines.push(`  ${" ".repeat(width)}         option ${name} (${spec.type}, default ${JSON.stringify(spec.default).slice(0, 60)}): ${spec.description}`);
        }
      }
      lines.push("", "Presets (use with \"extends\"):");
      for (const [name, preset] of Object.entries(BUILT_IN_PRESETS)) {
        const rules = Object.entries(preset.rules ?? {}).map(([id, entry]) => `${id}: ${JSON.stringify(entry)}`);
        lines.push(`  ${name}`, ...rules.map((r) => `      ${r}`));
      }
      lines.push("", "Each rule's documentation: docs/rules/<rule-id>.md");
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
