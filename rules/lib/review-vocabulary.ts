import { loadRuleData } from "../../src/engine/data.js";
import { escapeRegExp } from "./regexp.js";

export interface ReviewMarkerData {
  tags: string[];
  words: string[];
  phrases: string[];
}

/** Shared by no-review-markers (which reports these) and no-placeholders (which leaves them to it). */
export const reviewMarkerData = loadRuleData<ReviewMarkerData>("review-markers");

const DEFAULT_TAGS = tagMatcher(reviewMarkerData.tags);

/** `[LAWYER]`, `[DRAFTING NOTE: …]`: the bracket opens with a reviewer tag. */
export function tagMatcher(tags: string[]): RegExp {
  const alternatives = [...tags].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`^\\s*(?:${alternatives.join("|")})(?:\\s*[:\\-–—]|\\s*$)`, "i");
}

export function isReviewTag(bracketContent: string): boolean {
  return DEFAULT_TAGS.test(bracketContent);
}
