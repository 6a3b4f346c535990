import type { Change, DiffResult } from "../types.js";
import { counts, describeFile, groupByPlace, plural, TARGET_LABEL } from "./common.js";
import { describeChange, isClassified, material, summaryLine } from "./significance.js";

/** Release notes a legal team can paste: grouped by section, old and new wording quoted in full. */
export function renderMarkdown(result: DiffResult): string {
  if (!result.changes.length) return "no changes\n";
  const out: string[] = [`## Policy changes: ${escape(describeFile(result))}`, ""];
  const dates =
    result.old.stated || result.new.stated
      ? `Last updated: ${escape(result.old.stated?.text ?? "(none)")} → ` +
        `${escape(result.new.stated?.text ?? "(none)")}. `
      : "";
  out.push(`${dates}${plural(result.changes.length, "change")}: ${counts(result.changes)}.`);
  if (isClassified(result)) {
    out.push("", `**${escape(summaryLine(result))}**`);
    const found = material(result);
    if (found.length) {
      out.push("", "### Material changes", "");
      for (const { place, change } of found) {
        out.push(`- **${escape(place)}**: ${escape(describeChange(change))}`);
        for (const r of change.reasons ?? []) out.push(`  - \`${r.code}\`: ${escape(r.message)}`);
      }
    }
    if (result.problems.length) {
      out.push("", "### Problems", "");
      for (const p of result.problems) out.push(`- ${p.severity} \`${p.code}\`: ${escape(p.message)}`);
    }
    if (found.length || result.problems.length) out.push("", "## All changes");
  }
  for (const group of groupByPlace(result.changes)) {
    out.push("", `### ${escape(group.place)}`, "");
    for (const change of group.changes) append(out, [...item(change), ...why(change), ""]);
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

const VERB: Record<Change["kind"], string> = {
  added: "Added",
  removed: "Removed",
  modified: "Changed",
  moved: "Moved",
  renamed: "Renamed",
};

function item(change: Change): string[] {
  const title = `**${VERB[change.kind]} ${TARGET_LABEL[change.target]}**`;
  const old = change.old;
  const now = change.new;
  if (change.target === "link") {
    const under = change.linkText ? ` under “${escape(change.linkText)}”` : "";
    const targets = [old && code(old.text), now && code(now.text)].filter(Boolean).join(" → ");
    return [`- ${title}${under}${rowContext(change)}: ${targets}`];
  }
  if (change.target === "table-cell") {
    return [
      `- ${title} “${escape(change.row ?? "")}”, *${escape(change.column ?? "")}*: ` +
        `“${escape(old!.text)}” → “${escape(now!.text)}”`,
    ];
  }
  if (change.field) {
    const values = [old && `“${escape(old.text)}”`, now && `“${escape(now.text)}”`].filter(Boolean).join(" → ");
    return [`- ${title} \`${change.field}\`: ${values}`];
  }
  if (change.kind === "renamed") return [`- ${title}: “${escape(old!.text)}” → “${escape(now!.text)}”`];
  if (change.kind === "moved" && (change.target === "section" || change.target === "clause")) {
    const from = old!.path.slice(0, -1).join(" › ") || "the top level";
    const to = now!.path.slice(0, -1).join(" › ") || "the top level";
    const where = from === to ? `(line ${old!.line} → ${now!.line})` : `from *${escape(from)}* to *${escape(to)}*`;
    return [`- ${title} “${escape(now!.text)}” ${where}`];
  }
  const lines = [
    `- ${title}${rowContext(change)}` +
      `${change.kind === "moved" && old!.text === now!.text ? ` (line ${old!.line} → ${now!.line})` : ""}:`,
    "",
  ];
  if (change.kind === "added" || change.kind === "removed") {
    const side = (now ?? old)!;
    if (change.target === "table" && side.content !== undefined) append(lines, quoteTable(side.content));
    else append(lines, blockquote(side.content === undefined ? side.text : `${side.text}\n\n${side.content}`));
    return lines;
  }
  if (old!.text === now!.text) {
    append(lines, blockquote(now!.text));
    return lines;
  }
  append(lines, [...blockquote(old!.text, "Before"), "  >", ...blockquote(now!.text, "After")]);
  return lines;
}

/** The significance and reasons under each change (editorial ones say only what kind of edit it was). */
function why(change: Change): string[] {
  if (!change.significance) return [];
  const reasons = (change.reasons ?? []).map((r) =>
    change.significance === "editorial" ? r.code : `\`${r.code}\` ${escape(r.message)}`,
  );
  return ["", `  *${change.significance}*${reasons.length ? `: ${reasons.join("; ")}` : ""}`];
}

function rowContext(change: Change): string {
  return change.row !== undefined ? ` “${escape(change.row)}”` : "";
}

/** push(...more) without the spread, which overflows the stack past about 120,000 lines (a large table added). */
function append(lines: string[], more: string[]): void {
  for (const line of more) lines.push(line);
}

/** Text as a block quote inside a list item, `label` in bold before its first paragraph. */
function blockquote(text: string, label?: string): string[] {
  const paragraphs = text.split(/\n{2,}/).map(escape);
  if (label) paragraphs[0] = `**${label}:** ${paragraphs[0]}`;
  // A single line break inside a paragraph (table rows in a section's content) stays a break: a trailing backslash.
  return paragraphs.flatMap((p, i) => [
    ...(i ? ["  >"] : []),
    ...p.split("\n").map((l, k, all) => `  > ${l}${k < all.length - 1 ? "\\" : ""}`),
  ]);
}

/** A table that came or went, as a table again (its text has one row a line, cells joined by " | "). */
function quoteTable(content: string): string[] {
  const rows = content.split("\n").map((line) => line.split(" | ").map(escape));
  const line = (cells: string[]) => `  > | ${cells.join(" | ")} |`;
  return [line(rows[0]), line(rows[0].map(() => "---")), ...rows.slice(1).map(line)];
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Escapes what would otherwise render as markup once the text is pasted into Markdown. */
export function escape(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^([^\S\n\r\u2028\u2029]*)(\d+)([.)])(?=\s)/gm, "$1$2\\$3")
    .replace(/^([^\S\n\r\u2028\u2029]*)([#+-])(?=\s)/gm, "$1\\$2");
}
