import type { Block, TableData, TableRow } from "./blocks.js";
import { linkDrafts, sectionRef, side, type Draft } from "./blockrecords.js";
import { compareLinks } from "./links.js";
import { diffTable } from "./tables.js";
import type { Unit } from "./units.js";
import { wordEdits } from "./words.js";

const rowText = (row: TableRow): string => row.cells.join(" | ");

/**
 * Records for one table against its counterpart: the header, rows added, removed and moved, and each changed cell
 * named by its column. `from` and `where` give the section an old and a new row stand in (one section each, unless a
 * table was split or joined).
 */
export function tableDrafts(
  old: Block,
  now: TableData,
  from: (row: TableRow | null) => Unit,
  where: (row: TableRow | null) => Unit,
): Draft[] {
  const diff = diffTable(old.table!, now);
  const keyColumn = diff.keyColumn;
  const drafts: Draft[] = [];
  // Rows carry their table's header, so a row is judged by what its columns are (a provider, a location, a cookie).
  const make = (unit: Unit, draft: Omit<Draft, "path" | "section" | "keyColumn">, columns?: string[]): Draft => ({
    path: unit.path,
    section: sectionRef(unit),
    ...draft,
    ...(draft.row !== undefined && { keyColumn }),
    ...(columns && { columns }),
  });
  if (diff.header) {
    const b = where(null);
    const line = now.rows[0] ? now.rows[0].line - 1 : b.line;
    drafts.push(
      make(b, {
        kind: "modified",
        target: "table-header",
        old: side(diff.header.old, old.line, from(null)),
        new: side(diff.header.new, line, b),
        edits: wordEdits(diff.header.old, diff.header.new),
        at: line,
      }),
    );
  }
  for (const row of diff.rows) {
    if (row.op === "added") {
      const b = where(row.new);
      drafts.push(
        make(
          b,
          {
            kind: "added",
            target: "table-row",
            old: null,
            new: side(rowText(row.new), row.new.line, b),
            edits: [],
            at: row.new.line,
            row: row.key,
          },
          now.header,
        ),
      );
      continue;
    }
    if (row.op === "removed") {
      const next = now.rows[row.anchor];
      const b = where(next ?? null);
      const at = (next?.line ?? (now.rows[now.rows.length - 1]?.line ?? b.line) + 1) - 0.5;
      drafts.push(
        make(
          b,
          {
            kind: "removed",
            target: "table-row",
            old: side(rowText(row.old), row.old.line, from(row.old)),
            new: null,
            edits: [],
            at,
            row: row.key,
          },
          old.table!.header,
        ),
      );
      continue;
    }
    const b = where(row.new);
    const a = from(row.old);
    const at = row.new.line;
    if (row.moved) {
      const edits = wordEdits(rowText(row.old), rowText(row.new));
      drafts.push(
        make(
          b,
          {
            kind: "moved",
            target: "table-row",
            old: side(rowText(row.old), row.old.line, a),
            new: side(rowText(row.new), at, b),
            edits,
            at,
            row: row.key,
          },
          now.header,
        ),
      );
    }
    for (const cell of row.cells) {
      drafts.push(
        make(b, {
          kind: "modified",
          target: "table-cell",
          old: side(cell.old, row.old.line, a),
          new: side(cell.new, at, b),
          edits: wordEdits(cell.old, cell.new),
          at,
          row: row.key,
          column: cell.column,
        }),
      );
    }
    const links = compareLinks(row.old.links, row.new.links, row.cells.length > 0);
    drafts.push(...linkDrafts(links, a, row.old.line, b, at, { row: row.key, keyColumn }));
  }
  return drafts;
}
