import { createHash } from "node:crypto";
import type { UnitAlignment } from "./align.js";
import { blockDrafts, sectionRef, type Draft } from "./blockrecords.js";
import { sameBlocks } from "./blocks.js";
import { clauseHosts, diffPair } from "./dissolve.js";
import type { FieldChange } from "./frontmatter.js";
import type { Change, ChangeSide } from "./types.js";
import { followSplitTables } from "./split.js";
import { unitContent, type Unit, type UnitTree } from "./units.js";
import { wordEdits } from "./words.js";

/**
 * Builds the change list: section-level records from the alignment, block-level records inside each aligned pair,
 * then blocks that left one section for another are joined into one move, and every record gets its stable id.
 */
export function buildChanges(
  oldTree: UnitTree,
  newTree: UnitTree,
  alignment: UnitAlignment,
  fields: FieldChange[],
): Change[] {
  const drafts: Draft[] = [...fieldDrafts(fields)];
  const { oldToNew, newToOld, moved } = alignment;
  const headingSide = (u: Unit, content?: boolean): ChangeSide => {
    const s: ChangeSide = { text: u.heading, line: u.line, path: u.path };
    if (content) s.content = unitContent(u);
    return s;
  };
  // A pair named alike from either side: a section if either version makes it one.
  const target = (u: Unit, other?: Unit) =>
    (u.kind === "clause" && other?.kind !== "section" ? "clause" : "section") as "clause" | "section";

  const dissolved = new Set<Unit>();
  const oldLonely = clauseHosts(oldTree, oldToNew);
  const newLonely = clauseHosts(newTree, newToOld);
  for (const b of [newTree.root, ...newTree.flat]) {
    const a = newToOld.get(b);
    if (!a) {
      // Sub-sections of an added section are part of its content, not changes of their own.
      if ((b.parent && !newToOld.has(b.parent)) || dissolved.has(b)) continue;
      drafts.push({
        kind: "added",
        target: target(b),
        path: b.path,
        section: sectionRef(b),
        old: null,
        new: headingSide(b, true),
        edits: [],
        at: b.line,
        unit: b,
      });
      continue;
    }
    // A move says only where the section went: a new title is a rename, new words are edits, each its own record.
    if (moved.has(a)) {
      drafts.push({
        kind: "moved",
        target: target(b, a),
        path: b.path,
        section: sectionRef(b),
        old: headingSide(a),
        new: headingSide(b),
        edits: [],
        at: b.line,
      });
    }
    if (renested(a, b, alignment)) {
      drafts.push({
        kind: "modified",
        target: "heading",
        path: b.path,
        section: sectionRef(b),
        old: headingSide(a),
        new: headingSide(b),
        edits: a.heading === b.heading ? [] : wordEdits(a.heading, b.heading),
        at: b.line,
        level: { old: a.depth, new: b.depth },
      });
    }
    if (a.kind !== "root" && a.title !== b.title) {
      drafts.push({
        kind: "renamed",
        target: "heading",
        path: b.path,
        section: sectionRef(b),
        old: { text: a.title, line: a.line, path: a.path },
        new: { text: b.title, line: b.line, path: b.path },
        edits: wordEdits(a.title, b.title),
        at: b.line,
      });
    }
    // Most sections of a version stand as they did: blocks alike as a reader sees them make no record, so they are
    // not matched (a history compares every section of every version, and most of its time went to matching them).
    if (!oldLonely.has(a) && !newLonely.has(b) && sameBlocks(a.blocks, b.blocks)) continue;
    const pair = diffPair(a, b, oldLonely, newLonely);
    for (const unit of pair.dissolved) dissolved.add(unit);
    for (const draft of blockDrafts(pair.ops, a, b)) drafts.push(draft);
  }

  oldTree.flat.forEach((a, i) => {
    if (oldToNew.has(a) || (a.parent && !oldToNew.has(a.parent)) || dissolved.has(a)) return;
    // Grouped under where its parent now stands, so a removal sits with the other changes to that section.
    const parent = a.parent && oldToNew.get(a.parent);
    const path = parent ? [...parent.path, a.heading] : a.path;
    drafts.push({
      kind: "removed",
      target: target(a),
      path,
      section: sectionRef(a),
      old: headingSide(a, true),
      new: null,
      edits: [],
      at: anchorAfter(oldTree.flat, i, oldToNew),
      unit: a,
    });
  });

  return finish(joinMoves(followSplitTables(drafts)));
}

