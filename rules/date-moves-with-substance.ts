import type { Rule } from "../src/engine/types.js";
import { writeDate } from "../src/parse/date-style.js";
import { findStatedDate } from "../src/parse/stated-date.js";
import { whereTheDateBelongs } from "./last-updated.js";

/**
 * The pre-commit rule "the date must move with substance", for `check --against REV`: where the diff finds changes of
 * meaning since REV, the stated date must have moved. Its fix, the one `check --fix` applies, sets the stated date to
 * `--today` in the style it is written in. A rule of its own, not part of last-updated: that one judges a date
 * against the calendar and warns (an untouched policy must not break builds overnight), while this one judges a
 * commit against its revision, so it is an error, it is silent without `--against`, and it can be turned off alone.
 */
export const dateMovesWithSubstance: Rule<Record<string, never>> = {
  meta: {
    id: "date-moves-with-substance",
    description:
      "When the meaning of a policy changed since the revision `check --against` names, its stated date moved too",
    defaultSeverity: "error",
    fixable: "code",
    rationale:
      "A reader who sees the same date assumes the same policy: a change of meaning (one the diff calls material " +
      "or substantive) published under the old date misleads everyone who compares versions by their date. The " +
      "rule runs only when `policylint check --against REV` compares each file with its version at REV (a file " +
      "new since REV is not compared); it reads the stated date as `policylint diff` does and agrees with its " +
      "`date-not-bumped` verdict, except that a stated date that is already `--today` is left alone, since there " +
      "is no later date to move it to. `check --fix` sets the stated date to `--today` in the style it is written " +
      'in ("March 1st, 2026" → "November 28th, 2026", "2026-03-01" → "2026-11-28"); a date read as no one day (an ' +
      'ambiguous "03/01/2026") gets no fix and is moved by hand.',
    examples: [
      {
        title: "A new recipient since HEAD, under the date HEAD states",
        markdown: "# Privacy Policy\n\nLast updated: March 1, 2026\n\nWe share usage data with Acme Analytics.\n",
        baseline: {
          rev: "HEAD",
          meaningChanged: "1 material change",
          stated: { text: "March 1, 2026", isoDate: "2026-03-01" },
        },
      },
      {
        title: "The same change with the date moved",
        markdown: "# Privacy Policy\n\nLast updated: November 20, 2026\n\nWe share usage data with Acme Analytics.\n",
        baseline: {
          rev: "HEAD",
          meaningChanged: "1 material change",
          stated: { text: "March 1, 2026", isoDate: "2026-03-01" },
        },
      },
    ],
    options: {},
  },
  check(context) {
    const { doc, baseline, today } = context;
    if (!baseline?.meaningChanged) return;
    const since = `${baseline.meaningChanged} since ${baseline.rev}`;
    // As the diff reads a version's date (no dateFormat, no today), so that check and diff agree on "moved".
    const stated = findStatedDate(doc);
    if (!stated) {
      context.report({ message: `${since}, but the policy states no date`, ...whereTheDateBelongs(doc) });
      return;
    }
    const moved = stated.text !== baseline.stated?.text || stated.isoDate !== baseline.stated?.isoDate;
    if (moved || stated.isoDate === today) return;
    const at = { start: stated.start, end: stated.end };
    const still = `${since}, but the stated date did not move (still "${stated.text}")`;
    if (!stated.style) {
      context.report({ message: `${still}; its style is not one --fix writes: move it by hand`, ...at });
      return;
    }
    const fix = { range: [stated.start, stated.end] as [number, number], text: writeDate(stated.style, today) };
    context.report({ message: still, ...at, fix });
  },
};
