import type { Change, DiffResult } from "../diff/types.js";
import type { PolicyDocument } from "../parse/document.js";
import { significanceOf } from "./codes.js";
import { judge } from "./decide.js";
import { finding } from "./finding.js";
import { knowledgeFor, titleWords } from "./knowledge.js";
import { layoutOf } from "./layout.js";
import { categorise } from "./section.js";
import { quote } from "./words.js";
import {
  SIGNIFICANCE_RANK,
  type DiffSettings,
  type Finding,
  type Problem,
  type Reason,
  type Significance,
  type Summary,
} from "./types.js";

export type { Category, DiffSettings, Finding, Problem, Reason, Significance, Summary } from "./types.js";
export { CODES, significanceOf } from "./codes.js";
export { SIGNIFICANCE_RANK } from "./types.js";

export interface ClassifiedChange extends Change {
  significance: Significance;
  reasons: Reason[];
}

export interface ClassifiedResult extends DiffResult {
  changes: ClassifiedChange[];
  material: boolean;
  summary: Summary;
  problems: Problem[];
}

export interface ClassifyOptions {
  settings?: DiffSettings;
  /** The policy owner's names (from the documents' titles, and `diff.firstParty`). */
  firstParty?: string[];
  /** Both parsed versions: with them, sentences that only moved and page furniture are told apart. */
  documents?: { old: PolicyDocument; new: PolicyDocument };
}

/**
 * Classifies every change of a diff: significance and reasons per change, then `material`, the counts and the date
 * problems. `findings` keeps what the JSON leaves out (how to say each reason to a reader) for `policylint notice`.
 */
export function classify(
  result: DiffResult,
  options: ClassifyOptions = {},
): { result: ClassifiedResult; findings: Map<string, Finding[]> } {
  const k = knowledgeFor(options.settings);
  const firstParty = [...(options.settings?.firstParty ?? []), ...(options.firstParty ?? [])];
  const rowPaths = new Set(
    result.changes
      .filter((c) => c.target === "table-row" || c.target === "table-cell")
      .map((c) => c.path.join("\u0001")),
  );
  const layouts = options.documents && {
    old: layoutOf(options.documents.old, k.furniturePhrases),
    new: layoutOf(options.documents.new, k.furniturePhrases),
  };
  const judged = result.changes.map((change) => ({
    change,
    findings: judge(change, {
      k,
      categories: categorise(change, k),
      firstParty,
      rowPaths,
      layouts,
      duty: Boolean(change.new?.line && layouts?.new.dutyLines.has(change.new.line)),
    }),
  }));
  net(judged);
  const findings = new Map<string, Finding[]>();
  const changes = judged.map(({ change, findings: found }) => {
    const unique = dedupe(found);
    findings.set(change.id, unique);
    const significance = unique
      .map((f) => significanceOf(f.code))
      .reduce<Significance>((a, b) => (SIGNIFICANCE_RANK[b] > SIGNIFICANCE_RANK[a] ? b : a), "editorial");
    return { ...change, significance, reasons: unique.map(({ code, message }) => ({ code, message })) };
  });
  const summary: Summary = { material: 0, substantive: 0, editorial: 0 };
  for (const c of changes) summary[c.significance]++;
  return {
    result: { ...result, changes, material: summary.material > 0, summary, problems: problems(result, summary) },
    findings,
  };
}

/**
 * A reason found on one side of a section and its counterpart on the other cancel out: a clause rewritten as a
 * removed and an added item that both promise 30 days' notice promises nothing new. What is left of such a change
 * is a rewording, which a person should still read.
 */
function net(judged: { change: Change; findings: Finding[] }[]): void {
  const sides = new Map<string, { added: Set<string>; removed: Set<string> }>();
  const place = (c: Change) => c.path.join("\u0001");
  for (const { change, findings } of judged) {
    const entry = sides.get(place(change)) ?? { added: new Set(), removed: new Set() };
    sides.set(place(change), entry);
    for (const f of findings) if (f.family && f.key && f.direction) entry[f.direction].add(`${f.family}\u0001${f.key}`);
  }
  for (const item of judged) {
    const entry = sides.get(place(item.change))!;
    const kept = item.findings.filter(
      (f) =>
        !(
          f.family &&
          f.key &&
          f.direction &&
          entry[f.direction === "added" ? "removed" : "added"].has(`${f.family}\u0001${f.key}`)
        ),
    );
    if (kept.length === item.findings.length) continue;
    const text = (item.change.new ?? item.change.old)!.text;
    item.findings = kept.length ? kept : [finding("clarification", "cancelled", { text: quote(text) })];
  }
}

function dedupe(found: Finding[]): Finding[] {
  const seen = new Set<string>();
  return found.filter((f) => {
    const id = `${f.code}\u0001${f.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Whether the new version states a date, and a different one from the old version's. */
export function dateBumped(result: DiffResult): boolean {
  const after = result.new.stated;
  return (
    Boolean(after) && (result.old.lastUpdated !== result.new.lastUpdated || result.old.stated?.text !== after?.text)
  );
}

function problems(result: DiffResult, summary: Summary): Problem[] {
  const before = result.old.stated;
  const after = result.new.stated;
  const bumped = dateBumped(result);
  const meaningful = summary.material + summary.substantive;
  if (meaningful && !bumped) {
    const counted = [
      summary.material && `${summary.material} material`,
      summary.substantive && `${summary.substantive} substantive`,
    ]
      .filter(Boolean)
      .join(" and ");
    const what = `${counted} change${meaningful === 1 ? "" : "s"}`;
    const message = after
      ? `${what}, but the stated date is still ${after.text} (line ${after.line})`
      : `${what}, but the new version states no "Last updated" or effective date`;
    return [{ code: "date-not-bumped", severity: "warning", message }];
  }
  if (!meaningful && bumped && before) {
    return [
      {
        code: "date-bumped-without-change",
        severity: "info",
        message: `the stated date changed (${before.text} → ${after!.text}) but no change of meaning was found`,
      },
    ];
  }
  return [];
}

/**
 * The policy owner's names, from its title ("GitHub Privacy Statement" → GitHub), so its own rows are not recipients.
 */
export function firstPartyOf(doc: PolicyDocument): string[] {
  const titles = [doc.frontMatter.data?.title, doc.allSections[0]?.title].filter(
    (t): t is string => typeof t === "string",
  );
  const generic = titleWords();
  const word = (w: string) => w.replace(/[’']s$/, "");
  const names = titles
    .flatMap((t) => t.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !generic.has(word(w).toLowerCase())))
    .map(word);
  return [...new Set(names)];
}
