import { finding } from "./finding.js";
import { rememberedByText } from "../text/memo.js";
import type { Knowledge } from "./knowledge.js";
import type { Layouts } from "./layout.js";
import { phraseReasons } from "./phrases.js";
import { modalShift, promises } from "./promises.js";
import { overlaps, sentenceSpans, type Delta, type Span } from "./sentences.js";
import { binding, contact, reference } from "./terms.js";
import type { Category, Finding } from "./types.js";
import {
  affirmative,
  cameIn,
  deleted,
  excerpt,
  extendsList,
  hasContent,
  inserted,
  isWholeGone,
  isWholeNew,
  namesIn,
  negatedAt,
  quote,
  wentOut,
  withQualifier,
} from "./words.js";

/**
 * Reasons found in one sentence pair. Each detector reads the words that came or went in their sentence: a recipient
 * is a noun or a name added to a sentence that shares, a data category a data noun added to one that collects, a
 * purpose an infinitive added to one that uses. Promises live in promises.ts, binding terms and contacts in terms.ts.
 */

export interface TextContext {
  k: Knowledge;
  categories: Set<Category>;
  firstParty: readonly string[];
  /** The whole old and new text of the change: a sentence added to a paragraph is new only if its words are. */
  before?: string;
  after?: string;
  /** Sections whose table rows have records of their own (a table split under new headings). */
  rowPaths?: Set<string>;
  /** What only the whole documents tell (restructures, page furniture), when the caller has them. */
  layouts?: Layouts;
  /** The change is an item of a prohibition's list ("The following acts are prohibited:" … "(2) …"). */
  duty?: boolean;
}

// A pointer to another page states no use of data ("For more information on …, see …").
const POINTER = /^\W*(?:for (?:more|further|additional) (?:information|details)|to (?:learn|find out|read) more)\b/i;

export function analyseDelta(d: Delta, ctx: TextContext): Finding[] {
  const found: Finding[] = [];
  const add = (f: Finding | null | undefined) => f && found.push(f);
  const modal = modalShift(d, ctx);
  add(modal);
  found.push(...promises(d, ctx, modal));
  found.push(...rights(d, ctx));
  found.push(...sharing(d, ctx, "added"), ...sharing(d, ctx, "removed"));
  found.push(...collection(d, ctx, "added"), ...collection(d, ctx, "removed"));
  found.push(...purposes(d, ctx, "added"), ...purposes(d, ctx, "removed"));
  found.push(...places(d, ctx));
  add(lowered(d, ctx.k));
  found.push(...binding(d, ctx));
  found.push(...phraseReasons(d, ctx));
  const ref = reference(d);
  add(ref ?? contact(d, ctx));
  for (const m of ctx.k.material ? cameIn(ctx.k.material, d) : []) {
    const data = { term: quote(m.text), excerpt: excerpt(d.new, d.ins), short: excerpt(d.new, d.ins, 90) };
    found.push(finding("material-term", "term", data, { family: "term", key: m.term, direction: "added" }));
  }
  return found;
}

// "FedEx reserves the right", "we have the right", "you waive any right": not the reader's rights.
const THEIRS_BEFORE = new RegExp(
  String.raw`\breserves?\s+(?:(?:the|a|any)\s*)?$|\b(?:we|it)\s+(?:has|have)\s+the\s*$` +
    String.raw`|\bwaiv\w*\s+(?:(?:any|all|your|the|every)\s*)?$`,
  "i",
);

function rights(d: Delta, ctx: TextContext): Finding[] {
  const { k, categories } = ctx;
  const found: Finding[] = [];
  const theirs = (text: string, at: number) => THEIRS_BEFORE.test(text.slice(Math.max(0, at - 30), at));
  for (const m of cameIn(k.rights, d, ctx.before).filter((x) => !theirs(d.new, x.start))) {
    const data = { right: quote(m.text), excerpt: excerpt(d.new, d.ins) };
    found.push(finding("right-added", "sentence", data, { family: "right", key: m.term, direction: "added" }));
  }
  for (const m of wentOut(k.rights, d, ctx.after).filter((x) => !theirs(d.old, x.start))) {
    const data = { right: quote(m.text), excerpt: excerpt(d.old, d.del), short: excerpt(d.old, d.del, 90) };
    found.push(finding("right-removed", "sentence", data, { family: "right", key: m.term, direction: "removed" }));
  }
  const about = categories.has("rights") || categories.has("choices") || k.rights.test(d.new) || k.rights.test(d.old);
  if (found.length || !about || isWholeNew(d) || isWholeGone(d)) return found;
  const wider = d.ins.find((s) => extendsList(k, d, s) && hasContent(k, d.new.slice(s.start, s.end)));
  if (wider) return [finding("right-added", "widened", { words: quote(d.new.slice(wider.start, wider.end)) })];
  // A right named in the deleted words and none in the inserted ones: the list of rights got shorter.
  const lost = k.rightNouns.test(inserted(d)) ? [] : wentOut(k.rightNouns, d);
  if (lost.length) {
    const data = { right: quote(lost[0].text), excerpt: excerpt(d.old, d.del), short: excerpt(d.old, d.del, 90) };
    return [finding("right-removed", "list", data, { family: "right", key: lost[0].term, direction: "removed" })];
  }
  return found;
}

