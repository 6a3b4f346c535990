import { isAutolink, type LinkRef } from "./inline.js";
import { alignSequences } from "./sequence.js";

/** A link whose target changed, appeared or disappeared under text a reader sees unchanged. */
export interface LinkChange {
  kind: "added" | "removed" | "modified";
  old: LinkRef | null;
  new: LinkRef | null;
}

/**
 * Compares the links of two matched blocks. With `textChanged`, links that came or went with their words are already
 * in the word edits, so only swapped targets under the same link text are reported.
 */
export function compareLinks(
  oldLinks: readonly LinkRef[],
  newLinks: readonly LinkRef[],
  textChanged: boolean,
): LinkChange[] {
  const key = (l: LinkRef): string => `${l.text}\u0000${sameTarget(l.url)}`;
  const seq = alignSequences(oldLinks.map(key), newLinks.map(key));
  const added = seq.added.map((a) => newLinks[a.index]);
  const changes: LinkChange[] = [];
  for (const { index } of seq.removed) {
    const old = oldLinks[index];
    // An autolink shows its target, so its text changes with it: pair those by position instead.
    const at = added.findIndex((n) => n.text === old.text || (isAutolink(n) && isAutolink(old)));
    if (at >= 0) {
      changes.push({ kind: "modified", old, new: added[at] });
      added.splice(at, 1);
    } else if (!textChanged) changes.push({ kind: "removed", old, new: null });
  }
  if (!textChanged) for (const link of added) changes.push({ kind: "added", old: null, new: link });
  return changes;
}

/** The text with every autolink's visible target masked, to tell a swapped autolink from a reworded sentence. */
export function maskAutolinks(text: string, links: readonly LinkRef[]): string {
  let masked = text;
  for (const link of links) if (isAutolink(link)) masked = masked.split(link.text).join("\u0001");
  return masked;
}

/** A URL as it resolves: scheme and host case, and a trailing slash, do not change where it leads. */
function sameTarget(url: string): string {
  return url
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, (origin) => origin.toLowerCase())
    .replace(/\/(?=$|[?#])/, "");
}
