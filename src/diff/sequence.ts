import { diffArrays } from "diff";

/**
 * Order-preserving alignment of two key sequences (Myers, via jsdiff): O((N+M)·D), so linear when little changed.
 * Everything not aligned is left over, tagged with its hunk (the gap between two aligned runs) for local pairing.
 */
export interface SequenceAlignment {
  pairs: [number, number][];
  removed: { index: number; hunk: number; anchor: number }[];
  added: { index: number; hunk: number }[];
}

export function alignSequences(oldKeys: readonly string[], newKeys: readonly string[]): SequenceAlignment {
  const result: SequenceAlignment = { pairs: [], removed: [], added: [] };
  let i = 0;
  let j = 0;
  let hunk = 0;
  let inHunk = false;
  for (const part of diffArrays(oldKeys as string[], newKeys as string[])) {
    const count = part.value.length;
    if (!part.added && !part.removed) {
      for (let k = 0; k < count; k++) result.pairs.push([i++, j++]);
      if (inHunk) hunk++;
      inHunk = false;
      continue;
    }
    inHunk = true;
    // `anchor` is where in the new sequence the removed run sat: the index of the next new item.
    if (part.removed) for (let k = 0; k < count; k++) result.removed.push({ index: i++, hunk, anchor: j });
    else for (let k = 0; k < count; k++) result.added.push({ index: j++, hunk });
  }
  return result;
}