type Side = "added" | "removed";

function view(d: Delta, side: Side, ctx: TextContext) {
  const [text, sentence, around] =
    side === "added" ? [d.new, d.old, ctx.before ?? ""] : [d.old, d.new, ctx.after ?? ""];
  return {
    text,
    /** The other side's sentence, then the whole text of that side of the change: what the words must be new to. */
    other: `${sentence}\n${around}`,
    /** Whether the other side has `part` (lower case) in it. */
    otherHas: (part: string) => writtenIn(part, sentence, around),
    spans: side === "added" ? d.ins : d.del,
    whole: side === "added" ? isWholeNew(d) : isWholeGone(d),
    changed: side === "added" ? inserted(d) : deleted(d),
  };
}

/**
 * Texts in lower case, remembered: the whole text of a change's side (up to a whole document, for a section that came
 * or went) is the same for every sentence of it, and was lower-cased again by each detector of each sentence.
 */
const lowerCased = rememberedByText((text: string) => text.toLowerCase(), 512);

/**
 * Whether `part` (lower case) occurs in `first + "\n" + second` lower-cased. Lower-casing the two apart gives the same
 * letters (a line break ends a final sigma's context as the end of a text does), and a part across the line break
 * has one in it.
 */
function writtenIn(part: string, first: string, second: string): boolean {
  const [a, b] = [lowerCased(first), lowerCased(second)];
  return a.includes(part) || b.includes(part) || (part.includes("\n") && `${a}\n${b}`.includes(part));
}

function extension(ctx: TextContext, d: Delta, side: Side): boolean {
  const widens = (x: Delta) => (s: Span) => extendsList(ctx.k, x, s) || coordinated(ctx.k, x, s);
  if (side === "added") return d.ins.some(widens(d));
  const mirrored: Delta = { old: d.new, new: d.old, ins: d.del, del: d.ins };
  return d.del.some(widens(mirrored));
}

/**
 * Inserted words that put a new member before the old one with "and" or "or", ending on small words that take the
 * place of the old ones: "We use CAPTCHA services {-with-}{+across our applications to mitigate brute force logins and
 * in+} HEY" adds a use beside the one that stays (Basecamp's privacy policy 064→065).
 */
function coordinated(k: Knowledge, d: Delta, span: Span): boolean {
  const text = d.new.slice(span.start, span.end);
  // "we do not use that address for {+the purposes of sending … or+} …" names what is ruled out, not a new use.
  const before = d.new.slice(Math.max(0, d.new.lastIndexOf(".", span.start - 1) + 1), span.start);
  k.negation.lastIndex = 0;
  if (k.negation.test(before)) return false;
  const last = [...text.matchAll(/(?<![\p{L}\p{N}])(?:and|or|as well as)(?![\p{L}\p{N}])/giu)].pop();
  if (!last || !hasContent(k, text.slice(0, last.index))) return false;
  return !hasContent(k, text.slice(last.index + last[0].length)) && hasContent(k, d.new.slice(span.end));
}

function sharing(d: Delta, ctx: TextContext, side: Side): Finding[] {
  const { k, categories, firstParty } = ctx;
  const v = view(d, side, ctx);
  const nouns = k.recipientNouns
    .find(v.text)
    .filter((m) => overlaps(v.spans, m.start, m.end) && !v.otherHas(m.text.toLowerCase()));
  const names = () => namesIn(k, v.text, v.spans, firstParty).filter((n) => !v.otherHas(n.toLowerCase()));
  const shares = affirmative(k, v.text, k.verbs.sharing).length > 0;
  // Names only when a noun does not say who, and the weaker signs only when no verb shares: each costs a read.
  const thirdParty = () => categories.has("sharing") || categories.has("tracking") || k.thirdPartyMarkers.test(v.text);
  let who: string[] = [];
  if (shares) who = nouns.length ? nouns.map((n) => withQualifier(k, v.text, n)) : names();
  else if (thirdParty() && (v.whole || extension(ctx, d, side))) who = names();
  if (!who.length) return [];
  const data = { list: who.map((w) => quote(w)).join(", "), excerpt: excerpt(v.text, v.spans) };
  const facts = { family: "recipient", key: who[0].toLowerCase(), direction: side };
  const named = { names: who.join(", "), short: excerpt(v.text, v.spans, 90) };
  return side === "added"
    ? [finding("new-recipient", "sentence", { ...data, ...named }, facts)]
    : [finding("recipient-removed", "sentence", data, facts)];
}

