import type { Block, TableRow } from "./blocks.js";
import type { Draft } from "./blockrecords.js";
import { tableDrafts } from "./tablerecords.js";
import type { Unit } from "./units.js";

/**
 * A table removed from one section whose header reappears on tables in sections that are new (or added to other
 * sections): the table was split or moved under new headings. Its rows are diffed against those tables' rows taken
 * together, so a renamed sub-processor or a changed location inside the split still shows, row by row.
 */
export function followSplitTables(drafts: Draft[]): Draft[] {
  const removed = drafts.filter((d) => d.kind === "removed" && d.target === "table" && d.block?.table && d.unit);
  if (!removed.length) return drafts;
  const candidates: { block: Block; unit: Unit; draft?: Draft }[] = [];
  for (const d of drafts) {
    if (d.kind !== "added" || !d.unit) continue;
    if (d.target === "table" && d.block?.table) candidates.push({ block: d.block, unit: d.unit, draft: d });
    else if (d.target === "section" || d.target === "clause") collectTables(d.unit, candidates);
  }
  const gone = new Set<Draft>();
  const out: Draft[] = [];
  for (const r of removed) {
    const matches = candidates.filter((c) => c.block.key === r.block!.key);
    if (!matches.length) continue;
    for (const m of matches) candidates.splice(candidates.indexOf(m), 1);
    gone.add(r);
    for (const m of matches) if (m.draft) gone.add(m.draft);
    const home = new Map<TableRow, Unit>(matches.flatMap((m) => m.block.table!.rows.map((row) => [row, m.unit] as const)));
    const table = { header: matches[0].block.table!.header, rows: matches.flatMap((m) => m.block.table!.rows) };
    for (const draft of tableDrafts(r.block!, table, r.unit!, (row) => (row && home.get(row)) || matches[0].unit)) out.push(draft);
  }
  return [...drafts.filter((d) => !gone.has(d)), ...out];
}

function collectTables(unit: Unit, into: { block: Block; unit: Unit }[]): void {
  for (const block of unit.blocks) if (block.table) into.push({ block, unit });
  for (const child of unit.children) collectTables(child, into);
}
