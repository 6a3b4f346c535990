import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";

const SEED = path.join(FIXTURES, "seed/imagen-privacy-policy.md");
// The seed with a provider row added (Acme Analytics) and a new use of generations (training models licensed to others).
const EDITED = path.join(FIXTURES, "notice/imagen-privacy-policy-edited.md");

describe("policylint notice (the built binary)", () => {
  it("names the new provider and the new use of generations, by section, with the stated date and a link placeholder", () => {
    const run = runCli(["notice", SEED, EDITED]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("# Updates to our Privacy Policy");
    expect(run.stdout).toContain("The changes take effect on May 20, 2026.");
    expect(run.stdout).toContain("## Service Providers");
    expect(run.stdout).toContain(
      "We now share your information with Acme Analytics (session replay and product analytics); it receives: usage data, device information, IP address.",
    );
    expect(run.stdout).toContain("## How We Use Your Generations");
    expect(run.stdout).toContain(
      "We now also use your information to train new image-generation models that we license to other companies.",
    );
    expect(run.stdout).toContain("\\[LINK TO THE FULL POLICY\\]");
    // Only material changes: the date bump is not news to a reader.
    expect(run.stdout).not.toMatch(/April 29/);
  });

  it("--effective and --url fill the date and the link", () => {
    const run = runCli(["notice", SEED, EDITED, "--effective", "2026-06-01", "--url", "https://example.com/privacy"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("The changes take effect on June 1, 2026.");
    expect(run.stdout).toContain("at <https://example.com/privacy>.");
    expect(runCli(["notice", SEED, EDITED, "--effective", "1 June 2026"]).stdout).toContain(
      "take effect on 1 June 2026.",
    );
  });

  it("an impossible --effective date is a usage error, exit 2", () => {
    expect(runCli(["notice", SEED, EDITED, "--effective", "2026-02-30"])).toMatchObject({
      code: 2,
      stderr: "policylint: --effective: 2026-02-30 is not a real date\n",
    });
  });

  it("--format text is plain text", () => {
    const run = runCli(["notice", SEED, EDITED, "--format", "text", "--url", "https://example.com/privacy"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("Updates to our Privacy Policy");
    expect(run.stdout).toContain("Service Providers\n  - We now share your information with Acme Analytics");
    expect(run.stdout).toContain("at https://example.com/privacy.");
    expect(run.stdout).not.toMatch(/^#|\\\[/m);
  });

  it("--format html escapes policy text and the link", () => {
    const old =
      "# Privacy Policy\n\nLast updated: May 1, 2026\n\n## Service Providers\n\n| Provider | Purpose |\n|---|---|\n| Stripe | Payments |\n";
    // Markup in a cell is not text a reader sees; escaped angle brackets are.
    const now = old
      .replace("May 1", "June 1")
      .replace(
        "| Stripe | Payments |\n",
        '| Evil \\<Labs\\> & "Sons" | Ads <script>alert(1)</script> |\n| Stripe | Payments |\n',
      );
    const dir = tempProject({ "old.md": old, "new.md": now });
    const run = runCli(["notice", "old.md", "new.md", "--format", "html", "--url", "https://example.com/p?a=1&b=<2>"], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("<h1>Updates to our Privacy Policy</h1>");
    expect(run.stdout).toContain("<h2>Service Providers</h2>");
    expect(run.stdout).toContain(
      "We now share your information with Evil &lt;Labs&gt; &amp; &quot;Sons&quot; (ads alert(1)).",
    );
    expect(run.stdout).toContain('<a href="https://example.com/p?a=1&amp;b=&lt;2&gt;">');
    expect(run.stdout).not.toContain("<script>");
  });

  it("says there is no material change, exit 0, for identical or editorial-only versions", () => {
    for (const format of ["markdown", "text"]) {
      const run = runCli(["notice", SEED, SEED, "--format", format]);
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).toMatch(
        /^There are no material changes between .+, so no notice of material changes is needed\.\n$/,
      );
    }
    const dir = tempProject({
      "a.md": "# Privacy Policy\n\nWe share data with our payment procesor.\n",
      "b.md": "# Privacy Policy\n\nWe share data with our payment processor.\n",
    });
    expect(runCli(["notice", "a.md", "b.md", "--format", "html"], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^<p>There are no material changes/),
    });
  });

  it("without a stated date or --effective, says [EFFECTIVE DATE] and warns", () => {
    const dir = tempProject({
      "a.md": "# Terms\n\n## Fees\n\nThe service is free.\n",
      "b.md": "# Terms\n\n## Fees\n\nThe service is free.\n\nAny dispute will be settled by binding arbitration.\n",
    });
    const run = runCli(["notice", "a.md", "b.md", "--format", "text"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("take effect on [EFFECTIVE DATE].");
    expect(run.stderr).toBe(
      "policylint: warning: b.md states no effective date and --effective was not given; the notice says [EFFECTIVE DATE]\n",
    );
  });

  it("a missing file is a usage error, exit 2", () => {
    expect(runCli(["notice", "nope.md", SEED])).toMatchObject({
      code: 2,
      stderr: "policylint: nope.md: no such file or directory\n",
    });
  });
});
