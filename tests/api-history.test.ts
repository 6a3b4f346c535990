import { describe, expect, it } from "vitest";
import { diff, history, renderHtml } from "../src/index.js";
import { DEFAULT_MAX_FILE_MB, setMaxFileSize } from "../src/engine/files.js";
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

  // Versions are read in batches of 8, then 64, each read while the one before is compared.
  it("reads a history longer than its batches, every version in order", async () => {
    const texts = Array.from({ length: 75 }, (_, i) => `# Privacy\n\nWe keep data for ${i + 1} days.\n`);
    const { dir, file } = versionsRepo(texts.map((text) => ({ text })));
    const { versions } = await history(file, { cwd: dir });
    expect(versions.map((v) => v.subject).reverse()).toEqual(texts.map((_, i) => `version ${i + 1}`));
    expect(versions.filter((v) => v.summary?.material === 1)).toHaveLength(74);
  });

  it("a version git cannot give, or one beyond a limit, is one error naming it, read ahead or not", async () => {
    const small = Array.from({ length: 11 }, (_, i) => ({ text: `# Privacy\n\nVersion ${i + 1}.\n` }));
    const big = { text: "x".repeat(2 * 1024 * 1024) };
    const deep = { text: `# Privacy\n\n${">".repeat(200)} too deep\n` };
    setMaxFileSize(1);
    try {
      // The twelfth version is in the second batch, read while the first eight are compared.
      const late = versionsRepo([...small, big]);
      await expect(history(late.file, { cwd: late.dir })).rejects.toThrow(/^[0-9a-f]{7}:policy\.md: larger than 1 MB/);
      // The third is nested beyond the limit while the second batch, which git refuses, is read ahead.
      const early = versionsRepo([...small.slice(0, 2), deep, ...small.slice(3), big]);
      await expect(history(early.file, { cwd: early.dir })).rejects.toThrow(/nested deeper than 100 levels/);
      // The read ahead is refused after that, while the limit still stands: its failure must not go unhandled.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      setMaxFileSize(DEFAULT_MAX_FILE_MB);
    }
  });

  it("lists a version that is no text policy, and compares the next with the last one read", async () => {
    const { dir, file } = versionsRepo([
      { text: V1 },
      { text: "# Privacy\n\u0000\n" },
      { text: Buffer.from([0xff, 0xfe, 0x41]).toString("latin1") },
      { text: V2 },
    ]);
    const versions = (await history(file, { cwd: dir })).versions.reverse();
    expect(versions.map((v) => v.unreadable ?? null)).toEqual([
      null,
      "binary file (it contains NUL bytes), not a text policy",
      null,
      null,
    ]);
    // Latin-1 written as UTF-8 is text; the NUL version is skipped as a base: version 3 is compared with version 1.
    expect(versions[2].against).toBe(versions[0].commit);
    expect(versions[3].against).toBeUndefined();
    expect(versions[3].summary?.material).toBe(1);
  });
});
