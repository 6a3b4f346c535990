import type { Block, TableRow } from "./blocks.js";
import type { Draft } from "./blockrecords.js";
import { tableDrafts } from "./tablerecords.js";
import type { Unit } from "./units.js";

interface Placed {
  block: Block;
  unit: Unit;
  draft?: Draft;
}

/**
 * Tables that went from sections and tables that came to others under the same header: the table was split or moved
 * under new headings, or several were joined into one. The rows of the ones that went, taken together, are diffed
 * against the rows of the ones that came, so a renamed sub-processor or a changed location still shows row by row.
 * A table removed or added on its own is one end of it; the other may also sit in a section that came or went whole.
 * Split and join are one rule read from either side, so B→A reports what A→B does.
 */
export function followSplitTables(drafts: Draft[]): Draft[] {
  const gone: Placed[] = [];
  const came: Placed[] = [];
  for (const d of drafts) {
    if (!d.unit || (d.kind !== "added" && d.kind !== "removed")) continue;
    const into = d.kind === "added" ? came : gone;
    if (d.target === "table" && d.block?.table) into.push({ block: d.block, unit: d.unit, draft: d });
    else if (d.target === "section" || d.target === "clause") collectTables(d.unit, into);
  }
  if (!gone.some((p) => p.draft) && !came.some((p) => p.draft)) return drafts;
  const replaced = new Set<Draft>();
  const out: Draft[] = [];
  for (const key of new Set([...gone, ...came].filter((p) => p.draft).map((p) => p.block.key))) {
    // In document order, so rows that kept their order across the cut are not read as moved.
    const before = gone.filter((p) => p.block.key === key).sort((x, y) => x.block.line - y.block.line);
    const after = came.filter((p) => p.block.key === key).sort((x, y) => x.block.line - y.block.line);
    if (!before.length || !after.length) continue;
    for (const p of [...before, ...after]) if (p.draft) replaced.add(p.draft);
    const from = home(before);
    const where = home(after);
    const old = {
      ...before[0].block,
      table: { header: before[0].block.table!.header, rows: before.flatMap((p) => p.block.table!.rows) },
    };
    const table = { header: after[0].block.table!.header, rows: after.flatMap((p) => p.block.table!.rows) };
    for (const draft of tableDrafts(old, table, from, where)) out.push(draft);
  }
  return [...drafts.filter((d) => !replaced.has(d)), ...out];
}

/** The section each row of these tables stands in; the first table's for the header. */
function home(tables: Placed[]): (row: TableRow | null) => Unit {
  const map = new Map<TableRow, Unit>(tables.flatMap((p) => p.block.table!.rows.map((row) => [row, p.unit] as const)));
  return (row) => (row && map.get(row)) || tables[0].unit;
}

function collectTables(unit: Unit, into: Placed[]): void {
  for (const block of unit.blocks) if (block.table) into.push({ block, unit });
  for (const child of unit.children) collectTables(child, into);
}
