import { finding } from "./finding.js";
import type { Knowledge, Match, Matcher } from "./knowledge.js";
import { overlaps, type Delta, type Span } from "./sentences.js";
import type { TextContext } from "./text.js";
import type { Finding } from "./types.js";
import {
  cameIn,
  clauseAround,
  deleted,
  excerpt,
  extendsList,
  hasContent,
  inserted,
  isWholeGone,
  isWholeNew,
  quote,
  wentOut,
  words,
} from "./words.js";

/**
 * Promises and the verbs that carry them. A promise is a negated processing verb ("we do not sell"), an "only"
 * before one ("may only access"), or a protective phrase from the knowledge (encryption, a transfer safeguard,
 * notice); a commitment's strength is its modal verb. What a change does to them is the reason.
 */

/** The old and the new sentence, as a reader's "We changed … to …" quotes them. */
function bothSentences(d: Delta): { old: string; new: string } {
  return { old: quote(d.old, 200), new: quote(d.new, 200) };
}

/** "will not" → "may", "will" → "may try to": the company's commitment got weaker (or, the other way, stronger). */
export function modalShift(d: Delta, { k }: TextContext): Finding | null {
  if (isWholeNew(d) || isWholeGone(d)) return null;
  const ours = (text: string, at: number) =>
    !/\byou\b/i.test(
      text
        .slice(Math.max(0, at - 40), at)
        .split(/[,;:]/)
        .pop() ?? "",
    );
  // "can" inside "can't" is not a permission; a firm phrase that only changed its spelling ("cannot" → "can't") stays
  // firm.
  const real = (text: string) => (m: { start: number; end: number }) =>
    ours(text, m.start) && !/^['’]t\b|^\s*not\b/i.test(text.slice(m.end));
  const count = (m: Matcher, text: string) => m.find(text).filter(real(text)).length;
  for (const { from, to } of k.modalWeakenings) {
    const gone = wentOut(from, d).filter(real(d.old));
    const came = cameIn(to, d).filter(real(d.new));
    if (gone.length && came.length && count(from, d.new) < count(from, d.old)) {
      const before = d.old.slice(gone[0].start);
      const after = d.new.slice(came[0].start);
      const data = { was: quote(words(before, 4)), now: quote(words(after, 4)), ...bothSentences(d) };
      return finding("modal-weakened", "modal", data, { family: "modal", key: came[0].term, direction: "added" });
    }
    const back = wentOut(to, d).filter(real(d.old));
    const firm = cameIn(from, d).filter(real(d.new));
    if (back.length && firm.length && count(to, d.new) < count(to, d.old)) {
      const was = quote(words(d.old.slice(back[0].start), 4));
      return finding("modal-strengthened", "modal", { was, now: quote(words(d.new.slice(firm[0].start), 4)) });
    }
  }
  return hedged(d, k, real(d.new));
}

/**
 * "we apply the same data rights to all customers" → "we strive to apply …": no modal verb went, but a plain present
 * tense, which states what is done, became an effort ("strive to", "try to", "aim to", "endeavour to"). Basecamp's
 * privacy policy 078→079.
 */
function hedged(d: Delta, k: Knowledge, real: (m: { start: number; end: number }) => boolean): Finding | null {
  const old = ` ${d.old.toLowerCase().replace(/\s+/g, " ")} `;
  for (const { to } of k.modalWeakenings) {
    for (const m of cameIn(to, d).filter(real)) {
      if (!/ to$/i.test(m.text) || !/\bwe\s+$/i.test(d.new.slice(Math.max(0, m.start - 4), m.start))) continue;
      const verb = /^\s+(\p{L}+)/u.exec(d.new.slice(m.end))?.[1]?.toLowerCase();
      if (!verb || !old.includes(` we ${verb} `)) continue;
      const data = { was: quote(`we ${verb}`), now: quote(words(d.new.slice(m.start), 4)), ...bothSentences(d) };
      return finding("modal-weakened", "modal", data, { family: "modal", key: m.term, direction: "added" });
    }
  }
  return null;
}

/** A negation governing a processing verb: "we do not sell", "we never share", "we don't knowingly collect". */
function negatedVerbs(k: Knowledge, text: string): { start: number; end: number; verb: string }[] {
  const out: { start: number; end: number; verb: string }[] = [];
  for (const v of k.protectedVerbs.find(text)) {
    const before = text.slice(Math.max(0, v.start - 60), v.start);
    const clause = before.split(/[;:,.]/).pop() ?? "";
    const window = clause.split(/\s+/).filter(Boolean).slice(-4).join(" ");
    k.negation.lastIndex = 0;
    const neg = k.negation.exec(window);
    if (!neg) continue;
    let start = v.start - clause.length + clause.indexOf(window) + neg.index;
    const aux = /\b(?:do|does|did|will|shall|would|may|can|could|must|should)\s+$/i.exec(
      text.slice(Math.max(0, start - 8), start),
    );
    if (aux) start -= aux[0].length;
    out.push({ start, end: v.end, verb: v.text.toLowerCase() });
  }
  return out;
}

export function promises(d: Delta, ctx: TextContext, modal: Finding | null): Finding[] {
  const weakened = modal?.code === "modal-weakened";
  const { k } = ctx;
  const found: Finding[] = [];
  const oldNeg = negatedVerbs(k, d.old);
  const newNeg = negatedVerbs(k, d.new);
  const addedNeg = newNeg.filter(
    (n) =>
      overlaps(d.ins, n.start, n.end) &&
      (isWholeNew(d) || !oldNeg.some((o) => o.verb === n.verb) || negationInserted(k, d, n)),
  );
  const goneNeg = oldNeg.filter((o) => overlaps(d.del, o.start, o.end) && !newNeg.some((n) => n.verb === o.verb));
  for (const n of addedNeg) {
    const promise = quote(d.new.slice(n.start, n.end));
    const facts = { family: "promise", key: n.verb, direction: "added" } as const;
    found.push(finding("protection-added", "negation", { promise }, facts));
  }
  if (!weakened) {
    for (const o of goneNeg) {
      const promise = d.old.slice(o.start, o.end);
      const data = { promise: quote(promise), short: excerpt(d.old, d.del, 90) };
      const facts = { family: "promise", key: o.verb, direction: "removed" } as const;
      found.push(finding("protection-removed", "negation", data, facts));
    }
  }
  // "will notify" → "may notify" is one reason (the modal), not also a protection gone.
  for (const m of modal ? [] : cameIn(k.protections, d, ctx.before)) {
    const data = { protection: quote(m.text), excerpt: excerpt(d.new, d.ins) };
    found.push(finding("protection-added", "phrase", data, { family: "protection", key: m.term, direction: "added" }));
  }
  for (const m of modal ? [] : wentOut(k.protections, d, ctx.after)) {
    const data = { protection: quote(m.text), excerpt: excerpt(d.old, d.del), short: excerpt(d.old, d.del, 90) };
    const facts = { family: "protection", key: m.term, direction: "removed" } as const;
    found.push(finding("protection-removed", "phrase", data, facts));
  }
  if (!addedNeg.length && !isWholeNew(d)) found.push(...narrowed(d, ctx, newNeg, oldNeg));
  if (!goneNeg.length && !isWholeGone(d)) found.push(...shrunk(d, ctx, oldNeg));
  return found;
}

/**
 * A name dropped from the list a promise covers: "we never use Business, {-Education-} or Enterprise accounts to
 * train" promises less. Only the company's own promises, only words taken out of a list, nothing put in their place.
 */
function shrunk(d: Delta, { k }: TextContext, oldNeg: { start: number; end: number }[]): Finding[] {
  if (hasContent(k, inserted(d))) return [];
  const mirrored: Delta = { old: d.new, new: d.old, ins: d.del, del: d.ins };
  const anchors = oldNeg.map((n) => ({ at: n.start, end: n.end }));
  for (const { clause, span } of spansInPromises(d.old, d.del, anchors)) {
    const text = d.old.slice(span.start, span.end);
    if (!hasContent(k, text) || text.trim().split(/\s+/).length > 6 || !extendsList(k, mirrored, span)) continue;
    const promise = d.old.slice(clause.start, clause.end);
    const dropped = text.replace(/^[\s,;]*(?:and|or)?\s*/, "").replace(/(?<![\s,;])[\s,;]+$/, "");
    const data = { promise: quote(promise), words: quote(dropped), ...bothSentences(d) };
    const facts = { family: "narrowed", key: text.trim().toLowerCase(), direction: "removed" } as const;
    return [finding("protection-narrowed", "dropped", data, facts)];
  }
  return [];
}

function negationInserted(k: Knowledge, d: Delta, n: { start: number; end: number }): boolean {
  k.negation.lastIndex = 0;
  const neg = k.negation.exec(d.new.slice(n.start, n.end));
  return Boolean(neg && overlaps(d.ins, n.start + neg.index, n.start + neg.index + neg[0].length));
}

/**
 * Words that qualify a promise without extending it narrow it: "GitHub {+employees+} may only access", "we do not
 * sell your {+contact+} data". Only the company's own promises count (a negated or "only" processing verb, no "you"
 * before it), the promise itself must be unchanged, and the qualifier short: a rewritten sentence is not a qualifier.
 * A promise opened to a wider group (widerGroup) is the other way it covers less.
 */
function narrowed(d: Delta, { k }: TextContext, newNeg: Negated[], oldNeg: Negated[]): Finding[] {
  const anchors = promiseAnchors(k, d.new, newNeg);
  const wider = widerGroup(d, k, anchors, promiseAnchors(k, d.old, oldNeg));
  if (wider) return [wider];
  // A qualifier is added, not swapped for other words ("info" → "information" is a rewording).
  if (hasContent(k, deleted(d))) return [];
  for (const { anchor, clause, span } of spansInPromises(d.new, d.ins, anchors)) {
    if (anchor.only && span.start > anchor.at) continue;
    const text = d.new.slice(span.start, span.end);
    if (!hasContent(k, text) || text.trim().split(/\s+/).length > 6) continue;
    const promise = d.new.slice(clause.start, clause.end);
    if (extendsList(k, d, span)) {
      if (anchor.only) continue;
      const facts = { family: "promise", key: text.trim().toLowerCase(), direction: "added" } as const;
      return [finding("protection-added", "wider", { promise: quote(promise), words: quote(text) }, facts)];
    }
    const data = { promise: quote(promise), words: quote(text), ...bothSentences(d) };
    const facts = { family: "narrowed", key: text.trim().toLowerCase(), direction: "added" } as const;
    return [finding("protection-narrowed", "qualified", data, facts)];
  }
  return [];
}

/**
 * The spans one side changed inside the clause of a promise they leave whole, and only the company's own promises
 * (no "you" before the verb): the words that can qualify a promise (new side) or drop out of it (old side).
 */
function* spansInPromises<A extends { at: number; end: number }>(
  text: string,
  changed: Span[],
  anchors: A[],
): Generator<{ anchor: A; clause: { start: number; end: number }; span: Span }> {
  for (const anchor of anchors) {
    if (overlaps(changed, anchor.at, anchor.end)) continue;
    const clause = clauseAround(text, anchor.at);
    if (/\byou\b/i.test(text.slice(clause.start, anchor.at))) continue;
    for (const span of changed) {
      if (span.end <= clause.start || span.start >= clause.end) continue;
      yield { anchor, clause, span };
    }
  }
}

type Negated = { start: number; end: number };

interface Anchor {
  at: number;
  end: number;
  only: boolean;
}

/** Where a text's promises stand: its negated processing verbs, and each "only" just before a processing verb. */
function promiseAnchors(k: Knowledge, text: string, negated: Negated[]): Anchor[] {
  const onlyVerbs = k.restrictives
    .find(text)
    .filter((r) =>
      k.protectedVerbs
        .find(text.slice(r.end, r.end + 30))
        .some((v) => /^\s*(?:\S+\s+)?$/.test(text.slice(r.end, r.end + v.start))),
    );
  return [
    ...negated.map((n) => ({ at: n.start, end: n.end, only: false })),
    ...onlyVerbs.map((r) => ({ at: r.start, end: r.end, only: true })),
  ];
}

/**
 * The people a promise lets at the reader's data widened: "GitHub {-employees-}{+personnel+} may only access" lets
 * contractors in too (GitHub's terms of service 021→022), as "employees {+and contractors+}" would. A group is a
 * promise's subject (in its clause, before its verb), the promise itself unchanged; the new group must be of a later
 * tier (data: accessGroups) than every group the old promise named.
 */
function widerGroup(d: Delta, k: Knowledge, anchors: Anchor[], oldAnchors: Anchor[]): Finding | null {
  const tier = (m: Match) => k.groupTier.get(m.term) ?? -1;
  const subjects = (text: string, at: Anchor) => {
    const clause = clauseAround(text, at.at);
    if (/\byou\b/i.test(text.slice(clause.start, at.at))) return [];
    return k.accessGroups
      .find(text.slice(clause.start, at.at))
      .map((m) => ({ ...m, start: m.start + clause.start, end: m.end + clause.start }));
  };
  const named = oldAnchors.flatMap((a) => subjects(d.old, a));
  if (!named.length) return null;
  const was = named.reduce((a, b) => (tier(b) > tier(a) ? b : a));
  for (const anchor of anchors) {
    if (overlaps(d.ins, anchor.at, anchor.end)) continue;
    const came = subjects(d.new, anchor).find((m) => overlaps(d.ins, m.start, m.end) && tier(m) > tier(was));
    if (!came) continue;
    const clause = clauseAround(d.new, anchor.at);
    const promise = d.new.slice(clause.start, clause.end);
    const data = { promise: quote(promise), was: quote(was.text), now: quote(came.text), ...bothSentences(d) };
    const facts = { family: "narrowed", key: came.term, direction: "added" } as const;
    return finding("protection-narrowed", "group", data, facts);
  }
  return null;
}
