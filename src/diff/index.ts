import { parseDocument, type PolicyDocument } from "../parse/document.js";
import { alignUnits } from "./align.js";
import { findStatedDate } from "../parse/stated-date.js";
import { diffFrontMatter } from "./frontmatter.js";
import { buildChanges } from "./records.js";
import type { DiffResult, DocumentInfo } from "./types.js";
import { buildUnits, type UnitTree } from "./units.js";

export type {
  Change,
  ChangeKind,
  ChangeSide,
  ChangeTarget,
  DiffResult,
  DocumentInfo,
  EditPart,
  SectionRef,
} from "./types.js";
import { oncePer } from "../text/memo.js";
export { renderJson } from "./render/json.js";
export { renderMarkdown } from "./render/markdown.js";
export { renderStat } from "./render/stat.js";
export { renderTerminal } from "./render/terminal.js";
export { renderHtml } from "./render/html/page.js";

/**
 * What changed between two versions of a policy as a reader sees it. A pipeline of pure steps: units (sections and
 * clauses) → alignment → block matching → word edits → records.
 */
export function diffDocuments(oldDoc: PolicyDocument, newDoc: PolicyDocument): DiffResult {
  const oldTree = unitsOf(oldDoc);
  const newTree = unitsOf(newDoc);
  const alignment = alignUnits(oldTree, newTree);
  const fields = diffFrontMatter(oldDoc.frontMatter, newDoc.frontMatter);
  return { old: info(oldDoc), new: info(newDoc), changes: buildChanges(oldTree, newTree, alignment, fields) };
}

// A document's units depend on it alone and no later step writes to them, so a version compared twice (`policylint
// log`: against the one before it and the one after) builds them once.
const unitsOf: (doc: PolicyDocument) => UnitTree = oncePer(buildUnits);

export function diffTexts(oldText: string, newText: string, files: { old?: string; new?: string } = {}): DiffResult {
  return diffDocuments(parseDocument(oldText, files.old ?? "old"), parseDocument(newText, files.new ?? "new"));
}

function info(doc: PolicyDocument): DocumentInfo {
  const stated = findStatedDate(doc);
  return {
    file: doc.filePath,
    lastUpdated: stated?.isoDate ?? null,
    stated: stated && { text: stated.text, line: doc.pointAt(stated.start).line },
  };
}
