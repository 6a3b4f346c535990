import { diffWordsWithSpace } from "diff";
import type { EditPart } from "./types.js";

/** Past this many words changed, a word diff is noise: show the old text out and the new text in. */
const MAX_EDIT_LENGTH = 3000;

/** Word-level edits of one block against its counterpart (never the whole document, so this stays cheap). */
export function wordEdits(oldText: string, newText: string): EditPart[] {
  if (oldText === newText) return oldText ? [{ op: "equal", text: oldText }] : [];
  const parts = diffWordsWithSpace(oldText, newText, { maxEditLength: MAX_EDIT_LENGTH });
  if (!parts) return [...(oldText ? [{ op: "delete" as const, text: oldText }] : []), ...(newText ? [{ op: "insert" as const, text: newText }] : [])];
  const edits: EditPart[] = [];
  for (const part of parts) {
    const op = part.added ? "insert" : part.removed ? "delete" : "equal";
    const last = edits[edits.length - 1];
    if (last?.op === op) last.text += part.value;
    else edits.push({ op, text: part.value });
  }
  return edits;
}

export function joinEdits(edits: readonly EditPart[], side: "old" | "new"): string {
  const skip = side === "old" ? "insert" : "delete";
  return edits.filter((e) => e.op !== skip).map((e) => e.text).join("");
}
