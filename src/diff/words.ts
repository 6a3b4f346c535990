import { rememberedByText } from "../text/memo.js";
import { ADDED, EQUAL, myersRuns, REMOVED } from "./myers.js";
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
  makeRoomForSpellings();
  const from = tokenize(back ? newText : oldText);
  const to = tokenize(back ? oldText : newText);
  const runs = myersRuns(from.ids, to.ids, MAX_EDIT_LENGTH);
  if (!runs)
    return [
      ...(oldText ? [{ op: "delete" as const, text: oldText }] : []),
      ...(newText ? [{ op: "insert" as const, text: newText }] : []),
    ];
  // What jsdiff's buildValues gives each run: an equal or added run is read from the new text, a removed one the old.
  let fromAt = 0;
  let toAt = 0;
  const parts = runs.map((run) => {
    let value: string;
    if (run.kind === REMOVED) {
      value = from.tokens.slice(fromAt, (fromAt += run.count)).join("");
    } else {
      value = to.tokens.slice(toAt, (toAt += run.count)).join("");
      if (run.kind === EQUAL) fromAt += run.count;
    }
    return { added: run.kind === ADDED, removed: run.kind === REMOVED, value };
  });
  return editsOf(parts, back);
}

/**
 * A word diff's parts (jsdiff's shape: `added`, `removed`, `value`) as edits of the old text into the new: `back` when
 * the diff read the new text first. Each run between equal parts is what went, then what came.
 */
export function editsOf(parts: { added?: boolean; removed?: boolean; value: string }[], back: boolean): EditPart[] {
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

/**
 * jsdiff's `diffWordsWithSpace` tokens: runs of word characters (Latin letters with their accents, digits, `_`), each
 * line break, runs of other white space, and every other character alone. The same expression as jsdiff 8's.
 */
const WORD_CHARACTERS =
  "a-zA-Z0-9_\\u{AD}\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2C6}" +
  "\\u{2C8}-\\u{2D7}\\u{2DE}-\\u{2FF}\\u{1E00}-\\u{1EFF}";
const TOKEN = new RegExp(`(\\r?\\n)|[${WORD_CHARACTERS}]+|[^\\S\\n\\r]+|[^${WORD_CHARACTERS}]`, "ug");

interface Tokens {
  tokens: string[];
  /** Each token's number: equal tokens, equal numbers. */
  ids: Int32Array;
}

// Numbers for token spellings, shared by every text read, so a text's tokens are numbered once for all its pairs;
// started again (with the texts numbered by it) past a size no vocabulary of policies reaches.
const MAX_SPELLINGS = 500_000;
let spellings = new Map<string, number>();
// A block's tokens, remembered by its text: versions share most blocks, and `log` reads each version twice.
let tokenize = rememberedByText(numbered);

function numbered(text: string): Tokens {
  const tokens = text.match(TOKEN) ?? [];
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    let id = spellings.get(tokens[i]);
    if (id === undefined) spellings.set(tokens[i], (id = spellings.size));
    ids[i] = id;
  }
  return { tokens, ids };
}

/** Before the two texts of a pair are numbered, never between: their numbers must come from one table. */
function makeRoomForSpellings(): void {
  if (spellings.size <= MAX_SPELLINGS) return;
  spellings = new Map();
  tokenize = rememberedByText(numbered);
}
