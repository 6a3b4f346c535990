import { diffBlocks, pairedBlocks, type BlockOp } from "./blockdiff.js";
import { blockText, type Block } from "./blocks.js";
import { bagOf, containment, type Bag } from "./similarity.js";
import type { Unit, UnitTree } from "./units.js";

/**
 * A clause is only an aid to alignment. One without a counterpart whose words mostly stand as plain paragraphs or
 * items on the other side (its bold lead-in added or dropped, its blank lines lost) is read as those blocks, so the
 * diff reports the words that changed rather than a clause removed and its text added.
 */

/**
 * Where each clause without a counterpart (its whole subtree unpaired too) would be read as plain blocks, by host. A
 * clause that loses its bold lead-in runs on in the clause before it, or stands in its parent: of those two, the one
 * whose counterpart holds more of the clause's words.
 */
export function clauseHosts(tree: UnitTree, partners: Map<Unit, Unit>): Map<Unit, Unit[]> {
  const lone = (u: Unit): boolean => !partners.has(u) && u.children.every(lone);
  const bags = new Map<Unit, Bag>();
  const counterpartWords = (host: Unit): Bag =>
    bags.get(host) ?? bags.set(host, bagOf(blockText(partners.get(host)!.blocks))).get(host)!;
  const hosts = new Map<Unit, Unit[]>();
  for (const clause of tree.flat) {
    if (clause.kind !== "clause" || !clause.plain || !clause.parent || !partners.has(clause.parent) || !lone(clause))
      continue;
    const siblings = clause.parent.children;
    let before = siblings[siblings.indexOf(clause) - 1];
    while (before?.kind === "clause" && lone(before)) before = siblings[siblings.indexOf(before) - 1];
    const candidates = [clause.parent, ...(before?.kind === "clause" && partners.has(before) ? [before] : [])];
    const words = bagOf(blockText(clause.plain()));
    const held = (host: Unit): number => containment(words, counterpartWords(host));
    const host = candidates.reduce((best, c) => (held(c) > held(best) ? c : best));
    const list = hosts.get(host);
    if (list) list.push(clause);
    else hosts.set(host, [clause]);
  }
  return hosts;
}

/** Block matches of one aligned pair, with the clauses hosted there read as plain blocks where that pairs them. */
export function diffPair(
  a: Unit,
  b: Unit,
  oldHosts: Map<Unit, Unit[]>,
  newHosts: Map<Unit, Unit[]>,
): { ops: BlockOp[]; dissolved: Unit[] } {
  const oldLone = oldHosts.get(a) ?? [];
  const newLone = newHosts.get(b) ?? [];
  if (!oldLone.length && !newLone.length) return { ops: diffBlocks(a.blocks, b.blocks), dissolved: [] };
  const plain = new Map<Unit, Block[]>([...oldLone, ...newLone].map((u) => [u, u.plain!()]));
  const merged = (blocks: Block[], clauses: Unit[]): Block[] =>
    [...blocks, ...clauses.flatMap((c) => plain.get(c)!)].sort((x, y) => x.line - y.line);
  const run = (olds: Unit[], news: Unit[]): BlockOp[] => diffBlocks(merged(a.blocks, olds), merged(b.blocks, news));
  const ops = run(oldLone, newLone);
  const paired = pairedBlocks(ops);
  // At least half its blocks found a partner; an empty clause (a bare "7." item) has nothing to read either way.
  const readsAsPlain = (u: Unit): boolean =>
    plain.get(u)!.filter((blk) => paired.has(blk)).length >= plain.get(u)!.length / 2;
  const oldKeep = oldLone.filter(readsAsPlain);
  const newKeep = newLone.filter(readsAsPlain);
  const dissolved = [...oldKeep, ...newKeep];
  if (oldKeep.length === oldLone.length && newKeep.length === newLone.length) return { ops, dissolved };
  return { ops: run(oldKeep, newKeep), dissolved };
}
