/**
 * What the classifier adds to a diff. Every change gets a significance and its reasons; the result gets `material`,
 * a count per significance and the date problems. All of it is additive to the diff's JSON contract (docs/diff.md).
 */

import type { Significance } from "../diff/types.js";

export type { Significance } from "../diff/types.js";

export const SIGNIFICANCE_RANK: Record<Significance, number> = { editorial: 0, substantive: 1, material: 2 };

/** A stable code and one sentence quoting the words that triggered it: what the JSON carries. */
export interface Reason {
  code: string;
  message: string;
}

/**
 * A reason as the classifier finds it: `family` and `key` let a finding on one side of a section cancel its
 * counterpart on the other (a clause rewritten elsewhere in the same section still names the same recipient), and
 * `reader` is the same fact in words a policy's reader understands, for `policylint notice`.
 */
export interface Finding extends Reason {
  family?: string;
  key?: string;
  direction?: "added" | "removed";
  reader?: string;
}

export interface Problem {
  code: "date-not-bumped" | "date-bumped-without-change";
  severity: "warning" | "info";
  message: string;
}

export interface Summary {
  material: number;
  substantive: number;
  editorial: number;
}

/** Section categories: OPP-115's, plus binding terms, scope and history (change logs, tables of contents). */
export type Category =
  | "collection"
  | "use"
  | "sharing"
  | "retention"
  | "rights"
  | "choices"
  | "security"
  | "children"
  | "transfers"
  | "tracking"
  | "changes"
  | "contact"
  | "scope"
  | "terms"
  | "history";

export const CATEGORIES: readonly Category[] = [
  "collection",
  "use",
  "sharing",
  "retention",
  "rights",
  "choices",
  "security",
  "children",
  "transfers",
  "tracking",
  "changes",
  "contact",
  "scope",
  "terms",
  "history",
];

/** The `diff` key of a configuration: every list adds to the built-in knowledge in data/materiality.json. */
export interface DiffSettings {
  /** Words or phrases whose appearance in added text makes a change material. */
  material?: string[];
  /** Heading words or phrases: any non-editorial change under such a heading is material. */
  materialSections?: string[];
  /** Heading words or phrases whose changes are editorial (a change log kept inside the policy). */
  editorialSections?: string[];
  recipientColumns?: string[];
  locationColumns?: string[];
  purposeColumns?: string[];
  dataColumns?: string[];
  retentionColumns?: string[];
  dataCategories?: string[];
  purposes?: string[];
  recipients?: string[];
  rights?: string[];
  protections?: string[];
  bindingTerms?: string[];
  locations?: string[];
  /** Groups of words or names that mean the same (spelling variants, a product renamed): swapping them is editorial. */
  equivalents?: string[][];
  /** The policy owner's own names: a table row naming them is not a new recipient. */
  firstParty?: string[];
  /** Extra heading phrasings per category. */
  sections?: Partial<Record<Category, string[]>>;
}

export const DIFF_SETTING_LISTS = [
  "material",
  "materialSections",
  "editorialSections",
  "recipientColumns",
  "locationColumns",
  "purposeColumns",
  "dataColumns",
  "retentionColumns",
  "dataCategories",
  "purposes",
  "recipients",
  "rights",
  "protections",
  "bindingTerms",
  "locations",
  "firstParty",
] as const;
