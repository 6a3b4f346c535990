import { parseDocument } from "../parse/document.js";
import { lintDocument, type LintOptions } from "./lint.js";
import type { LintMessage } from "./types.js";

/**
 * `check --fix`, as ESLint applies fixes (its SourceCodeFixer and `verifyAndFix`), so that a rule's fix behaves as
 * ESLint users expect: the fixes of one pass are applied in the order of their ranges, a fix that overlaps or touches
 * one already applied waits for the next pass, and the text is linted again after each pass, up to 10 passes.
 * Written here rather than taken from ESLint: its fixer is internal (not exported) and bound to its own SourceCode.
 */

const MAX_PASSES = 10;
const BOM = "\uFEFF";

export interface Applied {
  /** The text with the fixes applied (its byte order mark kept). */
  output: string;
  /** Whether any fix was applied. */
  fixed: boolean;
  /** The messages whose fix was not applied, or that had none. */
  remaining: LintMessage[];
}

/** Applies the fixes of `messages` that do not overlap, by range; a suppressed finding's fix is never applied. */
export function applyFixes(
  text: string,
  messages: LintMessage[],
  shouldFix: (message: LintMessage) => boolean = () => true,
): Applied {
  const bom = text.startsWith(BOM) ? BOM : "";
  // Ranges are offsets of the text as parsed, which has no byte order mark.
  const source = text.slice(bom.length);
  const fixable = messages
    .filter((m) => m.fix && !m.suppressions && shouldFix(m))
    .sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
  const applied = new Set<LintMessage>();
  let output = "";
  let lastPos = -Infinity;
  for (const message of fixable) {
    const [start, end] = message.fix!.range;
    // ESLint's test: a fix starting where the previous one ended also waits, so no two edits meet at one point.
    if (lastPos >= start || start > end || start < 0 || end > source.length) continue;
    output += source.slice(Math.max(0, lastPos), start) + message.fix!.text;
    lastPos = end;
    applied.add(message);
  }
  output += source.slice(Math.max(0, lastPos));
  return {
    output: applied.size ? bom + output : text,
    fixed: applied.size > 0,
    remaining: messages.filter((m) => !applied.has(m)),
  };
}

/**
 * Lints `text` with `lint`, applies the fixes, lints the fixed text again, and so on while a pass fixes something (at
 * most 10 passes); returns the messages of the final text and, when it differs from `text`, the fixed text as `output`.
 */
export function lintAndFix(
  text: string,
  lint: (text: string) => LintMessage[],
  shouldFix?: (message: LintMessage) => boolean,
): { messages: LintMessage[]; output?: string } {
  let current = text;
  let messages: LintMessage[];
  let fixed = false;
  let pass = 0;
  do {
    pass++;
    messages = lint(current);
    const applied = applyFixes(current, messages, shouldFix);
    fixed = applied.fixed;
    current = applied.output;
  } while (fixed && pass < MAX_PASSES);
  // The last pass fixed something: its messages are those of the text before, so the final text is linted once more.
  if (fixed) messages = lint(current);
  return current === text ? { messages } : { messages, output: current };
}

/** `lintAndFix` with the rules: what `check --fix` runs on each file. */
export function lintFileAndFix(
  text: string,
  filePath: string,
  options: LintOptions,
  shouldFix?: (message: LintMessage) => boolean,
): { messages: LintMessage[]; output?: string } {
  return lintAndFix(text, (current) => lintDocument(parseDocument(current, filePath), options), shouldFix);
}
