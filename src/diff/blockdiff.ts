import type { Block } from "./blocks.js";
import { alignSequences, eitherWay, type Matching, type SequenceAlignment } from "./sequence.js";
import { BagCache, heaviestIncreasing, pairGreedy, similarity } from "./similarity.js";

/**
 * Matches the blocks of two aligned sections: in order where the text is unchanged, then the same text elsewhere (a
 * move), then edited blocks by word overlap, first within the gap they sit in and then anywhere (moved and edited).
 */
export type BlockOp =
  | { op: "same"; old: Block; new: Block; moved: boolean; regrouped?: Block[] }
  | { op: "removed"; old: Block; anchor: number }
  | { op: "added"; new: Block };

const bags = new BagCache<Block>((b) => b.text);

/** Paragraphs and list items read alike; a table only ever continues a table, code only code. */
function family(block: Block): string {
  return block.type === "list-item" ? "paragraph" : block.type;
}

const leads = new BagCache<Block>((b) => b.lead ?? "");

function editScore(a: Block, b: Block, min: number): number {
  if (family(a) !== family(b)) return -1;
  // Two items about different names ("Datadog. Monitoring." and "AppSignal. Monitoring.") are not one item edited.
  if (a.lead && b.lead && similarity(leads.get(a), leads.get(b)) === 0) return -1;
  if (a.type === "table") return 1 + similarity(bags.get(a), bags.get(b));
  const s = similarity(bags.get(a), bags.get(b));
  return s >= min ? s : -1;
}

interface Hunk {
  old: number[];
  new: number[];
}

/** The gaps of an alignment, each with its old and new indices (the other way round when `back`). */
function hunksOf(seq: SequenceAlignment, back: boolean): Hunk[] {
  const byHunk = new Map<number, Hunk>();
  const get = (h: number): Hunk => byHunk.get(h) ?? byHunk.set(h, { old: [], new: [] }).get(h)!;
  for (const r of seq.removed) get(r.hunk)[back ? "new" : "old"].push(r.index);
  for (const a of seq.added) get(a.hunk)[back ? "old" : "new"].push(a.index);
  return [...byHunk].sort((x, y) => x[0] - y[0]).map(([, h]) => h);
}

/** Blocks that were matched, silently or not: every block an op pairs, regrouped paragraphs included. */
export function pairedBlocks(ops: readonly BlockOp[]): Set<Block> {
  const paired = new Set<Block>();
  for (const op of ops) {
    if (op.op !== "same") continue;
    paired.add(op.old).add(op.new);
    for (const block of op.regrouped ?? []) paired.add(block);
  }
  return paired;
}

export function diffBlocks(olds: readonly Block[], news: readonly Block[]): BlockOp[] {
  const oldKeys = olds.map((b) => b.key);
  const newKeys = news.map((b) => b.key);
  const seq = alignSequences(oldKeys, newKeys);
  const groups = regroupParagraphs(olds, news, hunksOf(seq, false));
  const quiet = { old: new Set(groups.flatMap(([o]) => o)), new: new Set(groups.flatMap(([, n]) => n)) };
  // Worked out from one side whichever way the diff runs, so that A→B and B→A pair the same blocks.
  const { pairs, moved } = eitherWay(oldKeys, newKeys, (back) =>
    back
      ? matchBlocks(
          news,
          olds,
          seq.pairs.map(([i, j]) => [j, i]),
          hunksOf(seq, true),
          quiet.new,
          quiet.old,
        )
      : matchBlocks(olds, news, seq.pairs, hunksOf(seq, false), quiet.old, quiet.new),
  );
  const oldFor = new Map([...pairs].map(([i, j]) => [j, i]));

  const ops: BlockOp[] = groups.map(([o, n]) => {
    const before = o.map((i) => olds[i]);
    const after = n.map((j) => news[j]);
    return { op: "same", old: joined(before), new: joined(after), moved: false, regrouped: [...before, ...after] };
  });
  news.forEach((block, j) => {
    const i = oldFor.get(j);
    if (i !== undefined) ops.push({ op: "same", old: olds[i], new: block, moved: moved.has(i) });
    else if (!quiet.new.has(j)) ops.push({ op: "added", new: block });
  });
  for (const { index, anchor } of seq.removed) {
    if (!pairs.has(index) && !quiet.old.has(index))
      ops.push({ op: "removed", old: olds[index], anchor: news[anchor]?.line ?? Number.POSITIVE_INFINITY });
  }
  return ops;
}

