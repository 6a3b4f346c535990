import { describe, expect, it } from "vitest";
import { diff, history, renderHtml } from "../src/index.js";
import { versionsRepo } from "./helpers/history.js";

const V1 = "# Privacy\n\nLast updated: May 1, 2026\n\nWe share data with Stripe.\n";
const V2 = "# Privacy\n\nLast updated: May 1, 2026\n\nWe share data with Stripe and Acme Ads.\n";

describe("library API: renderHtml and history", () => {
  it("renderHtml(result, texts) is the redline page of `diff --format html`", () => {
    const page = renderHtml(diff(V1, V2, { old: "v1.md", new: "v2.md" }), { old: V1, new: V2 });
    expect(page).toContain("<title>Redline: v1.md → v2.md</title>");
    expect(page).toContain("We share data with Stripe<ins> and Acme Ads</ins>.");
  });

  it("history(file, { cwd }) lists the versions newest first with their counts", async () => {
    const { dir, file } = versionsRepo([{ text: V1 }, { text: V2 }]);
    const { versions } = await history(file, { cwd: dir });
    expect(versions.map((v) => v.subject)).toEqual(["version 2", "version 1"]);
    expect(versions[0].summary).toEqual({ material: 1, substantive: 0, editorial: 0 });
    expect(versions[0].problems.map((p) => p.code)).toEqual(["date-not-bumped"]);
  });
});
