import type { ConfigObject } from "./schema.js";

export const PRESET_PREFIX = "policylint:";

/**
 * Built-in presets, used through `extends`. `recommended` is what runs when a project has no configuration.
 * Law-specific and kind-specific presets switch on `required-sections` with their own disclosure lists, which add up
 * when combined; a list applies only to documents of its kind (terms, cookies, subprocessors, privacy).
 */
export const BUILT_IN_PRESETS: Record<string, ConfigObject> = {
  [`${PRESET_PREFIX}recommended`]: {
    rules: {
      "no-placeholders": "error",
      "no-review-markers": "error",
      "no-empty-sections": "error",
      "valid-cross-references": "error",
      // A warning by default: its result changes with the calendar, so an untouched policy would one day break builds.
      "last-updated": "warn",
      // Silent unless `check --against REV` gives each file its version at REV.
      "date-moves-with-substance": "error",
      // One list per kind of document, each applied only to documents of its kind.
      "required-sections": ["error", { disclosures: ["recommended", "terms", "subprocessors", "cookies"] }],
    },
  },
  [`${PRESET_PREFIX}gdpr`]: { rules: { "required-sections": ["error", { disclosures: ["gdpr"] }] } },
  [`${PRESET_PREFIX}ccpa`]: {
    rules: {
      "required-sections": ["error", { disclosures: ["ccpa"] }],
      // Cal. Civ. Code § 1798.130(a)(5): the privacy policy is updated at least once every 12 months.
      "last-updated": ["error", { maxAgeDays: 365 }],
    },
  },
  [`${PRESET_PREFIX}us-states`]: { rules: { "required-sections": ["error", { disclosures: ["us-states"] }] } },
  [`${PRESET_PREFIX}coppa`]: { rules: { "required-sections": ["error", { disclosures: ["coppa"] }] } },
  [`${PRESET_PREFIX}terms`]: { rules: { "required-sections": ["error", { disclosures: ["terms"] }] } },
  [`${PRESET_PREFIX}subprocessors`]: { rules: { "required-sections": ["error", { disclosures: ["subprocessors"] }] } },
  [`${PRESET_PREFIX}cookies`]: { rules: { "required-sections": ["error", { disclosures: ["cookies"] }] } },
};