/**
 * A heading whose level changed so that it now falls under another section. When its old siblings all went the same
 * way, or its new siblings all came the same way (a whole level promoted, a title demoted: one edit read from either
 * side), that is restyling, not a change to this section. A section alone at its level is no such group: moving it
 * under a neighbour, or out from under its parent, is re-nesting whichever way the diff runs.
 */
function renested(a: Unit, b: Unit, { oldToNew, newToOld, moved }: UnitAlignment): boolean {
  if (a.kind !== "section" || b.kind !== "section" || a.depth === b.depth || moved.has(a)) return false;
  if (oldToNew.get(a.parent!) === b.parent) return false;
  const wentTogether = (siblings: Unit[], partners: Map<Unit, Unit>): boolean => {
    const paired = siblings.filter((c) => partners.has(c));
    return paired.length > 1 && new Set(paired.map((c) => partners.get(c)!.parent)).size === 1;
  };
  return !wentTogether(a.parent!.children, oldToNew) && !wentTogether(b.parent!.children, newToOld);
}

function fieldDrafts(fields: FieldChange[]): Draft[] {
  return fields.map((f) => ({
    kind: f.kind,
    target: f.isDate ? "date" : "frontmatter",
    path: [],
    section: null,
    field: f.field,
    old: f.old && { text: f.old.text, line: f.old.line, path: [] },
    new: f.new && { text: f.new.text, line: f.new.line, path: [] },
    edits: f.old && f.new ? wordEdits(f.old.text, f.new.text) : [],
    at: -1,
  }));
}

/** Where a removed unit would have stood in the new document: just before the next unit that survived. */
function anchorAfter(flat: Unit[], index: number, oldToNew: Map<Unit, Unit>): number {
  for (let k = index + 1; k < flat.length; k++) {
    const partner = oldToNew.get(flat[k]);
    if (partner) return partner.line - 0.5;
  }
  return Number.MAX_SAFE_INTEGER;
}

/** A paragraph or list item removed from one section and added, word for word, to another: one move. */
function joinMoves(drafts: Draft[]): Draft[] {
  const added = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.kind !== "added" || !d.key || !d.new || d.new.text.length < 12) continue;
    const list = added.get(d.key);
    if (list) list.push(d);
    else added.set(d.key, [d]);
  }
  const gone = new Set<Draft>();
  const out: Draft[] = [];
  for (const d of drafts) {
    // The same floor on both sides, or B → A would not mirror A → B ("SURVIVAL." as an item, "11. SURVIVAL." as a
    // paragraph that a list numbered 11 cannot open: fuzz case mutation-2-3fc8fee30a).
    if (d.kind !== "removed" || !d.key || !d.old || d.old.text.length < 12) continue;
    const match = added.get(d.key)?.shift();
    if (!match) continue;
    gone.add(d).add(match);
    // Named alike from either side, as a matched pair is (blockrecords): by the item when either side is one.
    const target = d.target === "list-item" ? d.target : match.target;
    out.push({ ...match, kind: "moved", target, old: d.old, key: undefined, block: undefined, unit: undefined });
  }
  return [...drafts.filter((d) => !gone.has(d)), ...out];
}

function finish(drafts: Draft[]): Change[] {
  const sorted = drafts.map((d, seq) => ({ d, seq })).sort((x, y) => x.d.at - y.d.at || x.seq - y.seq);
  const seen = new Map<string, number>();
  return sorted.map(({ d }) => {
    const { at: _at, key: _key, block: _block, unit: _unit, ...change } = d;
    const base = createHash("sha1")
      .update(
        JSON.stringify([
          change.kind,
          change.target,
          change.path,
          change.old?.text ?? null,
          change.new?.text ?? null,
          change.row ?? null,
          change.column ?? null,
          change.field ?? null,
        ]),
      )
      .digest("hex")
      .slice(0, 12);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    // Fixed key order keeps the JSON byte-stable whatever order the fields were set in.
    const { kind, target, path, section, old, new: now, edits, ...context } = change;
    return { id: n === 1 ? base : `${base}-${n}`, kind, target, path, section, old, new: now, edits, ...context };
  });
}
