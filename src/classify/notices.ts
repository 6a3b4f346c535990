import { isDateLine } from "../diff/date.js";
import { sentenceSpans } from "./sentences.js";

/**
 * Sentences about the document's own versions rather than what it says: when this version takes effect, that it was
 * updated, where earlier versions are. They come and go with every update (a banner, a transition note dropped once
 * the date has passed), and the date problems of the diff already say whether the date moved with the meaning.
 */
const VERSION_SENTENCES = [
  // "This Policy takes effect on 14 August 2025 for new users.", "It takes effect for existing users on …"
  // The subject is the document itself, and nothing follows but when and for whom: "This arbitration agreement takes
  // effect on March 1 and covers past claims" is a term, not a date.
  new RegExp(
    String.raw`^(?:(?:this|these|the|our)(?: updated| new| revised| following)? (?:privacy |cookie )?` +
      String.raw`(?:policy|notice|statement|terms(?: of (?:service|use))?(?: agreement)?)|it|they)` +
      String.raw` (?:takes?|took|will take) effect (?:on|from|as of)? ?[^.,;]{0,40}?` +
      String.raw`(?: for (?:new|existing|all|current) (?:users|customers|members))?(?: on [^.,;]{0,30})?\.?$`,
    "i",
  ),
  // "You may find the previous version of our Privacy Policy here.", "See prior versions of Cookie Notice"
  new RegExp(
    String.raw`^(?:you (?:may|can) (?:find|view|see|read|access)|(?:see|view|read) )\s*` +
      String.raw`(?:the |our )?(?:prior|previous|earlier|archived|older|past) versions?\b[^.]{0,80}\.?$`,
    "i",
  ),
  // "The previous privacy policy was posted on 12 September 2025."
  new RegExp(
    String.raw`^the (?:previous|prior|earlier|old) ` +
      String.raw`(?:version|policy|privacy policy|notice|terms(?: of (?:service|use))?(?: agreement)?|agreement)\b` +
      String.raw`[^.]{0,40}\b(?:was|were) (?:posted|published|in effect|effective)\b[^.]{0,60}\.?$`,
    "i",
  ),
  // "We have updated our Privacy Policy. Please take a look before the changes go into effect on June 28, 2025."
  new RegExp(
    String.raw`^we(?: have|'ve|’ve)? updated (?:our|this|these|the) (?:privacy |cookie )?` +
      String.raw`(?:policy|notice|statement|terms(?: of (?:service|use))?)\.?$`,
    "i",
  ),
  new RegExp(
    String.raw`^please (?:take a look|review (?:it|them|the changes))\b[^.]{0,80}` +
      String.raw`\b(?:go|goes|come|comes|take|takes) into effect\b[^.]{0,40}\.?$`,
    "i",
  ),
  // "This page is the updated Privacy Policy; for the version effective until June 28, 2025 click here."
  new RegExp(
    String.raw`^this (?:page|document) is the (?:updated|new|current) [^.;]{0,40};?` +
      String.raw` for the (?:version|policy|terms) (?:effective|in effect|that applied)` +
      String.raw` (?:until|before|through) [^.]{0,40}\.?$`,
    "i",
  ),
];

export function isVersionNote(text: string): boolean {
  const sentences = text
    .split(/\n+/)
    .flatMap((line) => {
      const flat = line.replace(/\s+/g, " ").trim();
      return sentenceSpans(flat).map((s) => flat.slice(s.start, s.end).trim());
    })
    .filter(Boolean);
  if (!sentences.length) return false;
  return sentences.every((s) => isDateLine(s) || VERSION_SENTENCES.some((re) => re.test(s)) || datedPrefix(s));
}

/** "Last modified on 02/09/2021 See prior versions of Cookie Notice": a date line with a link to earlier ones. */
function datedPrefix(sentence: string): boolean {
  const m = /^(.{4,60}?\d{4})\s+(?!\s)(.*)$/.exec(sentence);
  return Boolean(m && isDateLine(m[1]) && VERSION_SENTENCES.some((re) => re.test(m[2])));
}
