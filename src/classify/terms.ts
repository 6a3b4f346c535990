import { finding } from "./finding.js";
import type { Knowledge } from "./knowledge.js";
import { overlaps, type Delta } from "./sentences.js";
import { matchesOf } from "../text/regexp.js";
import type { TextContext } from "./text.js";
import type { Finding } from "./types.js";
import {
  deleted,
  excerpt,
  extendsList,
  hasContent,
  inserted,
  isWholeNew,
  isWholeGone,
  negatedAt,
  quote,
  termsIn,
} from "./words.js";

/**
 * Terms that bind the reader (arbitration, waivers, fees, obligations), contact details and cross-references: what
 * came, what went, and, for payment terms, what was reworded.
 */

const EMAIL = /[\w.+-]{1,64}@[\w-]+\.[\w.]+|\[at\]|\(at\)/i;
const REFERENCE =
  /\b(?:[Ss]ections?|§+|[Cc]lauses?|[Aa]rticles?|[Pp]aragraphs?)\s*[\p{Lu}\d][\w.()]*|\b\p{Lu}\.\d+(?:\.\d+)*\b/gu;

export function binding(d: Delta, ctx: TextContext): Finding[] {
  const { k } = ctx;
  const key = (term: string) => k.bindingKey.get(term) ?? term;
  // "when you pay for Basecamp" describes an event; "you pay for those features" binds.
  // "you may not be able to continue using Tumblr" foretells a consequence; "you may not post" forbids.
  const find = (text: string) =>
    k.binding
      .find(text)
      .filter(
        (m) => !/\b(?:when|if|once|after|before|whenever)\s+$/i.test(text.slice(Math.max(0, m.start - 12), m.start)),
      )
      .filter((m) => !/\bmay not$/i.test(m.text) || !/^\s+be (?:able|eligible)\b/i.test(text.slice(m.end, m.end + 16)));
  const oldKeys = new Set(find(d.old).map((m) => key(m.term)));
  const newKeys = new Set(find(d.new).map((m) => key(m.term)));
  // The whole texts around are read only when a term stands in the changed words, as most sentences have none.
  const keysIn = (...texts: string[]) => new Set([...termsIn(k.binding, ...texts)].map(key));
  const inInserted = find(d.new).filter((m) => overlaps(d.ins, m.start, m.end));
  const inDeleted = find(d.old).filter((m) => overlaps(d.del, m.start, m.end));
  const everBefore = inInserted.length ? keysIn(d.old, ctx.before ?? "") : new Set<string>();
  const stillAfter = inDeleted.length ? keysIn(d.new, ctx.after ?? "") : new Set<string>();
  const came = inInserted.filter((m) => !everBefore.has(key(m.term)));
  const gone = inDeleted.filter((m) => !stillAfter.has(key(m.term)));
  const found: Finding[] = [];
  // The changed sentence as the message quotes it, and cut for a reader (made only for a finding).
  const added = () => ({ excerpt: excerpt(d.new, d.ins), short: excerpt(d.new, d.ins, 90) });
  if (came.length) {
    const data = { term: key(came[0].term), words: quote(came[0].text), ...added() };
    const facts = { family: "binding", key: key(came[0].term), direction: "added" } as const;
    found.push(finding("new-binding-term", "term", data, facts));
  }
  for (const m of gone) {
    const data = { term: key(m.term), words: quote(m.text), excerpt: excerpt(d.old, d.del) };
    const facts = { family: "binding", key: key(m.term), direction: "removed" } as const;
    found.push(finding("binding-term-removed", "term", data, facts));
  }
  if (came.length || isWholeNew(d) || isWholeGone(d)) return found;
  const older = raisedAge(d, k);
  if (older) {
    const facts = { family: "binding", key: `age ${older}`, direction: "added" } as const;
    found.push(finding("new-binding-term", "age", { age: quote(older), ...added() }, facts));
    return found;
  }
  const reworded = () => ({ was: quote(deleted(d)), now: quote(inserted(d)), old: quote(d.old, 200), ...added() });
  const changed = () => ({ family: "binding-change", key: inserted(d).toLowerCase(), direction: "added" }) as const;
  const obliges = ctx.duty || k.obligationMarkers.find(d.new).some((m) => !negatedAt(k, d.new, m.start));
  const more = d.ins.find((s) => extendsList(k, d, s) && hasContent(k, d.new.slice(s.start, s.end)));
  if (obliges && more) {
    const what = d.new.slice(more.start, more.end);
    const facts = { family: "binding", key: what.trim().toLowerCase(), direction: "added" } as const;
    found.push(finding("new-binding-term", "obligation", { words: quote(what), ...added() }, facts));
  } else if (substituted(d, ctx) && k.forum.test(d.old) && k.forum.test(d.new) && anotherForum(d, ctx)) {
    // Another court, county, state or law named where disputes are heard: the reader now litigates elsewhere.
    found.push(finding("binding-term-changed", "forum", reworded(), changed()));
  } else if (conditionOfDuty(d, ctx)) {
    // "If you {use the self-service platform for advertising → advertise on the Services}, you must also agree …":
    // the duty stands, but it now falls on other people or in other cases.
    found.push(finding("binding-term-changed", "condition", reworded(), changed()));
  } else if (ctx.categories.has("terms") && substituted(d, ctx)) {
    // Payment terms reworded in a payment section: when or for what you are charged may have changed ("If you choose
    // to {purchase → use} paid features … you pay"). Other binding terms count when they come or go.
    const term = [...oldKeys].find((x) => newKeys.has(x) && k.paymentTerms.has(x));
    if (term) {
      found.push(finding("binding-term-changed", "payment", { ...reworded(), term }, changed()));
    }
  }
  return found;
}

