import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatters, lint, lintText, loadConfig, resolveConfig } from "../src/index.js";
import { runCli, tempProject } from "./helpers/cli.js";
import { FIXTURES, ROOT } from "./helpers/fixtures.js";

describe("library API", () => {
  it("lint() gives the CLI's results for files, with the discovered config", async () => {
    const results = await lint([path.join(FIXTURES, "seed/imagen-privacy-policy.md")], {
      cwd: ROOT,
      today: "2026-11-25",
    });
    expect(results).toHaveLength(1);
    const text = formatters.json(results, { cwd: ROOT, rules: [], color: false, version: "" });
    expect(JSON.parse(text)[0].messages.length).toBe(results[0].messages.length);
    expect(results[0].messages.some((m) => m.message.includes("[YOUR LEGAL ENTITY NAME]"))).toBe(true);
  });

  it("lintText() applies the config's overrides for the named file", async () => {
    const dir = tempProject({
      ".policylintrc.json": JSON.stringify({
        rules: { "no-placeholders": "error" },
        overrides: [{ files: "drafts/**", rules: { "no-placeholders": "off" } }],
      }),
    });
    const config = await loadConfig({ cwd: dir });
    const live = await lintText("We are [YOUR COMPANY].\n", { cwd: dir, config, filePath: "live/p.md" });
    const draft = await lintText("We are [YOUR COMPANY].\n", { cwd: dir, config, filePath: "drafts/p.md" });
    expect([live.errorCount, draft.errorCount]).toEqual([1, 0]);
  });

  it("resolveConfig() validates like the CLI", () => {
    expect(() => resolveConfig({ rules: { nope: "error" } }, "x.json", ROOT)).toThrow(
      'x.json: rules.nope: unknown rule "nope"',
    );
  });
});

describe("library API: diff", () => {
  const OLD = "# Policy\n\nWe keep data for 30 days.\n";
  const NEW = "# Policy\n\nWe keep data for 90 days.\n";

  it("diff() gives the classified changes `policylint diff --format json` prints", async () => {
    const { diff, renderJson } = await import("../src/index.js");
    const result = diff(OLD, NEW, { old: "a.md", new: "b.md" });
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({
      kind: "modified",
      target: "paragraph",
      path: ["Policy"],
      significance: "material",
    });
    expect(result.changes[0].reasons.map((r) => r.code)).toContain("retention-extended");
    expect([result.material, result.summary]).toEqual([true, { material: 1, substantive: 0, editorial: 0 }]);
    const cli = runCli(["diff", "a.md", "b.md", "--format", "json"], {
      cwd: tempProject({ "a.md": OLD, "b.md": NEW }),
    });
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(renderJson(result)));
  });

  it("diffTexts() keeps the unclassified diff under its own name", async () => {
    const { diffTexts } = await import("../src/index.js");
    const result = diffTexts(OLD, NEW, { old: "a.md", new: "b.md" });
    expect(result.changes[0].edits.filter((e) => e.op !== "equal").map((e) => e.text)).toEqual(["30", "90"]);
    expect(result.changes[0].significance).toBeUndefined();
  });

  it("compare(), classify() and notice() give the steps and the notice draft as the CLI does", async () => {
    const { compare, classify, diffTexts, notice } = await import("../src/index.js");
    const compared = compare(OLD, NEW, "a.md", "b.md");
    expect(compared.title).toBe("Policy");
    expect(classify(diffTexts(OLD, NEW)).result.summary).toEqual(compared.result.summary);
    const cli = runCli(["notice", "a.md", "b.md", "--url", "https://example.com/p"], {
      cwd: tempProject({ "a.md": OLD, "b.md": NEW }),
    });
    expect(notice(compared, { url: "https://example.com/p" })).toBe(cli.stdout);
    expect(notice(compared, { effective: "June 1, 2026" })).toContain("June 1, 2026");
  });
});
