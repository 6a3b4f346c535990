import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatters, lint, lintText, loadConfig, resolveConfig } from "../src/index.js";
import { tempProject } from "./helpers/cli.js";
import { FIXTURES, ROOT } from "./helpers/fixtures.js";

describe("library API", () => {
  it("lint() gives the CLI's results for files, with the discovered config", async () => {
    const results = await lint([path.join(FIXTURES, "seed/imagen-privacy-policy.md")], { cwd: ROOT, today: "2026-11-25" });
    expect(results).toHaveLength(1);
    const text = formatters.json(results, { cwd: ROOT, rules: [], color: false, version: "" });
    expect(JSON.parse(text)[0].messages.length).toBe(results[0].messages.length);
    expect(results[0].messages.some((m) => m.message.includes("[YOUR LEGAL ENTITY NAME]"))).toBe(true);
  });

  it("lintText() applies the config's overrides for the named file", async () => {
    const dir = tempProject({
      ".policylintrc.json": JSON.stringify({ rules: { "no-placeholders": "error" }, overrides: [{ files: "drafts/**", rules: { "no-placeholders": "off" } }] }),
    });
    const config = await loadConfig({ cwd: dir });
    const live = await lintText("We are [YOUR COMPANY].\n", { cwd: dir, config, filePath: "live/p.md" });
    const draft = await lintText("We are [YOUR COMPANY].\n", { cwd: dir, config, filePath: "drafts/p.md" });
    expect([live.errorCount, draft.errorCount]).toEqual([1, 0]);
  });

  it("resolveConfig() validates like the CLI", () => {
    expect(() => resolveConfig({ rules: { nope: "error" } }, "x.json", ROOT)).toThrow('x.json: rules.nope: unknown rule "nope"');
  });
});

describe("library API: diff", () => {
  it("diff() compares two texts as the CLI does", async () => {
    const { diff, renderJson } = await import("../src/index.js");
    const result = diff("# Policy\n\nWe keep data for 30 days.\n", "# Policy\n\nWe keep data for 90 days.\n", { old: "a.md", new: "b.md" });
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({ kind: "modified", target: "paragraph", path: ["Policy"] });
    expect(result.changes[0].edits.filter((e) => e.op !== "equal").map((e) => e.text)).toEqual(["30", "90"]);
    expect(JSON.parse(renderJson(result)).changes[0].id).toBe(result.changes[0].id);
  });
});
