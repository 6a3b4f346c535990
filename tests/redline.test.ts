import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { diffTexts, renderHtml } from "../src/diff/index.js";
import { runCli, tempProject } from "./helpers/cli.js";
import { seedPair } from "./helpers/redline.js";

const OLD = "# Terms\n\nLast updated: May 1, 2026\n\nFees < 5 & more are due monthly.\n";
const NEW =
  "# Terms\n\nLast updated: May 1, 2026\n\nFees < 5 & more are due <b>weekly</b>.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))\n";

describe("renderHtml", () => {
  it("is one self-contained page: a CSP that forbids every request and allows only its own script, by hash", () => {
    const html = renderHtml(diffTexts(OLD, NEW), { old: OLD, new: NEW });
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "").replaceAll(
      "&#x27;",
      "'",
    );
    expect(csp).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[^']+'/);
    const scripts = [...html.matchAll(/<script>([^]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(csp).toContain(`'sha256-${createHash("sha256").update(scripts[0]).digest("base64")}'`);
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=/);
  });

  it("escapes the policy's words and drops its script and javascript: links", () => {
    const html = renderHtml(diffTexts(OLD, NEW), { old: OLD, new: NEW });
    expect(html).toContain("Fees &#x3C; 5 &#x26; more are due ");
    // The diff reads the script's text as words; they are shown as text, never as a script.
    expect(html).not.toContain("<script>alert");
    expect(html).not.toMatch(/javascript:/i);
  });

  it("is the same bytes every time", () => {
    const pair = seedPair();
    const render = () => renderHtml(diffTexts(pair.old, pair.new), pair);
    expect(render()).toBe(render());
  });

  it("places every change of the seed pair in the text, none apart", () => {
    const pair = seedPair();
    const result = diffTexts(pair.old, pair.new);
    const html = renderHtml(result, pair);
    expect(result.changes).toHaveLength(4);
    expect(html).not.toContain('class="apart"');
    result.changes.forEach((c, i) => expect(html).toContain(`id="change-${i + 1}" data-change="${c.id}"`));
  });

  it("from the result alone (the JSON contract), lists every change with its words", () => {
    const result = diffTexts(OLD, NEW);
    const html = renderHtml(result);
    expect(html).toContain('class="apart"');
    result.changes.forEach((c, i) => expect(html).toContain(`id="change-${i + 1}" data-change="${c.id}"`));
    expect(html).toContain("<del>monthly</del>");
  });
});

describe("policylint diff --format html", () => {
  it("refuses --against in one line, exit 2 (a page shows one pair)", () => {
    const dir = tempProject({ "a.md": OLD });
    const run = runCli(["diff", "--against", "HEAD", "a.md", "--format", "html"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("policylint: --format html shows one pair: give OLD and NEW, not --against\n");
  });

  it("writes the page with -o", () => {
    const dir = tempProject({ "a.md": OLD, "b.md": NEW });
    const run = runCli(["diff", "a.md", "b.md", "--format", "html"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(run.stdout).toContain("<title>Redline: a.md → b.md</title>");
  });
});
