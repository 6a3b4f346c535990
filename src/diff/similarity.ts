import { rememberedByText } from "../text/memo.js";
import { isPlain } from "../text/plain.js";

/** Word-bag similarity: cheap enough to compare every leftover pair, blind to order, which moves and rewraps change. */

/** Read only: a bag is remembered by its text and shared (bagOf). */
export type Bag = ReadonlyMap<string, number>;

const WORD = /[\p{L}\p{N}]+/gu;
/** WORD for a plain text (text/plain.ts) once lower-cased: the same words, read faster without the `u` flag. */
const ASCII_WORD = /[a-z0-9]+/g;

/**
 * A text's bag, remembered by its text: the versions of a policy share most blocks, and each version's blocks are
 * scored again against the next version's (`policylint log`). Callers only read a bag.
 */
export const bagOf: (text: string) => Bag = rememberedByText((text) => {
  const bag = new Map<string, number>();
  const lower = text.toLowerCase();
  for (const word of lower.match(isPlain(lower) ? ASCII_WORD : WORD) ?? []) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
});

function size(bag: Bag): number {
  let n = 0;
  for (const count of bag.values()) n += count;
  return n;
}

/** Dice coefficient over word multisets: 1 for the same words, 0 for none shared. Two empty texts are alike. */
export function similarity(a: Bag, b: Bag): number {
  const total = size(a) + size(b);
  if (total === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [word, count] of small) shared += Math.min(count, large.get(word) ?? 0);
  return (2 * shared) / total;
}

/** How much of `part`'s words `whole` holds: 1 when every word of `part` is in `whole`. */
export function containment(part: Bag, whole: Bag): number {
  let total = 0;
  let held = 0;
  for (const [word, count] of part) {
    total += count;
    held += Math.min(count, whole.get(word) ?? 0);
  }
  return total ? held / total : 0;
}

/** A memo so each text is tokenised once however many pairs it is scored in. */
export class BagCache<T extends object> {
  private readonly bags = new WeakMap<T, Bag>();
  constructor(private readonly text: (item: T) => string) {}
  get(item: T): Bag {
    let bag = this.bags.get(item);
    if (!bag) {
      bag = bagOf(this.text(item));
      this.bags.set(item, bag);
    }
    return bag;
  }
}

/**
 * Indices (into `values`, distinct non-negative integers) of a longest strictly increasing subsequence: the matches
 * that stay in order, the rest being moves. Among equally long ones, the one with most `prefer`red items wins, so an
 * unchanged block stays put and its edited neighbour is the one that moved; then the later one stays. O(n log n).
 */
export function heaviestIncreasing(values: readonly number[], prefer?: (i: number) => boolean): Set<number> {
  const n = values.length;
  if (!n) return new Set();
  // Small enough that all the preferences together never outweigh one more match.
  const bonus = 1 / (n + 1);
  // A fold, not Math.max(...values): a document of 150,000 blocks would overflow the stack.
  const size = values.reduce((max, v) => Math.max(max, v), 0) + 2;
  // A Fenwick tree over values holding the best chain ending at or below each value.
  const treeWeight = new Float64Array(size + 1);
  const treeIndex = new Int32Array(size + 1).fill(-1);
  const best = new Float64Array(n);
  const previous = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let w = 0;
    let from = -1;
    for (let k = values[i]; k > 0; k -= k & -k) {
      if (treeWeight[k] > w || (treeWeight[k] === w && treeIndex[k] > from)) {
        w = treeWeight[k];
        from = treeIndex[k];
      }
    }
    best[i] = w + 1 + (prefer?.(i) ? bonus : 0);
    previous[i] = from;
    for (let k = values[i] + 1; k <= size; k += k & -k) {
      if (best[i] > treeWeight[k] || (best[i] === treeWeight[k] && i > treeIndex[k])) {
        treeWeight[k] = best[i];
        treeIndex[k] = i;
      }
    }
  }
  let end = 0;
  for (let i = 1; i < n; i++) if (best[i] >= best[end]) end = i;
  const keep = new Set<number>();
  for (let i = end; i >= 0; i = previous[i]) keep.add(i);
  return keep;
}

/**
 * Pairs items greedily, best score first, ties to the closest positions. Quadratic in the leftovers, so callers pass
 * only what exact matching left; past `budget` candidate pairs it gives up rather than stall on a rewritten document.
 */
export function pairGreedy<A, B>(
  olds: readonly A[],
  news: readonly B[],
  score: (a: A, b: B) => number,
  min: number,
  budget = 50_000,
): [A, B][] {
  if (!olds.length || !news.length || olds.length * news.length > budget) return [];
  const candidates: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < olds.length; i++) {
    for (let j = 0; j < news.length; j++) {
      const s = score(olds[i], news[j]);
      if (s >= min) candidates.push({ i, j, s });
    }
  }
  candidates.sort((x, y) => y.s - x.s || Math.abs(x.i - x.j) - Math.abs(y.i - y.j) || x.i - y.i);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: [A, B][] = [];
  for (const { i, j } of candidates) {
    if (usedOld.has(i) || usedNew.has(j)) continue;
    usedOld.add(i);
    usedNew.add(j);
    pairs.push([olds[i], news[j]]);
  }
  return pairs;
}
