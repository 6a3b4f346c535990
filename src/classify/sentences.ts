import type { EditPart } from "../diff/types.js";
import { sentenceSpans, type Span } from "../text/sentences.js";

// The splitter is shared with the rules (src/text/sentences.ts); classifier modules keep importing it from here.
export { sentenceSpans, type Span };

/**
 * A change cut into sentences, each paired with what it was: words are judged in their sentence ("we share X with
 * {+Y+}" is a new recipient, "you can ask for the categories {+or list+} of third parties we share it with" is a
 * wider right), so every later step works on these pairs and the spans of words that came and went in them.
 */

export interface Delta {
  /** The sentence before ("" when it is new) and after ("" when it went). */
  old: string;
  new: string;
  /** Deleted words within `old`, inserted words within `new`. */
  del: Span[];
  ins: Span[];
}

/** A whole text that came (or went): one delta per sentence, every word inserted (or deleted). */
export function wholeDeltas(text: string, side: "added" | "removed"): Delta[] {
  return sentenceSpans(text)
    .map((s) => text.slice(s.start, s.end))
    .filter((s) => s.trim())
    .map((s) =>
      side === "added"
        ? { old: "", new: s, del: [], ins: [{ start: 0, end: s.length }] }
        : { old: s, new: "", del: [{ start: 0, end: s.length }], ins: [] },
    );
}

interface Run {
  op: EditPart["op"];
  o: Span;
  n: Span;
}

/** Word edits of one text as sentence pairs: each new sentence with the old words it stands for. */
export function editDeltas(edits: readonly EditPart[]): Delta[] {
  const runs: Run[] = [];
  let o = 0;
  let n = 0;
  for (const e of edits) {
    const ol = e.op === "insert" ? 0 : e.text.length;
    const nl = e.op === "delete" ? 0 : e.text.length;
    runs.push({ op: e.op, o: { start: o, end: o + ol }, n: { start: n, end: n + nl } });
    o += ol;
    n += nl;
  }
  const oldText = edits
    .filter((e) => e.op !== "insert")
    .map((e) => e.text)
    .join("");
  const newText = edits
    .filter((e) => e.op !== "delete")
    .map((e) => e.text)
    .join("");
  // A new position's old counterpart; at a boundary, the start of the first run there, so words deleted just before
  // a sentence travel with it (and splitGone then gives whole deleted sentences their own delta).
  const toOld = (pos: number): number => {
    if (pos >= newText.length) return oldText.length;
    const at = runs.find((r) => r.n.start === pos);
    if (at) return at.o.start;
    const inside = runs.find((r) => pos > r.n.start && pos < r.n.end)!;
    return inside.op === "equal" ? inside.o.start + (pos - inside.n.start) : inside.o.start;
  };
  const deltas: Delta[] = [];
  const spans = newText ? sentenceSpans(newText) : [{ start: 0, end: 0 }];
  spans.forEach((s, i) => {
    const oStart = i === 0 ? 0 : toOld(s.start);
    const oEnd = toOld(s.end);
    const ins = clip(
      runs.filter((r) => r.op === "insert").map((r) => r.n),
      s,
    );
    const del = clip(
      runs.filter((r) => r.op === "delete").map((r) => r.o),
      { start: oStart, end: Math.max(oStart, oEnd) },
    );
    deltas.push(
      ...splitGone({
        old: oldText.slice(oStart, Math.max(oStart, oEnd)),
        new: newText.slice(s.start, s.end),
        del,
        ins,
      }),
    );
  });
  return deltas.filter((d) => d.ins.length || d.del.length);
}

function clip(spans: Span[], within: Span): Span[] {
  return spans
    .map((s) => ({
      start: Math.max(s.start, within.start) - within.start,
      end: Math.min(s.end, within.end) - within.start,
    }))
    .filter((s) => s.end > s.start);
}

/** Old sentences that went entirely are deltas of their own, so a deleted sentence is not read as its neighbour's. */
function splitGone(d: Delta): Delta[] {
  if (!d.old || !d.new || d.ins.some((s) => s.start === 0 && s.end === d.new.length)) return [d];
  const gone: Delta[] = [];
  const kept: Span[] = [];
  for (const s of sentenceSpans(d.old)) {
    const covered = d.del.some(
      (x) => x.start <= s.start && x.end >= s.end - (/(?<!\s)\s*$/.exec(d.old.slice(s.start, s.end))?.[0].length ?? 0),
    );
    if (covered && d.old.slice(s.start, s.end).trim()) {
      const text = d.old.slice(s.start, s.end);
      gone.push({ old: text, new: "", del: [{ start: 0, end: text.length }], ins: [] });
    } else kept.push(s);
  }
  if (!gone.length || !kept.length) return [d];
  const from = kept[0].start;
  const to = kept[kept.length - 1].end;
  const del = d.del
    .map((x) => ({ start: Math.max(x.start, from) - from, end: Math.min(x.end, to) - from }))
    .filter((x) => x.end > x.start);
  return [...gone, { old: d.old.slice(from, to), new: d.new, del, ins: d.ins }];
}

export function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && s.end > start);
}
