/**
 * jsdiff 8's Myers diff (`Diff.diffWithOptionsObj`, the engine of `diffWordsWithSpace`) over tokens numbered by their
 * spelling, with the same choices step by step: the same diagonals tried in the same order, the same preference for
 * the path farther along the old text, the same pruning at the edges, so it picks the same script among equally
 * short ones and gives the same edits. jsdiff builds two objects for every step and compares tokens as strings; on a
 * long `policylint log` that was a tenth of the run (2.4 s of the WordPress.com terms' history), where numbers in
 * arrays take a fraction of it. tests/myers.test.ts holds it to jsdiff on generated and real texts.
 */

/** What one run of tokens is: in both texts, only in the new one, or only in the old one. */
export const EQUAL = 0;
export const ADDED = 1;
export const REMOVED = 2;
type Kind = typeof EQUAL | typeof ADDED | typeof REMOVED;

/** How many components the search keeps before it drops those no path reaches (a few MB). */
const COMPACT_FROM = 1 << 18;

/** A run of `count` tokens of one kind, in order. */
export interface Run {
  kind: Kind;
  count: number;
}

/**
 * The runs that turn `old` into `now` (token numbers), or undefined past `maxEditLength` edits, as jsdiff's
 * `maxEditLength` option.
 */
export function myersRuns(old: ArrayLike<number>, now: ArrayLike<number>, maxEditLength: number): Run[] | undefined {
  const oldLen = old.length;
  const newLen = now.length;
  const limit = Math.min(newLen + oldLen, maxEditLength);
  // jsdiff's components, a linked list from the last back: each path step adds one (a run grown by one is a new
  // component, since other paths may share the old one).
  // Typed arrays grown by doubling: a long rewritten paragraph makes millions of components, and pushing them onto
  // arrays was half the search's time.
  let count = new Int32Array(1024);
  let kind = new Uint8Array(1024);
  let previous = new Int32Array(1024);
  let components = 0;
  const grow = (capacity: number): void => {
    const [c, k, p] = [new Int32Array(capacity), new Uint8Array(capacity), new Int32Array(capacity)];
    c.set(count.subarray(0, components));
    k.set(kind.subarray(0, components));
    p.set(previous.subarray(0, components));
    [count, kind, previous] = [c, k, p];
  };
  const component = (n: number, k: Kind, before: number): number => {
    if (components === count.length) grow(2 * components);
    count[components] = n;
    kind[components] = k;
    previous[components] = before;
    return components++;
  };
  // jsdiff's bestPath[d] for d in -limit-1 … limit+1: present or not, its place in the old text, its last component.
  const offset = limit + 1;
  const size = 2 * limit + 3;
  const present = new Uint8Array(size);
  const oldPos = new Int32Array(size);
  const last = new Int32Array(size);

  /** jsdiff's extractCommon: follow the diagonal while the tokens agree; returns the position in the new text. */
  const extractCommon = (slot: number, diagonal: number): number => {
    let o = oldPos[slot];
    let n = o - diagonal;
    let common = 0;
    while (n + 1 < newLen && o + 1 < oldLen && old[o + 1] === now[n + 1]) {
      n++;
      o++;
      common++;
    }
    if (common) last[slot] = component(common, EQUAL, last[slot]);
    oldPos[slot] = o;
    return n;
  };
  const runs = (from: number): Run[] => {
    const out: Run[] = [];
    for (let c = from; c >= 0; c = previous[c]) out.push({ kind: kind[c] as Kind, count: count[c] });
    return out.reverse();
  };

  present[offset] = 1;
  oldPos[offset] = -1;
  last[offset] = -1;
  let newPos = extractCommon(offset, 0);
  if (oldPos[offset] + 1 >= oldLen && newPos + 1 >= newLen) return runs(last[offset]);

  /**
   * Drops the components no path reaches any more. jsdiff's garbage collector does this for it; kept, they grow as
   * the square of the edits (158 MB for two unrelated blocks of 2,900 words). Only between two edit lengths, when
   * the present paths' last components are the only ones still to be read.
   */
  let compactAt = COMPACT_FROM;
  const compact = (): void => {
    const keep = new Int32Array(components).fill(-1);
    const live: number[] = [];
    for (let slot = 0; slot < size; slot++) if (present[slot] === 1 && last[slot] >= 0) live.push(slot);
    for (const slot of live) for (let c = last[slot]; c >= 0 && keep[c] < 0; c = previous[c]) keep[c] = 0;
    // Renumbered in place: a kept component moves down to the next free place, never past one not yet read, and its
    // previous one comes before it, so it is already renumbered.
    const total = components;
    components = 0;
    for (let c = 0; c < total; c++) {
      if (keep[c] < 0) continue;
      keep[c] = components;
      component(count[c], kind[c] as Kind, previous[c] < 0 ? -1 : keep[previous[c]]);
    }
    for (const slot of live) last[slot] = keep[last[slot]];
    compactAt = Math.max(COMPACT_FROM, 2 * components);
  };

  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let editLength = 1; editLength <= limit; editLength++) {
    if (components > compactAt) compact();
    const to = Math.min(maxDiagonal, editLength);
    for (let diagonal = Math.max(minDiagonal, -editLength); diagonal <= to; diagonal += 2) {
      const slot = diagonal + offset;
      const canRemoveFrom = present[slot - 1] === 1;
      const canAddFrom = present[slot + 1] === 1;
      const removeOld = oldPos[slot - 1];
      const removeLast = last[slot - 1];
      // Nobody reads the remove path again: jsdiff clears it, and a later pass must find it cleared.
      if (canRemoveFrom) present[slot - 1] = 0;
      let canAdd = false;
      if (canAddFrom) {
        const addNewPos = oldPos[slot + 1] - diagonal;
        canAdd = 0 <= addNewPos && addNewPos < newLen;
      }
      const canRemove = canRemoveFrom && removeOld + 1 < oldLen;
      if (!canAdd && !canRemove) {
        present[slot] = 0;
        continue;
      }
      let baseOld: number;
      let baseLast: number;
      let step: Kind;
      if (!canRemove || (canAdd && removeOld < oldPos[slot + 1])) {
        baseOld = oldPos[slot + 1];
        baseLast = last[slot + 1];
        step = ADDED;
      } else {
        baseOld = removeOld + 1;
        baseLast = removeLast;
        step = REMOVED;
      }
      // jsdiff's addToPath: a step of the same kind as the last grows that run (as a new component).
      last[slot] =
        baseLast >= 0 && kind[baseLast] === step
          ? component(count[baseLast] + 1, step, previous[baseLast])
          : component(1, step, baseLast);
      oldPos[slot] = baseOld;
      present[slot] = 1;
      newPos = extractCommon(slot, diagonal);
      if (oldPos[slot] + 1 >= oldLen && newPos + 1 >= newLen) return runs(last[slot]);
      if (oldPos[slot] + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  return undefined;
}

/** A run of jsdiff's `diffArrays` output: the items of one kind, in order, and how many. */
export interface ArrayPart {
  added: boolean;
  removed: boolean;
  count: number;
  value: string[];
}

/**
 * jsdiff's `diffArrays(old, now)` on strings (compared with `===`), part for part: the items are numbered by value and
 * diffed by `myersRuns`, then each run takes its items where jsdiff's buildValues takes them (a removed run from the
 * old list, the others from the new). The classifier's editorial check diffs every changed block's words this way.
 */
export function diffArrays(old: readonly string[], now: readonly string[]): ArrayPart[] {
  const numbers = new Map<string, number>();
  const number = (items: readonly string[]): Int32Array => {
    const ids = new Int32Array(items.length);
    for (let i = 0; i < items.length; i++) {
      let id = numbers.get(items[i]);
      if (id === undefined) numbers.set(items[i], (id = numbers.size));
      ids[i] = id;
    }
    return ids;
  };
  // No edit limit, as jsdiff's diffArrays has none: the search keeps only the steps some path still reaches.
  const runs = myersRuns(number(old), number(now), Infinity)!;
  let oldAt = 0;
  let newAt = 0;
  return runs.map((run) => {
    let value: string[];
    if (run.kind === REMOVED) value = old.slice(oldAt, (oldAt += run.count));
    else {
      value = now.slice(newAt, (newAt += run.count));
      if (run.kind === EQUAL) oldAt += run.count;
    }
    return { added: run.kind === ADDED, removed: run.kind === REMOVED, count: run.count, value };
  });
}
