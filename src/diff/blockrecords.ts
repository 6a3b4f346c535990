import type { Block } from "./blocks.js";
import type { BlockOp } from "./blockdiff.js";
import { dateBump } from "./date.js";
import { compareLinks, maskAutolinks, type LinkChange } from "./links.js";
import { tableDrafts } from "./tablerecords.js";
import type { Change, ChangeKind, ChangeSide, ChangeTarget, SectionRef } from "./types.js";
import type { Unit } from "./units.js";
import { wordEdits } from "./words.js";

/**
 * A change record before it has an id: `at` places it in new-document order; `key`, `block` and `unit` (the block
 * and section it came from, on its own side) let later passes join a removal to an addition elsewhere.
 */
export type Draft = Omit<Change, "id"> & { at: number; key?: string; block?: Block; unit?: Unit };

export function sectionRef(unit: Unit): SectionRef | null {
  return unit.kind === "root" ? null : { kind: unit.kind, title: unit.title, number: unit.number };
}

const TARGET: Record<Block["type"], ChangeTarget> = {
  paragraph: "paragraph",
  "list-item": "list-item",
  table: "table",
  code: "code",
};

export function side(text: string, line: number | null, unit: Unit, content?: string): ChangeSide {
  return content === undefined ? { text, line, path: unit.path } : { text, line, path: unit.path, content };
}

/** A block that came or went whole; a table is named by its header row and carries its rows as content. */
function whole(block: Block, unit: Unit): ChangeSide {
  return block.table
    ? side(block.table.header.join(" | "), block.line, unit, block.text)
    : side(block.text, block.line, unit);
}

/** Turns the block matches of one aligned section pair into drafts; `a` and `b` are the old and new sections. */
export function blockDrafts(ops: readonly BlockOp[], a: Unit, b: Unit): Draft[] {
  const drafts: Draft[] = [];
  const base = { path: b.path, section: sectionRef(b), edits: [] };
  const push = (
    kind: ChangeKind,
    target: ChangeTarget,
    at: number,
    old: ChangeSide | null,
    now: ChangeSide | null,
    extra: Partial<Draft> = {},
  ): void => {
    drafts.push({ ...base, kind, target, old, new: now, at, ...extra });
  };
  const links = (changes: LinkChange[], oldLine: number, newLine: number): void => {
    drafts.push(...linkDrafts(changes, a, oldLine, b, newLine));
  };

  // A block removed from the end of a section is listed after the section's last block.
  const end = ops.reduce((max, op) => (op.op === "removed" ? max : Math.max(max, op.new.line)), b.line) + 0.5;
  for (const op of ops) {
    if (op.op === "added") {
      push("added", TARGET[op.new.type], op.new.line, null, whole(op.new, b), {
        key: op.new.key,
        block: op.new,
        unit: b,
      });
      continue;
    }
    if (op.op === "removed") {
      push("removed", TARGET[op.old.type], Number.isFinite(op.anchor) ? op.anchor - 0.5 : end, whole(op.old, a), null, {
        key: op.old.key,
        block: op.old,
        unit: a,
      });
      continue;
    }
    const { old, new: now, moved } = op;
    const at = now.line;
    if (old.type === "table" && now.table && old.table) {
      if (moved) push("moved", "table", at, side(old.text, old.line, a), side(now.text, now.line, b));
      for (const draft of tableDrafts(
        old,
        now.table,
        () => a,
        () => b,
      ))
        drafts.push(draft);
      continue;
    }
    // A paragraph that became a list item (or the reverse) is named alike from either side: by the item.
    const target = TARGET[old.type === "list-item" ? old.type : now.type];
    if (old.key === now.key) {
      if (moved) push("moved", target, at, side(old.text, old.line, a), side(now.text, now.line, b));
      links(compareLinks(old.links, now.links, false), old.line, at);
      continue;
    }
    const oldSide = side(old.text, old.line, a);
    const newSide = side(now.text, now.line, b);
    const edits = wordEdits(old.text, now.text);
    if (moved) push("moved", target, at, oldSide, newSide, { edits });
    else if (dateBump(old.text, now.text)) push("modified", "date", at, oldSide, newSide, { edits });
    else if (maskAutolinks(old.text, old.links) === maskAutolinks(now.text, now.links)) {
      links(compareLinks(old.links, now.links, true), old.line, at);
      continue;
    } else push("modified", target, at, oldSide, newSide, { edits });
    links(compareLinks(old.links, now.links, true), old.line, at);
  }
  return drafts;
}

/** Links whose target changed, came or went under the same text; `extra` adds the row they sit in. */
export function linkDrafts(
  changes: LinkChange[],
  a: Unit,
  oldLine: number,
  b: Unit,
  newLine: number,
  extra: Partial<Draft> = {},
): Draft[] {
  return changes.map((c) => ({
    kind: c.kind,
    target: "link",
    path: b.path,
    section: sectionRef(b),
    old: c.old && side(c.old.url, oldLine, a),
    new: c.new && side(c.new.url, newLine, b),
    edits: c.old && c.new ? wordEdits(c.old.url, c.new.url) : [],
    at: newLine,
    linkText: (c.new ?? c.old)!.text,
    ...extra,
  }));
}
