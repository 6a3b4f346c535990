import type { Change } from "../diff/types.js";
import type { Knowledge } from "./knowledge.js";
import { CATEGORIES, type Category } from "./types.js";

/**
 * What a change's section is about, from its headings: "Sharing Information › Site owners" is about sharing,
 * "Your Rights › California" about rights. Every heading on the path counts, innermost first, so a sub-section
 * named after a company still inherits its parent's "Subprocessors". Numbering ("3.1", "D.") is ignored.
 */
export function categorise(change: Change, k: Knowledge): Set<Category> {
  const headings = headingsOf(change);
  const found = new Set<Category>();
  for (const heading of headings) {
    for (const category of CATEGORIES) if (k.sections[category].test(heading)) found.add(category);
  }
  return found;
}

/** The headings a change sits under on both sides (a move can change them), innermost first. */
export function headingsOf(change: Change): string[] {
  const paths = [change.path, change.old?.path ?? [], change.new?.path ?? []];
  const headings = new Set<string>();
  for (const path of paths)
    for (const h of [...path].reverse())
      headings.add(h.replace(/^\s*(?:[\p{L}]?\d+(?:[.)][.\d]*)?|[\p{Lu}][.)][.\d]*)\s+/u, ""));
  return [...headings];
}

/** A configured material section: any non-editorial change under a heading that matches. */
export function materialSection(change: Change, k: Knowledge): string | null {
  if (!k.materialSections) return null;
  for (const heading of headingsOf(change)) {
    const match = k.materialSections.find(heading)[0];
    if (match) return heading;
  }
  return null;
}
