import { blockText } from "./blocks.js";
import { alignSequences, fromNewSide } from "./sequence.js";
import { BagCache, heaviestIncreasing, pairGreedy, similarity } from "./similarity.js";
import type { Unit, UnitTree } from "./units.js";

/**
 * Which section (or clause) of the old document is which of the new. Titles without their numbering are aligned in
 * order first, so renumbering is invisible; what is left pairs by title anywhere (a move), by body (a rename), then by
 * position and number (a rename with a rewrite). A pair out of document order is a move.
 */
export interface UnitAlignment {
  oldToNew: Map<Unit, Unit>;
  newToOld: Map<Unit, Unit>;
  /** Old units that moved, less those that only travelled with a moved parent. */
  moved: Set<Unit>;
}

const MAX_GAP = 200;
/** Candidate pairs past which leftovers are not compared across the whole document. */
const GLOBAL_BUDGET = 2_500;

const bodies = new BagCache<Unit>((u) => blockText(u.blocks) || u.children.map((c) => c.heading).join("\n"));
const titles = new BagCache<Unit>((u) => u.title);

function wordCount(unit: Unit): number {
  let n = 0;
  for (const c of bodies.get(unit).values()) n += c;
  return n;
}

/** How well an unpaired old unit fits an unpaired new one under a new title; negative when it does not. */
function renameScore(a: Unit, b: Unit): number {
  const body = similarity(bodies.get(a), bodies.get(b));
  const title = similarity(titles.get(a), titles.get(b));
  const words = Math.min(wordCount(a), wordCount(b));
  if (words >= 3 && body >= 0.6) return body + 0.25 * title;
  if (words >= 3 && body >= 0.35 && title >= 0.5) return body + 0.25 * title;
  if (words === 0 && wordCount(a) === wordCount(b) && title >= 0.6) return title;
  return -1;
}

export function alignUnits(oldTree: UnitTree, newTree: UnitTree): UnitAlignment {
  // Worked out from one side whichever way the diff runs, so that A→B and B→A pair (and move) the same sections.
  if (
    !fromNewSide(
      oldTree.flat.map((u) => u.key),
      newTree.flat.map((u) => u.key),
    )
  )
    return alignFrom(oldTree, newTree);
  const back = alignFrom(newTree, oldTree);
  return {
    oldToNew: back.newToOld,
    newToOld: back.oldToNew,
    moved: new Set([...back.moved].map((u) => back.oldToNew.get(u)!)),
  };
}

function alignFrom(oldTree: UnitTree, newTree: UnitTree): UnitAlignment {
  const oldToNew = new Map<Unit, Unit>([[oldTree.root, newTree.root]]);
  const newToOld = new Map<Unit, Unit>([[newTree.root, oldTree.root]]);
  const pair = (a: Unit, b: Unit): void => {
    oldToNew.set(a, b);
    newToOld.set(b, a);
  };
  const olds = oldTree.flat;
  const news = newTree.flat;

  const seq = alignSequences(
    olds.map((u) => u.key),
    news.map((u) => u.key),
  );
  for (const [i, j] of seq.pairs) pair(olds[i], news[j]);

  // Same title elsewhere: the section moved.
  const byKey = new Map<string, Unit[]>();
  for (const { index } of seq.added) {
    const list = byKey.get(news[index].key);
    if (list) list.push(news[index]);
    else byKey.set(news[index].key, [news[index]]);
  }
  for (const { index } of seq.removed) {
    const match = byKey.get(olds[index].key)?.shift();
    if (match) pair(olds[index], match);
  }

  // A new title over much the same body: renamed. In its own gap first (a rename rarely moves too), so a document
  // with many changed sections costs the sum of its gaps squared, not their total squared; then anywhere, if few.
  const hunks = new Map<number, { olds: Unit[]; news: Unit[] }>();
  const hunk = (h: number) => hunks.get(h) ?? hunks.set(h, { olds: [], news: [] }).get(h)!;
  for (const r of seq.removed) if (!oldToNew.has(olds[r.index])) hunk(r.hunk).olds.push(olds[r.index]);
  for (const a of seq.added) if (!newToOld.has(news[a.index])) hunk(a.hunk).news.push(news[a.index]);
  for (const gap of hunks.values()) for (const [a, b] of pairGreedy(gap.olds, gap.news, renameScore, 0)) pair(a, b);
  const leftOld = olds.filter((u) => !oldToNew.has(u));
  const leftNew = news.filter((u) => !newToOld.has(u));
  for (const [a, b] of pairGreedy(leftOld, leftNew, renameScore, 0, GLOBAL_BUDGET)) pair(a, b);

  pairByPosition(olds, news, oldToNew, newToOld, pair);
  return { oldToNew, newToOld, moved: findMoves(olds, oldToNew) };
}

/**
 * Last resort for a rewritten section under a new title: one that sits in the same gap between aligned neighbours and
 * keeps its number, or shares some of its words.
 */
function pairByPosition(
  olds: Unit[],
  news: Unit[],
  oldToNew: Map<Unit, Unit>,
  newToOld: Map<Unit, Unit>,
  pair: (a: Unit, b: Unit) => void,
): void {
  let lowerBound = -1;
  for (let i = 0; i < olds.length; i++) {
    const a = olds[i];
    const partner = oldToNew.get(a);
    if (partner) {
      lowerBound = Math.max(lowerBound, partner.index);
      continue;
    }
    let upperBound = news.length;
    for (let k = i + 1; k < olds.length; k++) {
      const next = oldToNew.get(olds[k]);
      if (next) {
        upperBound = next.index;
        break;
      }
    }
    let best: Unit | null = null;
    let bestScore = 0;
    // Position means little in a gap this wide (a document largely rewritten); leave those unpaired.
    if (upperBound - lowerBound > MAX_GAP) continue;
    for (let j = lowerBound + 1; j < upperBound; j++) {
      const b = news[j];
      if (newToOld.has(b) || b.kind !== a.kind) continue;
      const title = similarity(titles.get(a), titles.get(b));
      const body = similarity(bodies.get(a), bodies.get(b));
      const sameNumber = a.number !== null && a.number === b.number;
      if (!(sameNumber && (title >= 0.2 || body >= 0.2)) && title < 0.34 && body < 0.3) continue;
      const score = body + title + (sameNumber ? 0.5 : 0);
      if (score > bestScore) {
        best = b;
        bestScore = score;
      }
    }
    if (best) {
      pair(a, best);
      lowerBound = best.index;
    }
  }
}

function unchanged(a: Unit, b: Unit): boolean {
  return a.title === b.title && blockText(a.blocks) === blockText(b.blocks);
}

function findMoves(olds: Unit[], oldToNew: Map<Unit, Unit>): Set<Unit> {
  const paired = olds.filter((u) => oldToNew.has(u));
  // An unchanged section weighs a little more, so of two that swapped places the edited one is the one that moved.
  const inOrder = heaviestIncreasing(
    paired.map((u) => oldToNew.get(u)!.index),
    (i) => unchanged(paired[i], oldToNew.get(paired[i])!),
  );
  const outOfOrder = new Set(paired.filter((_, i) => !inOrder.has(i)));
  const moved = new Set<Unit>();
  for (const unit of outOfOrder) {
    const parent = unit.parent;
    const carried = parent && outOfOrder.has(parent) && oldToNew.get(parent) === oldToNew.get(unit)!.parent;
    if (!carried) moved.add(unit);
  }
  return moved;
}
