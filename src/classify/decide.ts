import type { Change } from "../diff/types.js";
import { significanceOf } from "./codes.js";
import { explainEditorial } from "./editorial.js";
import { cellFindings, itemFindings, rowFindings, tablesIn } from "./items.js";
import { compareRetention, retentionPeriods } from "./retention.js";
import { materialSection } from "./section.js";
import { editDeltas, wholeDeltas } from "./sentences.js";
import { analyseDelta, type TextContext } from "./text.js";
import type { Finding } from "./types.js";
import { changedWords, quote } from "./words.js";

/**
 * The reasons for one change, in three steps: what the change is by its kind alone (a date, front matter, a link
 * target, a move), then whether its wording says the same thing (editorial), then what its words do. A change
 * whose words change meaning but match no trigger is a clarification: a person should read it.
 */
export function judge(change: Change, ctx: TextContext): Finding[] {
  const byKind = editorialByKind(change, ctx);
  if (byKind) return byKind;
  const found = meaning(change, ctx);
  if (!found.length) found.push(fallback(change, ctx));
  const heading = materialSection(change, ctx.k);
  if (heading && found.some((f) => significanceOf(f.code) !== "editorial")) {
    found.push({ code: "material-section", message: `changes ${quote(heading)}, a section configured as material`, reader: `We changed the section ${quote(heading)}: ${quote((change.new ?? change.old)!.text, 220)}` });
  }
  return found;
}

function editorialByKind(change: Change, ctx: TextContext): Finding[] | null {
  const { old, new: now } = change;
  if (change.target === "date") return [{ code: "date-bump", message: `the stated date changed: ${quote(old?.text ?? "")} → ${quote(now?.text ?? "")}` }];
  if (change.target === "frontmatter") return [{ code: "front-matter", message: `front matter ${quote(change.field ?? "")} ${change.kind}` }];
  if (change.target === "link") {
    if (change.kind === "modified" && !shownAddress(change)) return [{ code: "link-target", message: `the link under ${quote(change.linkText ?? "")} now points to ${quote(now?.text ?? "")}` }];
    return null;
  }
  if (ctx.categories.has("history")) return [{ code: "change-log", message: `a ${change.kind} entry in a change log or table of contents` }];
  if (change.kind === "moved" && (!change.edits.length || change.target === "table-row" || change.target === "section" || change.target === "clause")) {
    return [{ code: "moved", message: `moved, unchanged: ${quote((now ?? old)!.text)}` }];
  }
  if (change.target === "heading" && change.kind === "modified" && !change.edits.some((e) => e.op !== "equal")) {
    return [{ code: "heading-level", message: `heading level ${change.level?.old} → ${change.level?.new}: ${quote(now!.text)}` }];
  }
  if (old && now && (change.kind === "modified" || change.kind === "renamed" || change.kind === "moved")) {
    const kinds = explainEditorial(old.text, now.text, ctx.k);
    if (kinds) {
      const extra = change.kind === "moved" ? [{ code: "moved", message: `moved: ${quote(now.text)}` }] : [];
      const what = change.edits.length ? changedWords(change.edits) : `${quote(old.text)} → ${quote(now.text)}`;
      return [...extra, ...kinds.map((kind) => ({ code: kind, message: `${kind.replace("-", " ")}: ${what}` }))];
    }
  }
  return null;
}

/** An autolink (an e-mail address or URL written out): its target is the text a reader sees. */
function shownAddress(change: Change): boolean {
  const shown = change.linkText?.trim();
  return Boolean(change.kind === "modified" && shown && change.new && (shown === change.new.text || `mailto:${shown}` === change.new.text));
}

function meaning(change: Change, ctx: TextContext): Finding[] {
  const { old, new: now } = change;
  if (change.kind === "renamed") {
    const found = editDeltas(change.edits).flatMap((d) => analyseDelta(d, ctx)).filter((f) => f.family === "promise" || f.code.startsWith("modal"));
    return found.length ? found : [{ code: "heading-renamed", message: `heading renamed over an unchanged body: ${quote(old!.text)} → ${quote(now!.text)}` }];
  }
  if (change.target === "link" && shownAddress(change)) {
    const code = /^mailto:|^tel:|@/.test(now!.text) ? "contact-changed" : "clarification";
    return [{ code, message: `the address a reader sees changed: ${quote(old!.text.replace(/^mailto:/, ""))} → ${quote(now!.text.replace(/^mailto:/, ""))}` }];
  }
  if (change.target === "link") return [{ code: "link-changed", message: `a link ${change.kind} under ${quote(change.linkText ?? (now ?? old)!.text)}` }];
  if (change.target === "table-row" && (change.kind === "added" || change.kind === "removed")) {
    const rows = rowFindings(change, ctx, change.kind);
    if (rows.length) return rows;
  }
  if (change.target === "table-cell") {
    const cells = cellFindings(change, ctx);
    if (cells?.length) return cells;
  }
  if (change.target === "list-item") {
    const items = itemFindings(change, ctx);
    if (items?.length) return items;
  }
  if (change.kind === "added" || change.kind === "removed") return whole(change, ctx, change.kind);
  if (!old || !now) return [];
  const found = editDeltas(change.edits.length ? change.edits : [{ op: "delete", text: old.text }, { op: "insert", text: now.text }])
    .filter((d) => !d.old || !d.new || explainEditorial(d.old, d.new, ctx.k) === null)
    .flatMap((d) => analyseDelta(d, { ...ctx, before: old.text, after: now.text }));
  const always = ctx.categories.has("retention");
  const retention = compareRetention(retentionPeriods(old.text, ctx.k, always), retentionPeriods(now.text, ctx.k, always), now.text);
  return retention ? [...found, retention] : found;
}

/** A section, clause, paragraph or table that came or went: every sentence of it, and every row of its tables. */
function whole(change: Change, ctx: TextContext, side: "added" | "removed"): Finding[] {
  const s = (change.new ?? change.old)!;
  const text = s.content === undefined ? s.text : `${s.text}\n${s.content}`;
  const found: Finding[] = [];
  // A split table's rows are compared one by one elsewhere in the result; its content here would name them all again.
  const compared = (ctx.rowPaths ?? new Set<string>()).has(change.path.join("\u0001"));
  const tables = compared ? [] : change.target === "table" && s.content !== undefined ? tablesIn(s.content) : tablesIn(text);
  for (const table of tables) for (const row of table.rows) found.push(...rowFindings({ ...change, row: undefined, keyColumn: table.header[0] }, ctx, side, table.header, row));
  const prose = text
    .split("\n")
    .filter((line) => !line.includes(" | "))
    .join("\n");
  found.push(...wholeDeltas(prose, side).flatMap((d) => analyseDelta(d, ctx)));
  return found;
}

function fallback(change: Change, ctx: TextContext): Finding {
  const { old, new: now } = change;
  const what = now && old ? (change.edits.length ? changedWords(change.edits) : `${quote(old.text)} → ${quote(now.text)}`) : quote((now ?? old)!.text);
  if (ctx.categories.has("contact")) return { code: "contact-changed", message: `contact information ${change.kind}: ${what}` };
  if (ctx.categories.has("scope") || ctx.k.scopeMarkers.test(`${old?.text ?? ""}\n${now?.text ?? ""}`)) return { code: "scope-changed", message: `what the policy covers ${change.kind === "modified" ? "changed" : change.kind}: ${what}` };
  return { code: "clarification", message: `${change.kind === "modified" ? "reworded" : change.kind}: ${what}` };
}
