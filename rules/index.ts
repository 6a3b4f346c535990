import type { Rule } from "../src/engine/types.js";
import { noPlaceholders } from "./no-placeholders.js";
import { noReviewMarkers } from "./no-review-markers.js";
import { lastUpdated } from "./last-updated.js";
import { noEmptySections } from "./no-empty-sections.js";
import { validCrossReferences } from "./valid-cross-references.js";
import { requiredSections } from "./required-sections.js";
import { dateMovesWithSubstance } from "./date-moves-with-substance.js";

/** Every rule, in the order `policylint rules` lists them. Adding a rule is adding its file and one line here. */
// Each rule has options of its own type; the list holds them all, so its element type cannot name one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const allRules: Rule<any>[] = [
  noPlaceholders,
  noReviewMarkers,
  lastUpdated,
  dateMovesWithSubstance,
  noEmptySections,
  validCrossReferences,
  requiredSections,
];

const byId = new Map(allRules.map((rule) => [rule.meta.id, rule]));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as allRules: a rule of any options type
export function ruleById(id: string): Rule<any> | undefined {
  return byId.get(id);
}