function collection(d: Delta, ctx: TextContext, side: Side): Finding[] {
  const { k, categories } = ctx;
  const v = view(d, side, ctx);
  const nouns = k.dataNouns
    .find(v.text)
    .filter((m) => overlaps(v.spans, m.start, m.end) && !v.otherHas(m.text.toLowerCase()));
  if (!nouns.length) return [];
  const collects = affirmative(k, v.text, k.verbs.collection).length > 0;
  const section = categories.has("collection") && v.whole && !negatedAt(k, v.text, v.text.length);
  if (!collects && !section) return [];
  const data = { list: nouns.map((n) => quote(n.text)).join(", "), excerpt: excerpt(v.text, v.spans) };
  const facts = { family: "data", key: nouns[0].term, direction: side };
  const named = { names: nouns.map((n) => n.text).join(", "), short: excerpt(v.text, v.spans, 90) };
  return side === "added"
    ? [finding("new-data-category", "sentence", { ...data, ...named }, facts)]
    : [finding("data-category-removed", "sentence", data, facts)];
}

function purposes(d: Delta, ctx: TextContext, side: Side): Finding[] {
  const { k } = ctx;
  const v = view(d, side, ctx);
  if (!hasContent(k, v.changed)) return [];
  // Purposes are the company's: "we use … to", "so we can"; "you must … to receive a receipt" is an obligation.
  const ours = /\b(?:we|us|our)\b/i.test(v.text);
  // A verb after "help" is the aim, not a use it serves: "Terms of Service to help keep the ship afloat" keeps no data.
  const helped = (m: { start: number }) =>
    /\bhelp(?:s|ing)?\s+(?:(?:us|you|them)\s+)?$/i.test(v.text.slice(Math.max(0, m.start - 20), m.start));
  const uses =
    ours &&
    [k.verbs.use, k.verbs.collection, k.verbs.sharing].some((m) => affirmative(k, v.text, m).some((x) => !helped(x)));
  // An infinitive of purpose ("to improve", "to train"), not one that completes a verb ("required to share").
  const purposeful = (uses && k.purpose.test(v.text)) || k.purposeConnector.test(v.text);
  // "For more information on … our use of recommender systems to show you …, see …" points elsewhere; it states no use.
  if (!purposeful || POINTER.test(v.text)) return [];
  // "…, and with advertising partners" extends the recipients, not the purposes.
  if (!k.purpose.test(v.changed) && k.recipientNouns.test(v.changed) && !v.whole) return [];
  const words = k.purposeWords.find(v.changed);
  const aims = (text: string) => [...text.matchAll(everyAim(k))].map((m) => m[0].toLowerCase());
  let otherAims: string[] | undefined;
  const fresh =
    aims(v.text).some((a) => !(otherAims ??= aims(v.other)).includes(a)) ||
    words.some((w) => !v.otherHas(w.text.toLowerCase()));
  const newPurpose = (v.whole && fresh) || (extension(ctx, d, side) && (k.purpose.test(v.changed) || words.length > 0));
  if (!newPurpose) return [];
  const what = v.whole ? v.text : v.changed;
  const facts = { family: "purpose", key: what.trim().toLowerCase(), direction: side };
  if (side === "removed") return [finding("purpose-removed", "sentence", { what: quote(what) }, facts)];
  const data = { what: quote(what), where: v.whole ? "" : ` in ${excerpt(v.text, v.spans)}` };
  // The reader hears "We now also use your information to train …" when the new words say it; else the sentence.
  const aim = aimOf(v.whole ? "" : v.changed);
  return aim
    ? [finding("new-purpose", "aim", { ...data, aim }, facts)]
    : [finding("new-purpose", "sentence", { ...data, sentence: quote(v.text, 240) }, facts)];
}

/** The purpose pattern made global, once per vocabulary (matchAll copies it, so one serves every call). */
const globalAims = new WeakMap<Knowledge, RegExp>();
function everyAim(k: Knowledge): RegExp {
  let re = globalAims.get(k);
  if (!re) globalAims.set(k, (re = new RegExp(k.purpose.source, "giu")));
  return re;
}

