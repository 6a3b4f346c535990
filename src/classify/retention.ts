import { finding } from "./finding.js";
import type { Knowledge } from "./knowledge.js";
import { sentenceSpans } from "./sentences.js";
import type { Finding } from "./types.js";
import { quote } from "./words.js";

/**
 * How long data is kept, compared across versions: the longest period the old wording states against the longest the
 * new one states. Longer is material (retention-extended); a new, shorter period is not (retention-shortened).
 * Periods are read from sentences about keeping or deleting data ("Within 60 days, all content will be permanently
 * deleted from our backups"), and from retention columns ("Expiration": "One year").
 */

export interface Period {
  text: string;
  /** In days; open-ended periods ("until you delete your account") are long, "forever" longest. */
  days: number;
}

export function periodsIn(text: string, k: Knowledge): Period[] {
  const units = Object.keys(k.durationUnits)
    .sort((a, b) => b.length - a.length)
    .join("|");
  const numbers = Object.keys(k.numberWords)
    .sort((a, b) => b.length - a.length)
    .join("|");
  const counted = new RegExp(String.raw`\b(\d+(?:[.,]\d+)?|${numbers})(?:\s*\(\d+\))?[\s-]*(${units})s?\b`, "gi");
  const found: Period[] = [];
  for (const m of text.matchAll(counted)) {
    // "13 years of age", "16 years old": an age, not a period.
    if (/^\s+(?:of\s+age|old)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    const n = Number(m[1].replace(",", ".")) || k.numberWords[m[1].toLowerCase()] || 1;
    found.push({ text: m[0], days: n * k.durationUnits[m[2].toLowerCase()] });
  }
  for (const [phrase, days] of Object.entries(k.openEnded)) {
    const re = new RegExp(String.raw`\b${phrase.replace(/\s+/g, "\\s+")}\b[^.,;]*`, "gi");
    for (const m of text.matchAll(re))
      if (!found.some((f) => m[0].includes(f.text))) found.push({ text: m[0].trim(), days });
  }
  return found;
}

/** The periods stated in a text's sentences about retention. */
export function retentionPeriods(text: string, k: Knowledge, always = false): Period[] {
  return sentenceSpans(text)
    .map((s) => text.slice(s.start, s.end))
    .filter((s) => always || k.verbs.retention.test(s))
    .flatMap((s) => periodsIn(s, k));
}

export function compareRetention(before: Period[], after: Period[], context: string): Finding | null {
  if (!before.length && !after.length) return null;
  const longest = (ps: Period[]) => ps.reduce((a, b) => (b.days > a.days ? b : a));
  const same = (a: Period[], b: Period[]) => a.length === b.length && a.every((p, i) => p.days === b[i].days);
  const key = (ps: Period[]) => [...ps].sort((a, b) => a.days - b.days);
  if (same(key(before), key(after))) return null;
  if (!before.length) return null;
  const was = longest(before);
  const shortened = { family: "retention", key: "period", direction: "removed" } as const;
  if (!after.length) {
    return finding("retention-shortened", "unstated", { was: quote(was.text), context: quote(context) }, shortened);
  }
  const now = longest(after);
  if (now.days > was.days) {
    const data = { was: quote(was.text), now: quote(now.text), context: quote(context), short: quote(context, 200) };
    return finding("retention-extended", "longer", data, { family: "retention", key: "period", direction: "added" });
  }
  const newOnes = after.filter((p) => !before.some((b) => b.days === p.days));
  const shorter = newOnes.length ? newOnes.reduce((a, b) => (b.days < a.days ? b : a)) : now;
  const data = { shorter: quote(shorter.text), was: quote(was.text), context: quote(context) };
  return finding("retention-shortened", "shorter", data, shortened);
}
