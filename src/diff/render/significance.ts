import type { Change, DiffResult } from "../types.js";
import { placeOf, TARGET_LABEL } from "./common.js";

/**
 * What the human formats print first once a diff is classified: the counts, the material changes with their reasons,
 * and the date problems. A reader who stops after this part knows whether a notice is due and why.
 */

const VERB: Record<Change["kind"], string> = {
  added: "added",
  removed: "removed",
  modified: "changed",
  moved: "moved",
  renamed: "renamed",
};

export function isClassified(
  result: DiffResult,
): result is DiffResult & Required<Pick<DiffResult, "summary" | "problems" | "material">> {
  return result.summary !== undefined;
}

export function summaryLine(result: DiffResult): string {
  const s = result.summary!;
  const verdict = result.material
    ? "material changes: readers must be told"
    : s.substantive
      ? "no material change; a person should read the substantive ones"
      : "editorial only";
  return `${s.material} material, ${s.substantive} substantive, ${s.editorial} editorial · ${verdict}`;
}

/** "added table row “Acme Analytics”", "changed paragraph": what the change is, in a few words. */
export function describeChange(change: Change): string {
  const what = `${VERB[change.kind]} ${TARGET_LABEL[change.target]}`;
  if (change.row !== undefined) return `${what} “${change.row}”${change.column ? `, ${change.column}` : ""}`;
  if (change.field) return `${what} ${change.field}`;
  if (change.target === "section" || change.target === "clause") return `${what} “${(change.new ?? change.old)!.text}”`;
  return what;
}

export function material(result: DiffResult): { place: string; change: Change }[] {
  return result.changes
    .filter((c) => c.significance === "material")
    .map((change) => ({ place: placeOf(change), change }));
}
