import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/load.js";
import { lintDocument } from "../../src/engine/lint.js";
import { settingsFor } from "../../src/config/load.js";
import { parseDocument, type PolicyDocument } from "../../src/parse/document.js";
import { ROOT } from "../helpers/fixtures.js";
import { bestTime } from "../helpers/timing.js";

/**
 * Work that must grow about linearly with the input: each test times a step on an input and on one four times as
 * large (taken in turn, best of four each, the inputs built and parsed untimed) and expects less than 10× the time (linear is 4×; a loaded
 * machine measured up to 7.5×); the quadratic code each guards against measured 14× or more. Ratios, not times, so a slower or busier machine does not fail them.
 */
function growth<T>(build: (size: number, salt: number) => T, step: (input: T) => void, size: number): number {
  // Text never seen before each time: parsed pieces and rules' verdicts on paragraphs are remembered.
  const time = (n: number) => bestTime(() => build(n, salt++), step, 1);
  time(size / 4);
  // The small and the large input timed in turn, the best of each: a change of load between two series of timings
  // moved the ratio (10.8× in one CI run beside other suites, where alone it is 4–5×); in turn, it moves both.
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < 4; i++) {
    small = Math.min(small, time(size));
    large = Math.min(large, time(size * 4));
  }
  return large / small;
}
let salt = 0;

const config = resolveConfig({ extends: "policylint:recommended" }, null, ROOT);
const only = (rule: string) => new Map([...settingsFor(config, `${ROOT}/policy.md`)].filter(([id]) => id === rule));

/** `sections` sections of `paragraphs` paragraphs, each with a link, every one distinct (and new with a new salt). */
function linkedPolicy(sections: number, salt: number, paragraphs = 4): string {
  const out = ["# Privacy Policy\n"];
  for (let s = 0; s < sections; s++) {
    out.push(`## Topic ${s}\n`);
    for (let p = 0; p < paragraphs; p++)
      out.push(
        `We share item ${salt}.${s}.${p} with [partner ${s}.${p}](https://example.com/${s}/${p}) for support.\n`,
      );
  }
  return out.join("\n");
}

describe("work that grows linearly with the document", () => {
  it("required-sections reads a document's links once per block (was every link for every block)", () => {
    const rules = only("required-sections");
    const ratio = growth(
      (n, salt) => parseDocument(linkedPolicy(n, salt)),
      (doc: PolicyDocument) => lintDocument(doc, { rules, today: "2026-11-25" }),
      500,
    );
    expect(ratio).toBeLessThan(10);
  }, 120_000);
});
