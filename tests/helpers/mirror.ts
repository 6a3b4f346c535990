import type { Change, EditPart } from "../../src/diff/index.js";

/**
 * The invariant `diff B A` owes `diff A B`: what one calls added the other calls removed, with the same text; a
 * modified, moved or renamed thing is the same pair of texts the other way round, its word edits too. Labels taken
 * from one version only (path, section, row and column names, lines) are left out: they name where, not what.
 */
const FLIP = { added: "removed", removed: "added", modified: "modified", moved: "moved", renamed: "renamed" } as const;
const OP = { insert: "delete", delete: "insert", equal: "equal" } as const;

/** Word edits as runs between unchanged text, each (what went, what came): the order of the two is a convention. */
function runs(edits: readonly EditPart[], flip: boolean): string[] {
  const out: string[] = [];
  let gone = "";
  let came = "";
  const flush = () => {
    if (gone || came) out.push(`-${gone}+${came}`);
    gone = came = "";
  };
  for (const e of edits) {
    const op = flip ? OP[e.op] : e.op;
    if (op === "equal") {
      flush();
      out.push(`=${e.text}`);
    } else if (op === "delete") gone += e.text;
    else came += e.text;
  }
  flush();
  return out;
}

function image(c: Change, flip: boolean): string {
  const [before, after] = flip ? [c.new, c.old] : [c.old, c.new];
  const level = c.level && (flip ? [c.level.new, c.level.old] : [c.level.old, c.level.new]);
  return JSON.stringify([
    flip ? FLIP[c.kind] : c.kind,
    c.target,
    c.field ?? null,
    before?.text ?? null,
    after?.text ?? null,
    before?.content ?? null,
    after?.content ?? null,
    level ?? null,
    runs(c.edits, flip),
  ]);
}

/** The changes of A→B that B→A does not mirror, and the mirror images of B→A's that A→B lacks; both empty when they mirror. */
export function mirrorMismatch(
  forward: readonly Change[],
  backward: readonly Change[],
): { forward: string[]; backward: string[] } {
  const count = new Map<string, number>();
  for (const c of forward) count.set(image(c, false), (count.get(image(c, false)) ?? 0) + 1);
  const extraBackward: string[] = [];
  for (const c of backward) {
    const key = image(c, true);
    const n = count.get(key) ?? 0;
    if (n) count.set(key, n - 1);
    else extraBackward.push(key);
  }
  return { forward: [...count].flatMap(([key, n]) => Array<string>(n).fill(key)), backward: extraBackward };
}
