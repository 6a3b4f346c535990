import type { Change } from "../diff/types.js";
import { significanceOf } from "./codes.js";
import { explainEditorial } from "./editorial.js";
import { finding } from "./finding.js";
import { inFurniture, netSentences, restructured, type Layouts } from "./layout.js";
import { isVersionNote } from "./notices.js";
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
    const text = quote((change.new ?? change.old)!.text, 220);
    found.push(finding("material-section", "section", { heading: quote(heading), text }));
  }
  return found;
}

const PROSE = new Set(["paragraph", "list-item", "clause", "section"]);

/** Whether there are runs of words that came or went, and every one of them passes `test`. */
function everyRun(change: Change, test: (run: string) => boolean): boolean {
  const changed = change.edits.filter((e) => e.op !== "equal");
  return changed.length > 0 && changed.every((e) => test(e.text.trim()));
}

/** Every run of words that came or went is a line of a page's interface ("Expand table of contents"). */
function interfaceOnly(change: Change, phrases: ReadonlySet<string>): boolean {
  return everyRun(change, (run) => phrases.has(run.toLowerCase().replace(/[.:]$/, "")));
}

/** Only the owner's own name came or went ("at USA Inc." → "at Spotify USA Inc."): nobody else is named. */
function ownNameOnly(change: Change, firstParty: readonly string[]): boolean {
  if (!firstParty.length) return false;
  const names = new Set(firstParty.map((n) => n.toLowerCase()));
  return everyRun(change, (run) =>
    run.split(/\s+/).every((w) => names.has(w.replace(/[’']s$|[^\p{L}\p{N}]/gu, "").toLowerCase())),
  );
}

function editorialByKind(change: Change, ctx: TextContext): Finding[] | null {
  const { old, new: now } = change;
  if (ctx.layouts && inFurniture(change, ctx.layouts)) {
    return [finding("furniture", "page", { kind: change.kind, text: quote((now ?? old)!.text) })];
  }
  if (change.kind === "modified" && interfaceOnly(change, ctx.k.furniturePhrases)) {
    return [finding("furniture", "interface", { kind: change.kind, words: changedWords(change.edits) })];
  }
  if (ctx.layouts && restructured(change, ctx.layouts)) {
    return [finding("moved", "restructured", { text: quote((now ?? old)!.text) })];
  }
  if (PROSE.has(change.target) && [old, now].every((s) => !s || isVersionNote(s.text))) {
    return [finding("date-bump", "note", { kind: change.kind, text: quote((now ?? old)!.text) })];
  }
  // A lone "false" or "undefined" is what a page script leaves behind when a capture runs it half-way.
  if (
    PROSE.has(change.target) &&
    change.kind !== "modified" &&
    /^(?:false|true|null|undefined)$/.test((now ?? old)!.text.trim())
  ) {
    return [finding("furniture", "script", { kind: change.kind, text: quote((now ?? old)!.text) })];
  }
  if (
    change.target === "link" &&
    change.kind === "modified" &&
    shownAddress(change) &&
    ctx.layouts &&
    shownBoth(change, ctx.layouts)
  ) {
    return [finding("link-target", "shown", { target: quote(now?.text ?? "") })];
  }
  if (change.kind === "modified" && ownNameOnly(change, ctx.firstParty)) {
    return [finding("typo", "own-name", { words: changedWords(change.edits) })];
  }
  if (change.target === "date") {
    return [finding("date-bump", "date", { was: quote(old?.text ?? ""), now: quote(now?.text ?? "") })];
  }
  if (change.target === "frontmatter") {
    return [finding("front-matter", "field", { field: quote(change.field ?? ""), kind: change.kind })];
  }
  if (change.target === "link") {
    if (change.kind !== "modified" || shownAddress(change) || otherAddress(change)) return null;
    return [finding("link-target", "target", { words: quote(change.linkText ?? ""), target: quote(now?.text ?? "") })];
  }
  if (ctx.categories.has("history")) return [finding("change-log", "entry", { kind: change.kind })];
  if (
    change.kind === "moved" &&
    (!change.edits.length || change.target === "table-row" || change.target === "section" || change.target === "clause")
  ) {
    return [finding("moved", "unchanged", { text: quote((now ?? old)!.text) })];
  }
  if (change.target === "heading" && change.kind === "modified" && !change.edits.some((e) => e.op !== "equal")) {
    const level = { was: `${change.level?.old}`, now: `${change.level?.new}` };
    return [finding("heading-level", "level", { ...level, text: quote(now!.text) })];
  }
  if (old && now && (change.kind === "modified" || change.kind === "renamed" || change.kind === "moved")) {
    const kinds = explainEditorial(old.text, now.text, ctx.k);
    if (kinds) {
      const extra = change.kind === "moved" ? [finding("moved", "edited", { text: quote(now.text) })] : [];
      const what = change.edits.length ? changedWords(change.edits) : `${quote(old.text)} → ${quote(now.text)}`;
      return [...extra, ...kinds.map((kind) => finding(kind, "editorial", { what }))];
    }
  }
  return null;
}

/**
 * An autolink (an e-mail address or URL written out): its target is the text a reader sees. A target filled in
 * where there was none ("#" or nothing, as a capture of a web page often has) shows the reader nothing new.
 */
function shownAddress(change: Change): boolean {
  const shown = change.linkText?.trim();
  if (!change.old || /^(?:#.*|)$/.test(change.old.text.trim())) return false;
  return Boolean(
    change.kind === "modified" &&
    shown &&
    change.new &&
    (shown === change.new.text || `mailto:${shown}` === change.new.text),
  );
}

/**
 * A written-out address whose old and new forms a reader sees in both versions ("[leg](mailto:…)al@x.com" re-marked
 * as one link): the link's markup moved, the words did not.
 */
function shownBoth(change: Change, layouts: Layouts): boolean {
  const bare = (target: string) => target.replace(/^mailto:|^tel:/i, "").toLowerCase();
  const before = bare(change.old!.text);
  const after = bare(change.new!.text);
  return layouts.old.text.includes(after) && layouts.new.text.includes(before);
}

/** An e-mail address or phone number under unchanged words ("contact us [here](mailto:…)") that is another one. */
function otherAddress(change: Change): boolean {
  const address = (target: string | undefined) =>
    /^(?:mailto|tel):([^?]+)/i.exec(target?.trim() ?? "")?.[1].toLowerCase();
  const before = address(change.old?.text);
  const after = address(change.new?.text);
  return Boolean(before && after && before !== after);
}

function meaning(change: Change, ctx: TextContext): Finding[] {
  const { old, new: now } = change;
  if (change.kind === "renamed") {
    const found = editDeltas(change.edits)
      .flatMap((d) => analyseDelta(d, ctx))
      .filter((f) => f.family === "promise" || f.code.startsWith("modal"));
    if (found.length) return found;
    return [finding("heading-renamed", "renamed", { was: quote(old!.text), now: quote(now!.text) })];
  }
  if (change.target === "link" && (shownAddress(change) || otherAddress(change))) {
    const code = /^mailto:|^tel:|@/.test(now!.text) ? "contact-changed" : "clarification";
    const shown = (target: string) => quote(target.replace(/^mailto:/, ""));
    return [finding(code, "address", { was: shown(old!.text), now: shown(now!.text) })];
  }
  if (change.target === "link") {
    // The words stay; the link only matters when it is how the reader exercises a right ("Do Not Sell or Share").
    const words = change.linkText ?? (now ?? old)!.text;
    const url = (now ?? old)!.text;
    const right = !url.startsWith("#") && (ctx.k.rights.test(words) || ctx.k.rights.test(url.replace(/[-_/]+/g, " ")));
    return [finding(right ? "link-changed" : "link-markup", "link", { kind: change.kind, words: quote(words) })];
  }
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
  if (change.kind === "added" || change.kind === "removed") {
    const net = ctx.layouts && netSentences(change, ctx.layouts);
    // A big section that came or went but whose sentences half or more stand in the other version (a title put over the
    // whole policy, a part re-nested): only its few new or lost sentences are news, read against the other version.
    if (net && net.all.length >= 5 && net.lost.length * 2 <= net.all.length) {
      const side = { ...(change.new ?? change.old)!, text: net.lost.map((e) => e.text).join("\n"), content: undefined };
      const reread: Change = { ...change, target: "paragraph", old: change.old && side, new: change.new && side };
      return whole(reread, { ...ctx, before: ctx.layouts!.old.written, after: ctx.layouts!.new.written }, change.kind);
    }
    return whole(change, ctx, change.kind);
  }
  if (!old || !now) return [];
  const found = editDeltas(
    change.edits.length
      ? change.edits
      : [
          { op: "delete", text: old.text },
          { op: "insert", text: now.text },
        ],
  )
    .filter((d) => !d.old || !d.new || explainEditorial(d.old, d.new, ctx.k) === null)
    .flatMap((d) => analyseDelta(d, { ...ctx, before: old.text, after: now.text }));
  const always = ctx.categories.has("retention");
  const before = retentionPeriods(old.text, ctx.k, always);
  const after = retentionPeriods(now.text, ctx.k, always);
  const retention = compareRetention(before, after, now.text);
  // A limit deleted ("we keep it no longer than 18 months" → "when it is no longer needed") is a protection gone,
  // unless the new version states that period elsewhere.
  if (
    retention &&
    before.length &&
    !after.length &&
    !before.some((p) => ctx.layouts?.new.text.includes(p.text.toLowerCase()))
  ) {
    const was = before.reduce((a, b) => (b.days > a.days ? b : a));
    const data = { period: quote(was.text), text: quote(old.text), short: quote(old.text, 200) };
    const facts = { family: "retention", key: "period", direction: "removed" } as const;
    return [...found, finding("protection-removed", "retention", data, facts)];
  }
  return retention ? [...found, retention] : found;
}

/** A section, clause, paragraph or table that came or went: every sentence of it, and every row of its tables. */
function whole(change: Change, ctx: TextContext, side: "added" | "removed"): Finding[] {
  const s = (change.new ?? change.old)!;
  const text = s.content === undefined ? s.text : `${s.text}\n${s.content}`;
  const found: Finding[] = [];
  // A split table's rows are compared one by one elsewhere in the result; its content here would name them all again.
  const compared = (ctx.rowPaths ?? new Set<string>()).has(change.path.join("\u0001"));
  const tables = compared
    ? []
    : change.target === "table" && s.content !== undefined
      ? tablesIn(s.content)
      : tablesIn(text);
  for (const table of tables)
    for (const row of table.rows)
      found.push(
        ...rowFindings({ ...change, row: undefined, keyColumn: table.header[0] }, ctx, side, table.header, row),
      );
  const prose = text
    .split("\n")
    .filter((line) => !line.includes(" | "))
    .join("\n");
  for (const d of wholeDeltas(prose, side)) for (const finding of analyseDelta(d, ctx)) found.push(finding);
  return found;
}

function fallback(change: Change, ctx: TextContext): Finding {
  const { old, new: now } = change;
  const what =
    now && old
      ? change.edits.length
        ? changedWords(change.edits)
        : `${quote(old.text)} → ${quote(now.text)}`
      : quote((now ?? old)!.text);
  if (ctx.categories.has("contact")) return finding("contact-changed", "section", { kind: change.kind, what });
  const { kind } = change;
  const reworded = kind === "modified";
  const scope = ctx.categories.has("scope") || ctx.k.scopeMarkers.test(`${old?.text ?? ""}\n${now?.text ?? ""}`);
  if (scope) {
    return reworded
      ? finding("scope-changed", "reworded", { what })
      : finding("scope-changed", "other", { kind, what });
  }
  return reworded ? finding("clarification", "reworded", { what }) : finding("clarification", "other", { kind, what });
}
