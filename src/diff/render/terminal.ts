import { Chalk, type ChalkInstance } from "chalk";
import type { Change, DiffResult, EditPart } from "../types.js";
import { countWords, counts, describeFile, elide, groupByPlace, plural, TARGET_LABEL, truncate } from "./common.js";
import { describeChange, isClassified, material, summaryLine } from "./significance.js";

export interface TerminalOptions {
  color?: boolean;
}

/**
 * Grouped by section path; removed words red and struck, added words green and underlined ([-…-]{+…+} without colour).
 */
export function renderTerminal(result: DiffResult, options: TerminalOptions = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (!result.changes.length) return "no changes\n";
  const lines: string[] = [c.bold(`policylint diff ${describeFile(result)}`)];
  const oldDate = result.old.stated?.text;
  const newDate = result.new.stated?.text;
  const dates = oldDate || newDate ? ` · last updated ${oldDate ?? "(none)"} → ${newDate ?? "(none)"}` : "";
  lines.push(c.dim(`${plural(result.changes.length, "change")}: ${counts(result.changes)}${dates}`));
  if (isClassified(result)) lines.push(...leading(result, c));
  for (const group of groupByPlace(result.changes)) {
    lines.push("", c.bold.cyan(group.place));
    for (const change of group.changes) {
      lines.push(`  ${tag(change, c)}${describe(change, c)}`);
      if (change.significance && change.significance !== "editorial")
        for (const r of change.reasons ?? []) lines.push(c.dim(`      ${r.code}: ${r.message}`));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Material changes and their reasons first, then the date problems: what decides whether readers must be told. */
function leading(
  result: DiffResult & { summary: object; problems: { code: string; severity: string; message: string }[] },
  c: ChalkInstance,
): string[] {
  const lines = [(result.material ? c.bold.red : c.bold)(summaryLine(result))];
  const found = material(result);
  if (found.length) {
    lines.push("", c.bold.red("Material changes"));
    for (const { place, change } of found) {
      lines.push(`  ${c.bold(place)}: ${describeChange(change)} ${c.dim(`(line ${lineOf(change)})`)}`);
      for (const r of change.reasons ?? []) lines.push(`    ${c.red(r.code)}: ${r.message}`);
    }
  }
  if (result.problems.length) {
    lines.push("", c.bold("Problems"));
    for (const p of result.problems)
      lines.push(`  ${p.severity === "warning" ? c.yellow(p.severity) : c.dim(p.severity)} ${p.code}: ${p.message}`);
  }
  if (found.length || result.problems.length) lines.push("", c.bold("All changes"));
  return lines;
}

function tag(change: Change, c: ChalkInstance): string {
  if (!change.significance) return "";
  const colour = change.significance === "material" ? c.red : change.significance === "substantive" ? c.yellow : c.dim;
  return colour(`[${change.significance}] `);
}

const MARK: Record<Change["kind"], string> = { added: "+", removed: "-", modified: "~", moved: ">", renamed: "=" };

function describe(change: Change, c: ChalkInstance): string {
  const colour =
    change.kind === "added"
      ? c.green
      : change.kind === "removed"
        ? c.red
        : change.kind === "moved"
          ? c.magenta
          : c.yellow;
  const head = colour(`${MARK[change.kind]} ${change.kind} ${TARGET_LABEL[change.target]}`);
  const where = c.dim(` (line ${lineOf(change)})`);
  return `${head}${context(change, c)}: ${body(change, c)}${where}`;
}

function context(change: Change, c: ChalkInstance): string {
  if (change.field) return ` ${c.bold(change.field)}`;
  if (change.row !== undefined) return ` ${c.bold(`“${change.row}”`)}${change.column ? ` › ${change.column}` : ""}`;
  if (change.linkText) return ` ${c.bold(`“${truncate(change.linkText, 60)}”`)}`;
  return "";
}

function body(change: Change, c: ChalkInstance): string {
  const old = change.old;
  const now = change.new;
  if (
    change.target === "section" ||
    change.target === "clause" ||
    (change.target === "table" && (now ?? old)?.content !== undefined)
  ) {
    const side = (now ?? old)!;
    const words = side.content === undefined ? "" : c.dim(` [${plural(countWords(side.content), "word")}]`);
    const from =
      change.kind === "moved" && old ? c.dim(` from ${old.path.slice(0, -1).join(" › ") || "top level"}`) : "";
    return `${change.edits.length ? edits(change.edits, c) : `“${side.text}”`}${words}${from}`;
  }
  if (change.target === "link")
    return `${old ? c.red(old.text) : ""}${old && now ? " → " : ""}${now ? c.green(now.text) : ""}`;
  if (change.edits.length) return edits(elide(change.edits), c);
  if (change.kind === "added") return c.green(truncate(now!.text));
  if (change.kind === "removed") return c.red(truncate(old!.text));
  return truncate((now ?? old)!.text);
}

function edits(parts: readonly EditPart[], c: ChalkInstance): string {
  const plain = c.level === 0;
  return parts
    .map((e) => {
      const text = e.text.replace(/(?<!\s)\s*\n\s*/g, " ");
      if (e.op === "equal") return text;
      if (e.op === "delete") return plain ? `[-${text}-]` : c.red.strikethrough(text);
      return plain ? `{+${text}+}` : c.green.underline(text);
    })
    .join("");
}

function lineOf(change: Change): string {
  const o = change.old?.line;
  const n = change.new?.line;
  if (change.kind === "moved" && o != null && n != null && o !== n) return `${o} → ${n}`;
  return String(n ?? o ?? "-");
}
