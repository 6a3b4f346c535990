/**
 * The change records `policylint diff` produces. This is the JSON contract (docs/diff.md): fields are only ever
 * added, never renamed, and every record carries enough (texts, path, section, target) for a later classifier to
 * judge it on its own, without the documents.
 */

export type ChangeKind = "added" | "removed" | "modified" | "moved" | "renamed";

export type ChangeTarget =
  | "section"
  | "clause"
  | "heading"
  | "paragraph"
  | "list-item"
  | "table"
  | "table-header"
  | "table-row"
  | "table-cell"
  | "code"
  | "link"
  | "date"
  | "frontmatter";

/** One run of a word-level diff; joining the non-insert runs gives the old text, the non-delete runs the new. */
export interface EditPart {
  op: "equal" | "delete" | "insert";
  text: string;
}

export interface ChangeSide {
  /** Reader-visible text: a heading for sections, the whole item for list items, a cell for table cells. */
  text: string;
  /** 1-based line in that file; null for front matter values. */
  line: number | null;
  /** Section headings from the top on that side (differs between old and new for moves and re-nesting). */
  path: string[];
  /** For added/removed sections, clauses and tables: their whole text as read, so nothing is lost by folding. */
  content?: string;
}

/** The innermost section or clause holding the change, on the new side (the old side for removals). */
export interface SectionRef {
  kind: "section" | "clause";
  title: string;
  number: string | null;
}

export interface Change {
  /** Stable across runs: a hash of kind, target, path and the old/new text. */
  id: string;
  kind: ChangeKind;
  target: ChangeTarget;
  path: string[];
  section: SectionRef | null;
  old: ChangeSide | null;
  new: ChangeSide | null;
  /** Word-level parts for modified text; empty when a whole thing came or went. */
  edits: EditPart[];
  /** table-row / table-cell: the row's value in the key column, and that column's header. */
  row?: string;
  keyColumn?: string;
  /** table-row: the table's header cells, in the order of the cells in `text`. */
  columns?: string[];
  /** table-cell: the changed cell's column header. */
  column?: string;
  /** frontmatter: the key. */
  field?: string;
  /** link: the link text the target sits under. */
  linkText?: string;
  /** heading (modified): its level changed and with it the section it falls under. */
  level?: { old: number; new: number };
  /** Set by the classifier (src/classify): how much the change matters to a reader, and why. */
  significance?: Significance;
  reasons?: { code: string; message: string }[];
}

export type Significance = "material" | "substantive" | "editorial";

export interface DocumentInfo {
  file: string;
  /** The stated "Last updated" / "Effective" date as YYYY-MM-DD, when one is found and readable. */
  lastUpdated: string | null;
  /** That date as written, with its line. */
  stated: { text: string; line: number } | null;
}

export interface DiffResult {
  old: DocumentInfo;
  new: DocumentInfo;
  changes: Change[];
  /** Set by the classifier: whether any change is material, the count per significance, and date problems. */
  material?: boolean;
  summary?: { material: number; substantive: number; editorial: number };
  problems?: { code: string; severity: "warning" | "info"; message: string }[];
}
