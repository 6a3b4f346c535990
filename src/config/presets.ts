import type { ConfigObject } from "./schema.js";

export const PRESET_PREFIX = "policylint:";

/**
 * Built-in presets, used through `extends`. `recommended` is what runs when a project has no configuration.
 * Law-specific presets switch on `required-sections` with their own disclosure lists, which add up when combined.
 */
export const BUILT_IN_PRESETS: Record<string, ConfigObject> = {
  [`${PRESET_PREFIX}recommended`]: {
    rules: {
      "no-placeholders": "error",
      "no-review-markers": "error",
    },
  },
};
