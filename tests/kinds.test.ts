import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./helpers/cli.js";

/**
 * Issue 17's scratch repository: a folder of legal pages of every kind and the repository's README. Each page misses
 * exactly one disclosure its own kind owes (the privacy policy none), so `check legal` must name that one and no
 * disclosure of another kind, and leave the README alone.
 */
const PRIVACY = `# Privacy Policy

Last updated: November 1, 2026

Acme Ltd, 1 Main Street, Dublin 2, is the controller of your personal data.

## Information we collect

We collect your name and email address when you sign up.

## How we use it

We use your email address to send you receipts.

## Sharing

We share payment details with our payment processor.

## How long we keep it

We keep your data for as long as your account is open, and delete it 30 days after you close it.

## Your rights and choices

You can access, correct or delete your data in your account settings.

## Security

We encrypt your data in transit and at rest.

## Children

The service is not directed to children under 13.

## Changes

We will email you before material changes to this policy take effect.

## Contact

Write to privacy@acme.example with any question.
`;

// Says nothing of the law that governs it.
const TERMS = `# Terms of Service

Last updated: November 1, 2026

These Terms govern your use of acme.example, run by Acme Ltd.

## Changes to these Terms

We may modify these Terms; we will email you 30 days before a material change takes effect.

## Ending the agreement

You may close your account at any time. We may suspend or terminate your account if you break these Terms.

## Limitation of liability

Acme shall not be liable for indirect or consequential losses.

## Contact

Questions about these Terms go to legal@acme.example.
`;

// Names no date.
const SUBPROCESSORS = `# Acme Subprocessors

We will notify you by email 30 days before we add or replace a subprocessor.

| Name of Subprocessor | Description of Processing | Location of Processing |
| --- | --- | --- |
| Amazon Web Services Inc | Cloud hosting | United States |
| Cloudflare | Content delivery service | United States |
`;

// Never says how long a cookie lasts.
const COOKIES = `# Cookie Policy

Last updated: November 1, 2026

## How we use cookies

We use cookies to keep you signed in and to count visits to our pages.

| Cookie Type | Purpose |
| --- | --- |
| Strictly Necessary Cookies | keep you signed in |
| Performance Cookies | count visits |

## Managing cookies

You can use your web browser settings to refuse or delete cookies.
`;

// Would owe every privacy disclosure if it were read as a policy.
const README = `# Acme legal pages

The policies published on acme.example. Edit them here and open a pull request.
`;

interface Result {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

describe("check on a folder of legal pages of every kind (issue 17)", () => {
  const dir = tempProject({
    "legal/privacy.md": PRIVACY,
    "legal/terms.md": TERMS,
    "legal/subprocessors.md": SUBPROCESSORS,
    "legal/cookies.md": COOKIES,
    "legal/README.md": README,
  });
  const run = runCli(["check", "legal", "--format", "json", "--today", "2026-11-25"], { cwd: dir });
  const results = JSON.parse(run.stdout) as Result[];
  // The sub-processor list's missing date is also last-updated's warning; this is about required-sections.
  const required = (r: Result) => r.messages.filter((m) => m.ruleId === "required-sections");
  const findings = Object.fromEntries(
    results.map((r) => [
      r.filePath.slice(dir.length + 1),
      required(r).map((m) => `${m.ruleId} ${m.message.replace(/ \(.*$/, "")}`),
    ]),
  );

  it("reports only what each kind owes: one missing disclosure of its own kind per page", () => {
    expect(run.stderr).toBe("");
    expect(findings).toEqual({
      "legal/cookies.md": ["required-sections missing: how long the cookies or trackers last"],
      "legal/privacy.md": [],
      "legal/subprocessors.md": ["required-sections missing: the date of the list"],
      "legal/terms.md": ["required-sections missing: the law that governs the terms"],
    });
    expect(run.code).toBe(1);
  });

  it("cites the law that asks each of them", () => {
    const messages = results.flatMap((r) => required(r).map((m) => m.message)).sort();
    expect(messages).toEqual([
      "missing: how long the cookies or trackers last (CJEU C-673/17 Planet49 para. 81)",
      "missing: the date of the list (when it was last updated) (GDPR Art. 28(2))",
      "missing: the law that governs the terms (Rome I Regulation (EC) No 593/2008 Art. 3, 6(2))",
    ]);
  });

  it("shows each page's kind and why in --print-config", () => {
    const kind = (file: string) => {
      const printed = JSON.parse(runCli(["check", "--print-config", file], { cwd: dir }).stdout) as {
        kind: string;
        kindReason: string;
      };
      return `${printed.kind}: ${printed.kindReason}`;
    };
    expect(kind("legal/terms.md")).toBe('terms: title "Terms of Service"');
    expect(kind("legal/subprocessors.md")).toBe('subprocessors: title "Acme Subprocessors"');
    expect(kind("legal/cookies.md")).toBe('cookies: title "Cookie Policy"');
    const presets = (
      JSON.parse(runCli(["check", "--print-config", "legal/terms.md"], { cwd: dir }).stdout) as {
        rules: Record<string, unknown>;
      }
    ).rules["required-sections"];
    expect(JSON.stringify(presets)).toContain('["recommended","terms","subprocessors","cookies"]');
  });
});