const AGE =
  /\b(?:age of|aged|at least|older than|over|under)\s+(\d{1,2})\b|\b(\d{1,2})\s+years?\s+(?:of\s+age|old)\b/gi;

/**
 * An age a sentence about who may use the service newly requires, higher than any it stated before ("at least 13"
 * → "at least 16"; "under 13" → "under the age of 13" is the same age).
 */
function raisedAge(d: Delta, k: Knowledge): string | null {
  if (!k.eligibility.test(d.new) || !k.eligibility.test(d.old)) return null;
  const ages = (text: string) =>
    [...text.matchAll(AGE)].map((m) => {
      const number = m[1] ?? m[2];
      return { age: Number(number), at: m.index + m[0].indexOf(number) };
    });
  const stated = ages(d.old).map((a) => a.age);
  if (!stated.length) return null;
  const before = Math.max(...stated);
  const raised = ages(d.new).find((a) => a.age > before && overlaps(d.ins, a.at, a.at + 2));
  return raised ? String(raised.age) : null;
}

/**
 * A duty of the reader ("you must", "you agree to") under a condition ("If you …, you must …") on both sides, with
 * every changed word inside that condition: the same duty, owed by other people or in other cases.
 */
function conditionOfDuty(d: Delta, { k }: TextContext): boolean {
  const condition = (text: string): { end: number } | null => {
    const m = /^\s*(?:if|when|whenever|where|once)\s[^,;]{3,160},\s*/i.exec(text);
    if (!m) return null;
    const duty = k.obligationMarkers.find(text).find((x) => x.start >= m[0].length && !negatedAt(k, text, x.start));
    return duty ? { end: m[0].length } : null;
  };
  const before = condition(d.old);
  const after = condition(d.new);
  if (!before || !after) return false;
  if (!d.del.every((s) => s.end <= before.end) || !d.ins.every((s) => s.end <= after.end)) return false;
  // Some word of the condition came or went, stems compared: "When you create" → "When creating" is the same case.
  const stems = (text: string) =>
    new Set(
      (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
        .filter((w) => !k.fillers.has(w) && w !== "you")
        .map((w) => w.replace(/(?<=\w{3})(?:ing|ed|es|s|e)$/, "")),
    );
  const [was, now] = [stems(d.old.slice(0, before.end)), stems(d.new.slice(0, after.end))];
  return [...was].some((w) => !now.has(w)) || [...now].some((w) => !was.has(w));
}

/**
 * The inserted words name another place or court: capitalised, not the owner's own name, and not the same place
 * written another way ("U.S. District Court" → "United States District Court").
 */
function anotherForum(d: Delta, { k, firstParty }: TextContext): boolean {
  const came = inserted(d);
  if (!/\p{Lu}/u.test(came)) return false;
  const own = new Set(firstParty.map((f) => f.toLowerCase()));
  const names = (came.match(/\p{Lu}[\p{L}.'’-]*/gu) ?? []).filter(
    (w) => !own.has(w.toLowerCase().replace(/[’']s$/, "")),
  );
  if (!names.length) return false;
  const places = (text: string) => new Set(k.locations.find(text).map((x) => k.placeName(x.term)));
  const [before, after] = [places(deleted(d)), places(came)];
  const samePlaces = before.size === after.size && [...after].every((p) => before.has(p));
  const placeWords = new Set(k.locations.find(came).flatMap((x) => came.slice(x.start, x.end).split(/\s+/)));
  return !(samePlaces && after.size > 0 && names.every((w) => placeWords.has(w)));
}

/** Content words both came and went (not just moved within the sentence): the sentence now says something else. */
function substituted(d: Delta, { k }: TextContext): boolean {
  const bag = (text: string) =>
    (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter((w) => !k.fillers.has(w))
      .map((w) => w.replace(/(?<=\w{3})s$/, ""));
  const came = bag(inserted(d));
  const went = bag(deleted(d));
  const net = (a: string[], b: string[]) => a.filter((w) => !b.includes(w));
  return net(came, went).length > 0 && net(went, came).length > 0;
}

const PHONE = /\+?\d[\d\s().-]{7,}\d/;

/** Contact details: an e-mail address, a phone number, or the numbers of a postal address changed. */
export function contact(d: Delta, { k }: TextContext): Finding | null {
  const changed = `${inserted(d)} ${deleted(d)}`;
  const address =
    /\d/.test(changed) &&
    (k.contactMarkers.test(d.new) || k.contactMarkers.test(d.old) || EMAIL.test(d.new) || EMAIL.test(d.old));
  // Each run of words on its own: "15 GB" → "5 GB" and "25 MB" → "10 MB" joined would read as a phone number.
  const runs = [...d.ins.map((x) => d.new.slice(x.start, x.end)), ...d.del.map((x) => d.old.slice(x.start, x.end))];
  if (!(EMAIL.test(changed) || runs.some((r) => PHONE.test(r)) || address || k.contactMarkers.test(changed)))
    return null;
  const shown = (words: string) => quote(words || "(nothing)");
  return finding("contact-changed", "details", { was: shown(deleted(d)), now: shown(inserted(d)) });
}

export function reference(d: Delta): Finding | null {
  const refs = (text: string, spans: typeof d.ins) =>
    [...matchesOf(REFERENCE, text)].filter((m) => overlaps(spans, m.start, m.end));
  const before = refs(d.old, d.del);
  const after = refs(d.new, d.ins);
  if (!before.length || !after.length) return null;
  return finding("cross-reference-changed", "reference", { was: quote(before[0][0]), now: quote(after[0][0]) });
}
