import type { Rule } from "../src/engine/types.js";
import { noPlaceholders } from "./no-placeholders.js";
import { noReviewMarkers } from "./no-review-markers.js";
import { lastUpdated } from "./last-updated.js";
import { noEmptySections } from "./no-empty-sections.js";
import { validCrossReferences } from "./valid-cross-references.js";
import { requiredSections } from "./required-sections.js";

/** Every rule, in the order `policylint rules` lists them. Adding a rule is adding its file and one line here. */
export const allRules: Rule<any>[] = [noPlaceholders, noReviewMarkers, lastUpdated, noEmptySections, validCrossReferences, requiredSections];

const byId = new Map(allRules.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule<any> | undefined {
  return byId.get(id);
}
