import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/fixtures.js";
import { scratchRepo } from "./helpers/git.js";

// The README's "Library API" example, run as it stands against the built package in a scratch repository: a
// promise of the README that a changed API would otherwise break in silence.
describe("the README's library example", () => {
  it("runs as written and prints what its comments say", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Library API"));
    const block = /```js\n([^]*?)```/.exec(section)![1];
    const v1 =
      "# Privacy Policy\n\nLast updated: March 1, 2026\n\n## Sharing\n\nWe share data with Postmark to send e-mail.\n";
    const v2 = v1.replace("with Postmark", "with Postmark and Acme Analytics").replace("March 1", "April 2");
    const { dir, git } = scratchRepo({ "legal/privacy-v1.md": v1, "legal/privacy.md": v1, "example.mjs": block });
    // The package as a user's project resolves it, with no install.
    mkdirSync(path.join(dir, "node_modules"));
    symlinkSync(ROOT, path.join(dir, "node_modules/policylint"), "dir");
    git("add", "legal/privacy.md");
    git("commit", "-qm", "v1");
    git("tag", "v1.2");
    writeFileSync(path.join(dir, "legal/privacy.md"), v2);
    git("commit", "-qam", "v2");

    const out = execFileSync(process.execPath, ["example.mjs"], { cwd: dir, encoding: "utf8" }).split("\n");
    // lintText's finding, as the comment says.
    expect(out).toContain('Unresolved placeholder "[YOUR COMPANY]"');
    expect(out.some((line) => line.startsWith("material modified"))).toBe(true);
    expect(out.join("\n")).toContain("Acme Analytics");
    // One version since v1.2, and a redline page.
    expect(out).toContain("1 true");
  });
});
