import path from "node:path";
import { ruleDocsUrl } from "../engine/types.js";
import type { Formatter } from "./types.js";

const LEVEL = { error: "error", warn: "warning", off: "none" } as const;

/** SARIF 2.1.0, the format GitHub code scanning and most security dashboards ingest. */
export const sarif: Formatter = (results, context) => {
  const ruleIndex = new Map(context.rules.map((r, i) => [r.id, i]));
  const uri = (file: string) => encodeURI(path.relative(context.cwd, file).split(path.sep).join("/") || file);
  const findings = [];
  const notifications = [];
  for (const result of results) {
    for (const m of result.messages) {
      const location = {
        physicalLocation: {
          artifactLocation: { uri: uri(result.filePath), uriBaseId: "%SRCROOT%" },
          region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
        },
      };
      if (m.fatal || m.ruleId === null) {
        notifications.push({ level: "error", message: { text: m.message }, locations: [location] });
        continue;
      }
      findings.push({
        ruleId: m.ruleId,
        ruleIndex: ruleIndex.get(m.ruleId),
        level: m.severity === 2 ? "error" : "warning",
        message: { text: m.message },
        locations: [location],
      });
    }
  }
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "policylint",
            version: context.version,
            informationUri: "https://github.com/policylint/policylint",
            rules: context.rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: r.rationale ?? r.description },
              helpUri: ruleDocsUrl(r.id),
              help: { text: `${r.description}. See ${ruleDocsUrl(r.id)}` },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results: findings,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
