import { Chalk } from "chalk";
import type { DiffResult } from "../types.js";
import { counts, groupByPlace, plural } from "./common.js";

/** One line per changed section with its counts, then a total: the `git diff --stat` of a policy. */
export function renderStat(result: DiffResult, options: { color?: boolean } = {}): string {
  if (!result.changes.length) return "no changes\n";
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const groups = groupByPlace(result.changes);
  const width = Math.min(
    60,
    groups.reduce((max, g) => Math.max(max, g.place.length), 0),
  );
  const fit = (s: string): string => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));
  const symbols = (g: (typeof groups)[number]): string => {
    const n = (kind: string) => g.changes.filter((ch) => ch.kind === kind).length;
    return [
      c.green("+".repeat(Math.min(n("added"), 20))),
      c.red("-".repeat(Math.min(n("removed"), 20))),
      c.yellow("~".repeat(Math.min(n("modified") + n("renamed"), 20))),
      c.magenta(">".repeat(Math.min(n("moved"), 20))),
    ].join("");
  };
  const lines = groups.map((g) => ` ${fit(g.place)} | ${String(g.changes.length).padStart(3)} ${symbols(g)}`);
  lines.push(
    ` ${plural(groups.length, "section")} changed, ` +
      `${plural(result.changes.length, "change")}: ${counts(result.changes)}`,
  );
  return `${lines.join("\n")}\n`;
}
