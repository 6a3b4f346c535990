import type { TableData, TableRow } from "./blocks.js";
import { alignSequences, eitherWay, type Matching } from "./sequence.js";
import { bagOf, heaviestIncreasing, pairGreedy, similarity, type Bag } from "./similarity.js";

/**
 * Rows are matched by a key column chosen from the data: the leftmost column whose values are unique, or nearly, in
 * both versions (GitHub's sub-processor table lists "Microsoft (Azure)" twice), duplicates told apart by their other
 * cells. Columns are matched by header, so a reordered column is no change.
 */

export interface CellChange {
  column: string;
  old: string;
  new: string;
}

export type RowOp =
  | { op: "same"; old: TableRow; new: TableRow; moved: boolean; key: string; cells: CellChange[] }
  | { op: "removed"; old: TableRow; key: string; anchor: number }
  | { op: "added"; new: TableRow; key: string };

export interface TableDiff {
  keyColumn: string;
  header: { old: string; new: string } | null;
  rows: RowOp[];
}

const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

/** For each new column, the old column it continues (by header, else by position when the count is unchanged). */
function mapColumns(oldHeader: string[], newHeader: string[]): (number | null)[] {
  const used = new Set<number>();
  const byName = newHeader.map((h) => {
    const i = oldHeader.findIndex((o, k) => !used.has(k) && fold(o) === fold(h));
    if (i >= 0) used.add(i);
    return i >= 0 ? i : null;
  });
  if (oldHeader.length !== newHeader.length) return byName;
  return byName.map((i, j) => (i !== null ? i : used.has(j) ? null : j));
}

function uniqueness(values: string[]): number {
  if (!values.length) return 1;
  return new Set(values.filter(Boolean)).size / values.length;
}

/**
 * The key: a column whose values tell rows apart and survive from one version to the next. Of the columns (nearly) as
 * unique as the most unique one, the leftmost, so a name column with one duplicate beats a description that happens
 * to be unique; unless another keeps clearly more of its values, as a contact table's second column does when the
 * first one's name changed.
 */
function chooseKey(a: TableData, b: TableData, columns: (number | null)[]): number {
  const oldColumn = (j: number) => a.rows.map((r) => fold(r.cells[columns[j]!] ?? ""));
  const newColumn = (j: number) => b.rows.map((r) => fold(r.cells[j] ?? ""));
  const unique = columns.map((i, j) =>
    i === null ? -1 : Math.min(uniqueness(oldColumn(j)), uniqueness(newColumn(j))),
  );
  const best = Math.max(...unique);
  const candidates = unique.map((_, j) => j).filter((j) => unique[j] >= 0 && unique[j] >= best - 0.2);
  if (!candidates.length) return 0;
  const kept = (j: number): number => {
    const before = new Set(oldColumn(j));
    const after = new Set(newColumn(j));
    const shared = [...after].filter((v) => before.has(v)).length;
    return shared / (new Set([...before, ...after]).size || 1);
  };
  const leftmost = candidates[0];
  const steadiest = candidates.reduce((x, y) => (kept(y) > kept(x) ? y : x));
  return kept(steadiest) >= kept(leftmost) + 0.25 ? steadiest : leftmost;
}

/** Rows with the same cells in order, then the rest by `score` (best first); pairs out of order are moves. */
function matchRows(oldKeys: string[], newKeys: string[], score: (i: number, j: number) => number): Matching {
  const seq = alignSequences(oldKeys, newKeys);
  const pairs = new Map<number, number>(seq.pairs);
  const leftOld = seq.removed.map((r) => r.index);
  const leftNew = seq.added.map((r) => r.index);
  for (const [i, j] of pairGreedy(leftOld, leftNew, score, 0, 50_000)) pairs.set(i, j);
  const ordered = [...pairs].sort((x, y) => x[0] - y[0]);
  const inOrder = heaviestIncreasing(
    ordered.map(([, j]) => j),
    (k) => oldKeys[ordered[k][0]] === newKeys[ordered[k][1]],
  );
  return { pairs, moved: new Set(ordered.filter((_, k) => !inOrder.has(k)).map(([i]) => i)) };
}

export function diffTable(a: TableData, b: TableData): TableDiff {
  const columns = mapColumns(a.header, b.header);
  const keyIndex = chooseKey(a, b, columns);
  const oldKeyIndex = columns[keyIndex] ?? keyIndex;
  // Old rows seen through the new column order, so a moved or added column does not change every row.
  const project = (row: TableRow): string[] => columns.map((i) => (i === null ? "" : (row.cells[i] ?? "")));
  const newCells = (row: TableRow): string[] => columns.map((i, j) => (i === null ? "" : (row.cells[j] ?? "")));
  const oldKeys = a.rows.map((r) => project(r).join("\u0001"));
  const newKeys = b.rows.map((r) => newCells(r).join("\u0001"));
  const seq = alignSequences(oldKeys, newKeys);

  const bags = new Map<TableRow, Bag>();
  const bag = (row: TableRow): Bag => bags.get(row) ?? bags.set(row, bagOf(row.cells.join(" "))).get(row)!;
  const keyOfOld = (row: TableRow): string => row.cells[oldKeyIndex] ?? "";
  const keyOfNew = (row: TableRow): string => row.cells[keyIndex] ?? "";
  const keyBags = new Map<string, Bag>();
  const keyBag = (key: string): Bag => keyBags.get(key) ?? keyBags.set(key, bagOf(key)).get(key)!;
  const score = (i: number, j: number): number => {
    const rowSim = similarity(bag(a.rows[i]), bag(b.rows[j]));
    if (fold(keyOfOld(a.rows[i])) === fold(keyOfNew(b.rows[j]))) return 2 + rowSim;
    const keySim = similarity(keyBag(keyOfOld(a.rows[i])), keyBag(keyOfNew(b.rows[j])));
    return keySim >= 0.5 && rowSim >= 0.6 ? rowSim : -1;
  };
  // Worked out from one side whichever way the diff runs, so that A→B and B→A pair the same rows.
  const { pairs, moved: movedOld } = eitherWay(oldKeys, newKeys, (back) =>
    back ? matchRows(newKeys, oldKeys, (j, i) => score(i, j)) : matchRows(oldKeys, newKeys, score),
  );
  const oldFor = new Map([...pairs].map(([i, j]) => [j, i]));

  const rows: RowOp[] = [];
  b.rows.forEach((row, j) => {
    const i = oldFor.get(j);
    if (i === undefined) {
      rows.push({ op: "added", new: row, key: keyOfNew(row) });
      return;
    }
    const before = project(a.rows[i]);
    const after = newCells(row);
    const cells = after
      .map((value, k) => ({ column: b.header[k] ?? `column ${k + 1}`, old: before[k], new: value }))
      .filter((c, k) => columns[k] !== null && c.old !== c.new);
    rows.push({ op: "same", old: a.rows[i], new: row, moved: movedOld.has(i), key: keyOfNew(row), cells });
  });
  for (const { index, anchor } of seq.removed) {
    if (!pairs.has(index)) rows.push({ op: "removed", old: a.rows[index], key: keyOfOld(a.rows[index]), anchor });
  }

  const oldHeader = a.header.join(" | ");
  const newHeader = b.header.join(" | ");
  return {
    keyColumn: b.header[keyIndex] ?? "",
    header: oldHeader === newHeader ? null : { old: oldHeader, new: newHeader },
    rows,
  };
}
