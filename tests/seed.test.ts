import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, lintWith } from "./helpers/fixtures.js";

const SEED = path.join(FIXTURES, "seed/imagen-privacy-policy.md");
const text = readFileSync(SEED, "utf8");
const lines = text.split("\n");
const messages = lintWith(text, { "no-placeholders": "error", "no-review-markers": "error" }, "2026-11-25", SEED);

/** Every place a literal string stands in the seed, found by plain string search (not by the rules' parser). */
function occurrences(needle: string): { line: number; column: number }[] {
  const found: { line: number; column: number }[] = [];
  lines.forEach((line, i) => {
    for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1))
      found.push({ line: i + 1, column: at + 1 });
  });
  return found;
}

const at = (ruleId: string) =>
  messages.filter((m) => m.ruleId === ruleId).map((m) => ({ line: m.line, column: m.column }));

describe("the seed draft policy (faithful Markdown reconstruction)", () => {
  it("reports every [LAWYER] marker, each on its own line", () => {
    const lawyer = occurrences("[LAWYER]");
    expect(lawyer).toHaveLength(9);
    expect(at("no-review-markers")).toEqual(expect.arrayContaining(lawyer));
  });

  it("reports the 'Legal review required before publishing' warning", () => {
    const [warning] = occurrences("⚠️ Legal review required before publishing.");
    expect(at("no-review-markers")).toContainEqual(warning);
    expect(messages.find((m) => m.line === warning.line)?.message).toContain("Legal review required before publishing");
  });

  it("reports every bracketed placeholder where it stands", () => {
    const placeholders = [
      "[YOUR LEGAL ENTITY NAME]",
      "[YOUR ADDRESS]",
      "[hosting provider]",
      "[email]",
      "[analytics]",
    ].flatMap(occurrences);
    expect(placeholders).toHaveLength(6);
    for (const place of placeholders) expect(at("no-placeholders")).toContainEqual(place);
  });

  it("reports every [email protected] artefact", () => {
    const artefacts = occurrences("[email protected]");
    expect(artefacts).toHaveLength(5);
    for (const place of artefacts) expect(at("no-placeholders")).toContainEqual(place);
    const artefactMessages = messages.filter((m) => m.message.includes("[email protected]"));
    expect(artefactMessages.every((m) => m.message.startsWith("Obfuscated e-mail artefact"))).toBe(true);
  });

  it("flags nothing else: 6 placeholders + 5 artefacts + 9 [LAWYER] + 1 warning", () => {
    expect(messages.filter((m) => m.ruleId === "no-placeholders")).toHaveLength(11);
    expect(messages.filter((m) => m.ruleId === "no-review-markers")).toHaveLength(10);
    expect(messages).toHaveLength(21);
  });

  it("quotes what it found in each message", () => {
    for (const m of messages) {
      const quoted = /"(.+?)"/.exec(m.message)?.[1]?.replace(/…$/, "");
      expect(quoted, m.message).toBeTruthy();
      expect(lines[m.line - 1].slice(m.column - 1).replace(/^\[/, "[")).toContain(quoted!.slice(0, 20));
    }
  });
});
