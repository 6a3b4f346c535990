import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintFixture, readRuleFixture, ruleFixtureFiles, FIXTURES } from "./helpers/fixtures.js";

describe("rule fixtures (expected findings live in each fixture)", () => {
  for (const file of ruleFixtureFiles()) {
    const name = path.relative(path.join(FIXTURES, "rules"), file);
    it(name, () => {
      const fixture = readRuleFixture(file);
      const messages = lintFixture(fixture);
      const actual = messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
      const wanted = fixture.expected.map((e) => `${e.line}:${e.column} ${e.ruleId}`);
      expect(actual, messages.map((m) => `${m.line}:${m.column} ${m.message}`).join("\n")).toEqual(wanted);
      fixture.expected.forEach((e, i) => {
        if (e.contains) expect(messages[i].message).toContain(e.contains);
      });
    });
  }
});
