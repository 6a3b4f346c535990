import { diffWordsWithSpace } from "diff";
import type { EditPart } from "./types.js";

/** Past this many words changed, a word diff is noise: show the old text out and the new text in. */
const MAX_EDIT_LENGTH = 3000;

/**
 * Word-level edits of one block against its counterpart (never the whole document, so this stays cheap). Myers picks
 * among equally short scripts by the side it reads from; reading from the text that sorts first, and putting what went
 * before what came in each run, makes B→A's edits the mirror of A→B's.
 */
export function wordEdits(oldText: string, newText: string): EditPart[] {
  if (oldText === newText) return oldText ? [{ op: "equal", text: oldText }] : [];
  const back = oldText > newText;
  const parts = diffWordsWithSpace(back ? newText : oldText, back ? oldText : newText, {
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (!parts)
    return [
      ...(oldText ? [{ op: "delete" as const, text: oldText }] : []),
      ...(newText ? [{ op: "insert" as const, text: newText }] : []),
    ];
  const edits: EditPart[] = [];
  let gone = "";
  let came = "";
  const flush = (): void => {
    if (gone) edits.push({ op: "delete", text: gone });
    if (came) edits.push({ op: "insert", text: came });
    gone = came = "";
  };
  for (const part of parts) {
    const op = part.added ? (back ? "delete" : "insert") : part.removed ? (back ? "insert" : "delete") : "equal";
    if (op === "delete") gone += part.value;
    else if (op === "insert") came += part.value;
    else {
      flush();
      const last = edits[edits.length - 1];
      if (last?.op === "equal") last.text += part.value;
      else edits.push({ op: "equal", text: part.value });
    }
  }
  flush();
  return edits;
}
