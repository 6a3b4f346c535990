import type { Change, ChangeTarget, EditPart } from "../types.js";

export const TARGET_LABEL: Record<ChangeTarget, string> = {
  section: "section",
  clause: "clause",
  heading: "heading",
  paragraph: "paragraph",
  "list-item": "list item",
  table: "table",
  "table-header": "table header",
  "table-row": "table row",
  "table-cell": "table cell",
  code: "code block",
  link: "link",
  date: "date",
  frontmatter: "front matter",
};

export function placeOf(change: Change): string {
  if (change.target === "frontmatter" || (change.target === "date" && change.field)) return "Front matter";
  return change.path.length ? change.path.join(" › ") : "(top of document)";
}

/** Consecutive changes at the same place, in document order: the groups every human format prints. */
export function groupByPlace(changes: readonly Change[]): { place: string; changes: Change[] }[] {
  const groups: { place: string; changes: Change[] }[] = [];
  const byPlace = new Map<string, { place: string; changes: Change[] }>();
  for (const change of changes) {
    const place = placeOf(change);
    let group = byPlace.get(place);
    if (!group) {
      group = { place, changes: [] };
      byPlace.set(place, group);
      groups.push(group);
    }
    group.changes.push(change);
  }
  return groups;
}

/** Long unchanged runs shrink to their first and last few words, so an edit is read in its context, not its page. */
export function elide(edits: readonly EditPart[], keep = 8): EditPart[] {
  return edits.map((e, i) => {
    if (e.op !== "equal") return e;
    const words = e.text.split(/(\s+)/);
    const wordCount = (words.length + 1) / 2;
    if (wordCount <= keep * 2 + 2) return e;
    const head = i === 0 ? "" : words.slice(0, keep * 2).join("");
    const tail = i === edits.length - 1 ? "" : words.slice(-keep * 2).join("");
    return { op: "equal", text: `${head}${head ? " " : ""}…${tail ? " " : ""}${tail}` };
  });
}

export function truncate(text: string, max = 400): string {
  const flat = text.replace(/(?<!\s)\s*\n\s*/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function countWords(text: string | undefined): number {
  return text ? (text.match(/[\p{L}\p{N}]+/gu) ?? []).length : 0;
}

export function describeFile(result: { old: { file: string }; new: { file: string } }): string {
  return `${result.old.file} → ${result.new.file}`;
}

export function counts(changes: readonly Change[]): string {
  const order = ["added", "removed", "modified", "moved", "renamed"] as const;
  return order
    .map((kind) => [kind, changes.filter((c) => c.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(", ");
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
