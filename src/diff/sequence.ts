import { diffArrays } from "./myers.js";

/**
 * Order-preserving alignment of two key sequences (Myers, via jsdiff): O((N+M)·D), so linear when little changed.
 * Everything not aligned is left over, tagged with its hunk (the gap between two aligned runs) for local pairing.
 */
export interface SequenceAlignment {
  pairs: [number, number][];
  removed: { index: number; hunk: number; anchor: number }[];
  added: { index: number; hunk: number }[];
}

/**
 * Whether a matcher should work from the new side. Greedy pairing, Myers' choice among equally long alignments and
 * "which of two swapped items moved" all favour one side; deciding the side by the two key lists alone (the one that
 * sorts first) makes diffing A against B and B against A the same computation, so their matches mirror each other.
 */
export function fromNewSide(oldKeys: readonly string[], newKeys: readonly string[]): boolean {
  const n = Math.min(oldKeys.length, newKeys.length);
  for (let k = 0; k < n; k++) if (oldKeys[k] !== newKeys[k]) return oldKeys[k] > newKeys[k];
  return oldKeys.length > newKeys.length;
}

/** Index pairs matched in document order; `moved` holds the old indices of pairs out of order. */
export interface Matching {
  pairs: Map<number, number>;
  moved: Set<number>;
}

/** The same matching read from the other side. */
function transposed(m: Matching): Matching {
  return {
    pairs: new Map([...m.pairs].map(([i, j]) => [j, i])),
    moved: new Set([...m.moved].map((j) => m.pairs.get(j)!)),
  };
}

/** Runs `match` from the side `fromNewSide` picks and reads its answer old-to-new; `match` gets (olds, news) order. */
export function eitherWay(
  oldKeys: readonly string[],
  newKeys: readonly string[],
  match: (swap: boolean) => Matching,
): Matching {
  return fromNewSide(oldKeys, newKeys) ? transposed(match(true)) : match(false);
}

export function alignSequences(oldKeys: readonly string[], newKeys: readonly string[]): SequenceAlignment {
  const swap = fromNewSide(oldKeys, newKeys);
  const [from, to] = swap ? [newKeys, oldKeys] : [oldKeys, newKeys];
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays(from as string[], to as string[])) {
    const count = part.value.length;
    if (part.removed) i += count;
    else if (part.added) j += count;
    else for (let k = 0; k < count; k++) pairs.push(swap ? [j++, i++] : [i++, j++]);
  }
  return gaps(pairs, oldKeys.length, newKeys.length);
}

/**
 * What the aligned pairs leave, gap by gap. `anchor` is where in the new sequence a removed item sat: the first new
 * index of its gap.
 */
function gaps(pairs: [number, number][], oldLength: number, newLength: number): SequenceAlignment {
  const result: SequenceAlignment = { pairs, removed: [], added: [] };
  let hunk = 0;
  let [i, j] = [0, 0];
  for (const [pi, pj] of [...pairs, [oldLength, newLength]]) {
    if (i < pi || j < pj) {
      for (let k = i; k < pi; k++) result.removed.push({ index: k, hunk, anchor: j });
      for (let k = j; k < pj; k++) result.added.push({ index: k, hunk });
      hunk++;
    }
    [i, j] = [pi + 1, pj + 1];
  }
  return result;
}