/**
 * Pairs what the aligned runs (`aligned`) left in the gaps (`hunks`), less the re-paragraphed (`quiet…`): the same
 * text elsewhere, then edited blocks by word overlap, first within their gap and then anywhere; pairs out of order
 * are moves.
 */
function matchBlocks(
  olds: readonly Block[],
  news: readonly Block[],
  aligned: [number, number][],
  hunks: Hunk[],
  quietOld: Set<number>,
  quietNew: Set<number>,
): Matching {
  const pairs = new Map<number, number>(aligned);
  const newTaken = new Set(aligned.map(([, j]) => j));
  const leftOld = hunks.flatMap((h) => h.old);
  const leftNew = hunks.flatMap((h) => h.new);
  const take = (i: number, j: number): void => {
    pairs.set(i, j);
    newTaken.add(j);
  };
  const freeOld = (at: number[]): number[] => at.filter((i) => !pairs.has(i) && !quietOld.has(i));
  const freeNew = (at: number[]): number[] => at.filter((j) => !newTaken.has(j) && !quietNew.has(j));

  // The same text elsewhere in the section: moved.
  const byKey = new Map<string, number[]>();
  for (const j of freeNew(leftNew)) {
    const list = byKey.get(news[j].key);
    if (list) list.push(j);
    else byKey.set(news[j].key, [j]);
  }
  for (const i of freeOld(leftOld)) {
    const j = byKey.get(olds[i].key)?.shift();
    if (j !== undefined) take(i, j);
  }

  for (const hunk of hunks) {
    for (const [i, j] of pairGreedy(
      freeOld(hunk.old),
      freeNew(hunk.new),
      (i, j) => editScore(olds[i], news[j], 0.4),
      0,
    ))
      take(i, j);
  }
  const allOld = freeOld(leftOld);
  const allNew = freeNew(leftNew);
  for (const [i, j] of pairGreedy(allOld, allNew, (i, j) => editScore(olds[i], news[j], 0.6), 0, 20_000)) take(i, j);

  const ordered = [...pairs].sort((x, y) => x[0] - y[0]);
  const inOrder = heaviestIncreasing(
    ordered.map(([, j]) => j),
    (k) => olds[ordered[k][0]].key === news[ordered[k][1]].key,
  );
  return { pairs, moved: new Set(ordered.filter((_, k) => !inOrder.has(k)).map(([i]) => i)) };
}

/**
 * A paragraph split in two, or two run together, is re-paragraphed, not rewritten: when a gap holds a different
 * number of paragraphs on each side and they mostly say the same words joined, the joined texts are compared as one.
 */
function regroupParagraphs(olds: readonly Block[], news: readonly Block[], hunks: Hunk[]): [number[], number[]][] {
  const groups: [number[], number[]][] = [];
  for (const hunk of hunks) {
    if (!hunk.old.length || !hunk.new.length || hunk.old.length === hunk.new.length) continue;
    const before = hunk.old.map((i) => olds[i]);
    const after = hunk.new.map((j) => news[j]);
    if (![...before, ...after].every((b) => b.type === "paragraph")) continue;
    const a = joined(before);
    const b = joined(after);
    if (a.text !== b.text && similarity(bags.get(a), bags.get(b)) < 0.75) continue;
    groups.push([hunk.old, hunk.new]);
  }
  return groups;
}

function joined(blocks: Block[]): Block {
  const text = blocks.map((b) => b.text).join(" ");
  return {
    type: "paragraph",
    text,
    links: blocks.flatMap((b) => b.links),
    line: blocks[0].line,
    key: `paragraph\u0000${text}`,
  };
}
