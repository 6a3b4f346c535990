import type { FrontMatter } from "../parse/document.js";
import { isDateText } from "./date.js";
import { escapeRegExp } from "../text/regexp.js";

/** Front matter is metadata, not text a reader sees: it is compared key by key, apart from the body. */
export interface FieldChange {
  kind: "added" | "removed" | "modified";
  field: string;
  old: { text: string; line: number | null } | null;
  new: { text: string; line: number | null } | null;
  /** Both values are dates under a date-like key: a bumped date, not a metadata change. */
  isDate: boolean;
}

function show(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === null || value === undefined) return "";
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object"))
    return value.map(show).join(", ");
  if (typeof value === "object") return json(value);
  return String(value);
}

/**
 * JSON.stringify, except that a value it cannot write (YAML whose alias refers to itself, `title: &a [*a]`, parses to
 * a circular array) is written with "[Circular]" where it repeats, instead of throwing out of the diff.
 */
function json(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    const seen = new WeakSet<object>();
    return JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === "bigint") return v.toString();
      if (typeof v !== "object" || v === null) return v;
      if (seen.has(v)) return "[Circular]";
      seen.add(v);
      return v;
    });
  }
}

function lineOfKey(fm: FrontMatter, key: string): number | null {
  if (!fm.raw || !fm.node?.position) return null;
  const escaped = escapeRegExp(key);
  const at = fm.raw.split(/\r?\n/).findIndex((l) => new RegExp(`^["']?${escaped}["']?\\s*:`).test(l));
  // The node starts at the opening fence; its content begins on the next line.
  return at >= 0 ? fm.node.position.start.line + 1 + at : fm.node.position.start.line;
}

export function diffFrontMatter(a: FrontMatter, b: FrontMatter): FieldChange[] {
  if ((a.error || b.error) && (a.raw ?? "") !== (b.raw ?? "")) {
    return [
      {
        kind: "modified",
        field: "(front matter)",
        old: { text: a.raw ?? "", line: lineOfKey(a, "") },
        new: { text: b.raw ?? "", line: lineOfKey(b, "") },
        isDate: false,
      },
    ];
  }
  const oldData = a.data ?? {};
  const newData = b.data ?? {};
  const changes: FieldChange[] = [];
  const keys = [...Object.keys(oldData), ...Object.keys(newData).filter((k) => !(k in oldData))];
  for (const field of keys) {
    const had = field in oldData;
    const has = field in newData;
    const oldText = show(oldData[field]);
    const newText = show(newData[field]);
    if (had && has && json(oldData[field]) === json(newData[field])) continue;
    changes.push({
      kind: had && has ? "modified" : had ? "removed" : "added",
      field,
      old: had ? { text: oldText, line: lineOfKey(a, field) } : null,
      new: has ? { text: newText, line: lineOfKey(b, field) } : null,
      isDate:
        had && has && /date|updated|modified|effective/i.test(field) && isDateText(oldText) && isDateText(newText),
    });
  }
  return changes;
}