/** The purpose the added words state ("to train …", "for …"), without the words that join them on; or null. */
function aimOf(added: string): string | null {
  const what = added
    .replace(/^[\s,;]*(?:(?:and|or|as well as|including)\s+)?(?:also\s+)?/i, "")
    .replace(/(?<![\s,;.])[\s,;.]+$/, "");
  return /^(?:to|for|in order to)\s/i.test(what) ? what : null;
}

/**
 * A quantity the service gives that is now smaller: "15 GB of storage" → "5 GB", "attachments of up to 25 MB" →
 * "10 MB", "up to 10 users" → "5 users". The same unit on both sides of a sentence pair, the new number lower.
 */
function lowered(d: Delta, k: Knowledge): Finding | null {
  const quantities = (text: string, spans: Span[]) =>
    [...text.matchAll(k.quantity)]
      .filter((m) => overlaps(spans, m.index, m.index + m[0].length))
      .map((m) => {
        const unit = m[2].toLowerCase().replace(/s$/, "");
        const size = k.sizes[unit];
        return { text: m[0], kind: size ? "bytes" : unit, value: Number(m[1].replace(",", ".")) * (size ?? 1) };
      });
  const before = quantities(d.old, d.del);
  const after = quantities(d.new, d.ins);
  for (const now of after) {
    const was = before.find((b) => b.kind === now.kind);
    if (was && now.value < was.value) {
      const sentence = { excerpt: excerpt(d.new, d.ins), short: excerpt(d.new, d.ins, 90) };
      const data = { was: quote(was.text), now: quote(now.text), ...sentence };
      return finding("limit-lowered", "quantity", data, { family: "limit", key: now.kind, direction: "added" });
    }
  }
  return null;
}

const READER_BEFORE = new RegExp(
  String.raw`\b(?:you|you are|you're|you’re|users?|a user|residents?|individuals?|people|persons?)` +
    String.raw`(?:\s+\([^)]*\))?\s+$`,
  "i",
);

/**
 * A sentence that places data or servers ("stored in", "transferred to", "our servers are located in"), not one
 * that places the reader ("if you are a user located in …": which terms apply to you, not where your data goes).
 */
function aboutData(k: Knowledge, text: string): boolean {
  return k.verbs.location.find(text).some((v) => !READER_BEFORE.test(text.slice(Math.max(0, v.start - 60), v.start)));
}

let lastNamed: { k: Knowledge; text: string; places: Set<string> } | null = null;

/**
 * The places a text names where data goes, by their one name. Every sentence of a section re-read against the other
 * version asks this of that whole version: the last answer is kept.
 */
function placesNamed(k: Knowledge, text: string): Set<string> {
  if (lastNamed?.k === k && lastNamed.text === text) return lastNamed.places;
  const places = new Set(
    sentenceSpans(text)
      .map((sp) => text.slice(sp.start, sp.end))
      .filter((sentence) => aboutData(k, sentence))
      .flatMap((sentence) => k.locations.find(sentence).map((x) => k.placeName(x.term))),
  );
  lastNamed = { k, text, places };
  return places;
}

function places(d: Delta, ctx: TextContext): Finding[] {
  const { k } = ctx;
  const found: Finding[] = [];
  // A place is known by its one name: "the U.S." rewritten "the United States" brings no new place.
  // Only places where data goes count as named before: "we serve users in the U.S." names no place data goes.
  const changedPlaces = (text: string, changed: Span[], other: string) => {
    if (!aboutData(k, text)) return [];
    const named = placesNamed(k, other);
    return k.locations.find(text).filter((x) => overlaps(changed, x.start, x.end) && !named.has(k.placeName(x.term)));
  };
  const came = changedPlaces(d.new, d.ins, `${d.old}\n${ctx.before ?? d.old}`);
  if (came.length) {
    const data = {
      list: came.map((m) => quote(m.text)).join(", "),
      excerpt: excerpt(d.new, d.ins),
      places: came.map((m) => m.text).join(", "),
      short: excerpt(d.new, d.ins, 90),
    };
    const facts = { family: "location", key: k.placeName(came[0].term), direction: "added" } as const;
    found.push(finding("new-processing-location", "sentence", data, facts));
  }
  const gone = changedPlaces(d.old, d.del, `${d.new}\n${ctx.after ?? d.new}`);
  if (gone.length) {
    const data = { list: gone.map((m) => quote(m.text)).join(", "), excerpt: excerpt(d.old, d.del) };
    const facts = { family: "location", key: k.placeName(gone[0].term), direction: "removed" } as const;
    found.push(finding("location-removed", "sentence", data, facts));
  }
  return found;
}
