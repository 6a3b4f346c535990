import { classify, firstPartyOf, type ClassifiedResult, type DiffSettings, type Finding } from "./classify/index.js";
import { DATE_PLACEHOLDER, renderNotice, type NoticeFormat } from "./classify/notice.js";
import { diffDocuments } from "./diff/index.js";
import { parseDocument } from "./parse/document.js";

/**
 * The pipeline of `policylint diff` and `notice` as the library offers it: parse both versions, diff them, classify
 * the changes. Above diff/ and classify/, below cli/, so the CLI and a program using the package get the same result.
 */

export interface Compared {
  result: ClassifiedResult;
  /** Per change id, what the JSON leaves out: how to say each reason to a reader (what `notice` is drafted from). */
  findings: Map<string, Finding[]>;
  /** The new version's title (front matter `title`, else its first heading), as a notice names the policy. */
  title: string | null;
}

/** Diffs and classifies two versions; the labels name them in the result (`old.file`, `new.file`). */
export function compare(
  before: string,
  after: string,
  oldLabel: string,
  newLabel: string,
  settings: DiffSettings = {},
): Compared {
  const oldDoc = parseDocument(before, oldLabel);
  const newDoc = parseDocument(after, newLabel);
  const result = diffDocuments(oldDoc, newDoc);
  const title = newDoc.frontMatter.data?.title;
  const documents = { old: oldDoc, new: newDoc };
  return {
    ...classify(result, { settings, firstParty: firstPartyOf(newDoc), documents }),
    title: typeof title === "string" ? title : (newDoc.allSections[0]?.title ?? null),
  };
}

/** What changed between two texts, each change classified: the JSON `policylint diff --format json` prints. */
export function diff(
  oldText: string,
  newText: string,
  files: { old?: string; new?: string } = {},
  settings: DiffSettings = {},
): ClassifiedResult {
  return compare(oldText, newText, files.old ?? "old", files.new ?? "new", settings).result;
}

export interface NoticeOptions {
  /** The date the new version takes effect, as the notice writes it; default: the new version's stated date. */
  effective?: string;
  /** The address of the full policy; without it the notice holds a placeholder. */
  url?: string;
  format?: NoticeFormat;
}

/** The draft notice of the material changes `compare` found, as `policylint notice` writes it. */
export function notice(compared: Compared, options: NoticeOptions = {}): string {
  const { result, findings, title } = compared;
  const effective = options.effective ?? result.new.stated?.text ?? DATE_PLACEHOLDER;
  return renderNotice({ result, findings, title, effective, url: options.url ?? null }, options.format ?? "markdown");
}
