import type { Rule } from "../src/engine/types.js";
import { daysBetween } from "../src/parse/dates.js";
import type { PolicyDocument } from "../src/parse/document.js";
import { findStatedDate, type DateFormat } from "../src/parse/stated-date.js";

interface Options {
  maxAgeDays: number;
  maxFutureDays: number;
  dateFormat: DateFormat;
}

export const lastUpdated: Rule<Options> = {
  meta: {
    id: "last-updated",
    description:
      "The policy states when it was last updated or takes effect, in " +
      "a readable date that is neither stale nor far in the future",
    // A warning: its verdict changes with the calendar, so an untouched policy must not start failing builds overnight.
    defaultSeverity: "warn",
    rationale:
      "Readers and regulators judge a policy by its date: the CCPA requires a privacy policy to be " +
      "updated at least every 12 months, and an undated or unreadable date leaves no one able to " +
      "tell which version they agreed to. The stated date is the first one a phrase introduces " +
      '("Last updated", "Effective"), or a date alone on the line under the title; in a change log ' +
      '("Revised on …" listed several times) it is the latest revision. A numeric date one of whose ' +
      "readings lies after today is read the other way (08/12/2026 on August 13 is August 12).",
    examples: [
      {
        title: "A stale date",
        markdown: "# Privacy Policy\n\n*Last updated: March 1, 2025*\n\nWe collect account data.\n",
      },
      {
        title: "An ambiguous numeric date",
        markdown: "# Privacy Policy\n\nEffective date: 04/05/2026\n\nWe collect account data.\n",
      },
      {
        title: "No date at all",
        markdown: "# Privacy Policy\n\nWe may change this policy after the effective date we announce.\n",
      },
      {
        title: "Formats it reads (within a year: silent)",
        markdown: "---\nlast_updated: 2026-04-29\n---\n\n# Terms\n\n**Effective as of** 29 April 2026.\n",
      },
    ],
    options: {
      maxAgeDays: {
        type: "number",
        default: 365,
        description: "Report a stated date older than this many days (the CCPA's 12-month rule).",
      },
      maxFutureDays: {
        type: "number",
        default: 90,
        description:
          "Report a stated date further in the future than this many days " +
          "(policies are often published ahead of their effective date).",
      },
      dateFormat: {
        type: "string",
        default: "auto",
        enum: ["auto", "MDY", "DMY"],
        description:
          'How to read numeric dates such as 04/05/2026: "MDY", ' +
          '"DMY", or "auto" (only when the numbers leave no doubt).',
      },
    },
  },
  check(context) {
    const { doc, options, today } = context;
    const stated = findStatedDate(doc, options.dateFormat, today);
    if (!stated) {
      context.report({
        message: 'The policy states no date: add "Last updated: <date>" or an effective date',
        ...whereTheDateBelongs(doc),
      });
      return;
    }
    const at = { start: stated.start, end: stated.end };
    if (!stated.isoDate) {
      const subject = stated.text === stated.label ? `"${stated.text}"` : `Stated date "${stated.text}"`;
      context.report({ message: `${subject} ${stated.problem}`, ...at });
      return;
    }
    const age = daysBetween(stated.isoDate, today);
    if (age > options.maxAgeDays) {
      context.report({
        message: `Stated date "${stated.text}" is ${age} days old (maxAgeDays: ${options.maxAgeDays})`,
        ...at,
      });
    } else if (-age > options.maxFutureDays) {
      context.report({
        message: `Stated date "${stated.text}" is ${-age} days in the future (maxFutureDays: ${options.maxFutureDays})`,
        ...at,
      });
    }
  },
};

/** The title's text (without a Setext underline), or the first line of the text when it opens without a title. */
export function whereTheDateBelongs(doc: PolicyDocument): { start: number; end: number } {
  const first = doc.tree.children.find(
    (node) => node.type !== "yaml" && !(node.type === "html" && node.value.startsWith("<!--")),
  );
  if (!first?.position) return { start: 0, end: 0 };
  if (first.type === "heading" && first.children.length) {
    return {
      start: first.children[0].position!.start.offset!,
      end: first.children[first.children.length - 1].position!.end.offset!,
    };
  }
  const start = first.position.start.offset!;
  const lineEnd = doc.source.indexOf("\n", start);
  return { start, end: Math.min(first.position.end.offset!, lineEnd < 0 ? doc.source.length : lineEnd) };
}
