import { describe, expect, it } from "vitest";
import { applyFixes, lintAndFix } from "../src/engine/fix.js";
import { lintWithSettings } from "../src/engine/lint.js";
import { resolveConfig } from "../src/config/load.js";
import type { Baseline, LintMessage } from "../src/engine/types.js";

/** A message carrying a fix, as a rule's report becomes one. */
const fixing = (range: [number, number], text: string, severity: 1 | 2 = 2): LintMessage => ({
  ruleId: "test",
  severity,
  message: `replace ${range[0]}-${range[1]}`,
  line: 1,
  column: range[0] + 1,
  endLine: 1,
  endColumn: range[1] + 1,
  fix: { range, text },
});

describe("applying fixes as ESLint does", () => {
  it("applies fixes in the order of their ranges, whatever the order reported", () => {
    const fixes = [fixing([8, 11], "DOG"), fixing([0, 3], "A"), fixing([4, 7], "big")];
    const applied = applyFixes("the red fox", fixes);
    expect(applied).toEqual({ output: "A big DOG", fixed: true, remaining: [] });
  });

  it("leaves a fix that overlaps or touches one already applied for the next pass, reported", () => {
    const first = fixing([0, 5], "HELLO");
    const overlapping = fixing([3, 8], "X");
    const touching = fixing([5, 6], "_");
    const applied = applyFixes("hello world", [touching, overlapping, first]);
    expect(applied.output).toBe("HELLO world");
    expect(applied.remaining).toEqual([touching, overlapping]);
  });

  it("never applies the fix of a finding a directive suppressed, nor one left out by the predicate", () => {
    const suppressed = { ...fixing([0, 1], "X"), suppressions: [{ kind: "directive" as const, justification: "" }] };
    const warning = fixing([2, 3], "Y", 1);
    const applied = applyFixes("abcd", [suppressed, warning], (m) => m.severity === 2);
    expect(applied).toEqual({ output: "abcd", fixed: false, remaining: [suppressed, warning] });
  });

  it("keeps a byte order mark and CRLF line ends, the ranges counting from after the mark", () => {
    const text = "\uFEFFLast updated: March 1, 2026\r\n\r\nText.\r\n";
    const applied = applyFixes(text, [fixing([14, 27], "May 4, 2026")]);
    expect(applied.output).toBe("\uFEFFLast updated: May 4, 2026\r\n\r\nText.\r\n");
  });

  it("lints again after each pass until nothing is fixed, and reports what remains of the final text", () => {
    // A rule that halves the first run of two "a"s: each pass can fix only one, the others overlapping it.
    const lint = (text: string): LintMessage[] =>
      [...text.matchAll(/aa/g)].map((m) => ({ ...fixing([m.index, m.index + 2], "a"), message: "double a" }));
    let passes = 0;
    const counted = (text: string) => (passes++, lint(text));
    const result = lintAndFix("aaaa b", counted);
    expect(result).toEqual({ messages: [], output: "a b" });
    // "aaaa" → "aaa" (the second "aa" touches the first) → "aa" → "a", and a fourth lint that finds nothing.
    expect(passes).toBe(4);
  });

  it("stops after 10 passes of fixes that never settle, reporting the last text's findings", () => {
    let passes = 0;
    const lint = (): LintMessage[] => (passes++, [fixing([0, 0], "x")]);
    const result = lintAndFix("", lint);
    expect(result.output).toBe("x".repeat(10));
    // 10 passes that fixed, and one more to report on the final text.
    expect(passes).toBe(11);
    expect(result.messages).toHaveLength(1);
  });

  it("gives no output when the fixes leave the text as it was", () => {
    const result = lintAndFix("same", () => []);
    expect(result).toEqual({ messages: [] });
  });
});

describe("date-moves-with-substance", () => {
  const config = resolveConfig({ rules: { "date-moves-with-substance": "error" } }, null, process.cwd());
  const lint = (text: string, baseline?: Baseline, today = "2026-05-04") =>
    lintWithSettings(text, "privacy.md", { rules: config.rules, today, baseline }).messages;
  const was = { text: "March 1st, 2026", isoDate: "2026-03-01" };
  const changed: Baseline = { rev: "HEAD", meaningChanged: "1 material change", stated: was };
  const policy = "# Privacy\n\n**Last updated:** March 1st, 2026\n\nWe share data with Acme.\n";

  it("reports a change of meaning under the date the revision stated, with a fix in the date's own style", () => {
    const [message] = lint(policy, changed);
    expect(message).toMatchObject({
      ruleId: "date-moves-with-substance",
      severity: 2,
      message: '1 material change since HEAD, but the stated date did not move (still "March 1st, 2026")',
      line: 3,
      fix: { text: "May 4th, 2026" },
    });
    expect(policy.slice(...message.fix!.range)).toBe("March 1st, 2026");
  });

  it("is silent without --against, without a change of meaning, once the date moved, and when it is today", () => {
    expect(lint(policy)).toEqual([]);
    expect(lint(policy, { ...changed, meaningChanged: null })).toEqual([]);
    expect(lint(policy.replace("March 1st", "April 9th"), changed)).toEqual([]);
    expect(lint(policy, changed, "2026-03-01")).toEqual([]);
  });

  it("reports without a fix a date it cannot write, and a policy that states none", () => {
    const ambiguous = lint("# Privacy\n\nLast updated: 03/01/2026\n", { ...changed, stated: null });
    expect(ambiguous).toEqual([]);
    const same = { ...changed, stated: { text: "03/01/2026", isoDate: null } };
    const [unwritten] = lint("# Privacy\n\nLast updated: 03/01/2026\n", same);
    expect(unwritten.message).toMatch(/still "03\/01\/2026"\); its style is not one --fix writes/);
    expect(unwritten.fix).toBeUndefined();
    const [undated] = lint("# Privacy\n\nText.\n", changed);
    expect(undated).toMatchObject({ message: "1 material change since HEAD, but the policy states no date", line: 1 });
    expect(undated.fix).toBeUndefined();
  });
});
