import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config/load.js";
import { renderRuleDoc } from "../src/docs/rule-docs.js";
import { lintWithSettings } from "../src/engine/lint.js";
import type { LintMessage } from "../src/engine/types.js";
import { compilePattern, disclosureList, disclosureListNames, requiredSections } from "../rules/required-sections.js";
import { FIXTURES, ROOT, lintWith } from "./helpers/fixtures.js";

const SEED = path.join(FIXTURES, "seed/imagen-privacy-policy.md");
const seed = readFileSync(SEED, "utf8");

const run = (text: string, options?: Record<string, unknown>) =>
  lintWith(text, { "required-sections": options ? ["error", options] : "error" }, "2026-11-25", "policy.md");

/** "list/id" of each finding, read back from the name it reports (a shared id is named by the last list that has it). */
function missingIds(messages: LintMessage[], lists: string[]): string[] {
  const all = ["recommended", ...lists];
  return messages
    .map((m) => {
      for (const list of [...all].reverse()) {
        const d = disclosureList(list).disclosures.find((d) => m.message.startsWith(`missing: ${d.name} (`));
        if (d) return `${list}/${d.id}`;
      }
      return `? ${m.message}`;
    })
    .sort();
}

describe("required-sections on the seed draft", () => {
  // Recommended: everything the draft announces it has a section for, except these two, which are only placeholders.
  const SEED_RECOMMENDED = [
    // "[YOUR LEGAL ENTITY NAME] ("IMAGEN," …)": IMAGEN is the service's brand, the legal entity is a blank.
    "recommended/controller-identity",
    // Every address in it is a blank: "[email protected]" (five times), "[YOUR LEGAL ENTITY NAME], [YOUR ADDRESS]".
    "recommended/contact",
  ];

  it("recommended: only who is responsible and how to reach them", () => {
    const messages = run(seed);
    expect(missingIds(messages, [])).toEqual([...SEED_RECOMMENDED].sort());
    // One place for all of them: the document's first heading.
    expect(messages.every((m) => m.line === 1 && m.column === 1)).toBe(true);
  });

  it("gdpr: the legal bases, the complaint and each right of Art. 13(2)(b)", () => {
    const messages = run(seed, { disclosures: ["recommended", "gdpr"] });
    expect(missingIds(messages, ["gdpr"])).toEqual(
      [
        // One finding for the placeholder controller, named as GDPR names it.
        "gdpr/controller-identity",
        "recommended/contact",
        // Named only in "[LAWYER] EU/UK users — confirm legal bases under GDPR Art. 6 for each use case."
        "gdpr/legal-basis",
        // §11 takes "complaints" itself; no supervisory authority is named anywhere.
        "gdpr/complaint",
        // §7.1 "You may:" and §7.2 "you have the right to:" lost their lists: no right is named.
        "gdpr/right-of-access",
        "gdpr/right-to-correct",
        "gdpr/right-to-delete",
        "gdpr/right-to-restriction",
        "gdpr/right-to-object",
        "gdpr/right-to-portability",
      ].sort(),
    );
    // Present: purposes (§2), recipients (§3), transfers with SCCs (§4), retention (§6). Silent because their condition
    // is not met: no DPO, no legitimate interests, no reliance on consent, no profiling, and the EU representative
    // (Art. 27) appears only inside the closing [LAWYER] note.
  });

  it("ccpa: the California-specific disclosures", () => {
    const messages = run(seed, { disclosures: ["recommended", "ccpa"] });
    expect(missingIds(messages, ["ccpa"])).toEqual(
      [
        "recommended/controller-identity",
        "recommended/contact",
        // §1 says what is not bought, never which categories were collected, from where, or to whom they went.
        "ccpa/categories-collected",
        "ccpa/sources",
        "ccpa/categories-disclosed",
        // §7.3 "You have the right to:" lost its list.
        "ccpa/right-to-know",
        "ccpa/right-to-delete",
        "ccpa/right-to-correct",
        "ccpa/non-discrimination",
        // "To exercise these rights, email [email protected]": the only method given has lost its address.
        "ccpa/how-to-request",
        "ccpa/authorized-agent",
      ].sort(),
    );
    // Present: purposes (§2), "We do not sell personal information." (sold/shared and opt-out), retention (§6), and
    // "Last updated: April 29, 2026". Sensitive personal information is never mentioned, so the right to limit is silent.
  });
});

describe("required-sections options and combination", () => {
  it("reports a disclosure several lists require once, naming every source", () => {
    const messages = run(seed, { disclosures: ["recommended", "gdpr", "ccpa", "us-states"] });
    const deletion = messages.filter((m) => /right to (?:delete|erasure)/.test(m.message));
    expect(deletion).toHaveLength(1);
    expect(deletion[0].message).toBe(
      "missing: the right to delete (GDPR Art. 13(2)(b), 14(2)(c); CCPA Civ. Code § 1798.105; " +
        "US state laws VA § 59.1-578(C); CO § 6-1-1308(1); CT § 42-520(c); UT § 13-61-302; TX § 541.102; OR § 646A.578)",
    );
  });

  it("a law preset alone checks its own list; combined presets add their lists up", () => {
    const alone = resolveConfig({ extends: "policylint:gdpr" }, null, ROOT);
    expect(alone.rules.get("required-sections")?.options.disclosures).toEqual(["gdpr"]);
    const combined = resolveConfig(
      { extends: ["policylint:recommended", "policylint:gdpr", "policylint:ccpa"] },
      null,
      ROOT,
    );
    expect(combined.rules.get("required-sections")?.options.disclosures).toEqual([
      "recommended",
      "terms",
      "subprocessors",
      "cookies",
      "gdpr",
      "ccpa",
    ]);
    // Switched on with no list at all, the rule checks the recommended list.
    expect(run(seed).length).toBeGreaterThan(0);
  });

  it("ignores a disclosure by id in every list, or by list/id in one", () => {
    const all = run(seed, { disclosures: ["recommended", "gdpr", "ccpa"] }).map((m) => m.message);
    expect(all.some((m) => m.startsWith("missing: the right to delete"))).toBe(true);
    const byId = run(seed, { disclosures: ["recommended", "gdpr", "ccpa"], ignore: ["right-to-delete"] }).map(
      (m) => m.message,
    );
    expect(byId.some((m) => /right to (?:delete|erasure)/.test(m))).toBe(false);
    const byList = run(seed, { disclosures: ["recommended", "gdpr", "ccpa"], ignore: ["ccpa/right-to-delete"] }).map(
      (m) => m.message,
    );
    expect(byList).toContain("missing: the right to erasure (GDPR Art. 13(2)(b), 14(2)(c))");
  });

  it("a `require` entry with a built-in id adds its requirement to that disclosure", () => {
    const strict = {
      id: "retention",
      name: "retention period in days",
      law: "Acme policy",
      source: "PP-2",
      body: ["\\bretain\\b[^.]*\\b\\d+ days\\b"],
    };
    const messages = run(seed, { require: [strict] }).map((m) => m.message);
    // The seed's "as long as your account is active" satisfies the built-in wording but not the house rule.
    expect(messages).toContain("missing: retention period in days (Acme policy PP-2)");
  });

  it("an unknown list is a configuration error", () => {
    expect(() =>
      resolveConfig({ rules: { "required-sections": ["error", { disclosures: ["gpdr"] }] } }, "c.json", ROOT),
    ).toThrow('c.json: rules.required-sections.disclosures: unknown value "gpdr"');
  });

  it("still reads `presets`, the option's former name, as `disclosures`, merged with the presets' lists", () => {
    const config = resolveConfig(
      { extends: "policylint:gdpr", rules: { "required-sections": ["error", { presets: ["ccpa"] }] } },
      "c.json",
      ROOT,
    );
    expect(config.rules.get("required-sections")?.options).toMatchObject({ disclosures: ["gdpr", "ccpa"] });
    expect(config.rules.get("required-sections")?.options).not.toHaveProperty("presets");
    const both = { rules: { "required-sections": ["error", { presets: ["ccpa"], disclosures: ["gdpr"] }] } };
    expect(() => resolveConfig(both, "c.json", ROOT)).toThrow(
      'c.json: rules.required-sections.presets: the former name of "disclosures", which is given too: keep "disclosures" only',
    );
    expect(renderRuleDoc(requiredSections)).toContain("Formerly `presets`, still accepted (deprecated).");
  });

  it("refuses a malformed disclosure when the configuration loads, naming it", () => {
    const load = (disclosure: Record<string, unknown>) => () =>
      resolveConfig(
        {
          rules: { "required-sections": ["error", { require: [{ id: "ok", name: "ok", body: ["ok"] }, disclosure] }] },
        },
        "cfg.json",
        ROOT,
      );
    expect(load({ id: "x", body: ["ok"] })).toThrow(
      'cfg.json: rules.required-sections.require[1]: disclosure "x" needs a name',
    );
    expect(load({ id: "z", name: "z" })).toThrow(
      'cfg.json: rules.required-sections.require[1]: disclosure "z" needs heading or body patterns',
    );
    expect(load({ id: "y", name: "y", body: ["ok", "(unclosed"] })).toThrow(
      /^cfg\.json: rules\.required-sections\.require\[1\]\.body\[1\]: Invalid regular expression/,
    );
  });

  it("still reports a malformed disclosure given to the rule directly (the library API), instead of failing", () => {
    const rules = new Map([
      [
        "required-sections",
        {
          severity: "error" as const,
          options: {
            disclosures: [],
            require: [
              { id: "x", body: ["ok"] },
              { id: "y", name: "y", body: ["(unclosed"] },
            ],
            ignore: ["recommended"],
          },
        },
      ],
    ]);
    const messages = lintWithSettings("# Policy\n\nText.\n", "policy.md", { rules, today: "2026-11-25" }).messages.map(
      (m) => m.message,
    );
    expect(messages).toEqual([
      'invalid disclosure in "require": disclosure "x" needs a name',
      expect.stringMatching(/^invalid disclosure in "require": Invalid regular expression/),
    ]);
  });

  it("lists every disclosure list in the disclosures option, which `policylint rules` prints", () => {
    const names = ["recommended", "ccpa", "cookies", "coppa", "gdpr", "subprocessors", "terms", "us-states"];
    expect(disclosureListNames()).toEqual(names);
    expect(requiredSections.meta.options.disclosures.description).toContain(names.join(", "));
  });
});

describe("required-sections by document kind", () => {
  const lint = (text: string, file: string, config: object = { extends: "policylint:recommended" }) =>
    lintWithSettings(text, file, { rules: resolveConfig(config, null, ROOT).rules, today: "2026-11-25" })
      .messages.filter((m) => m.ruleId === "required-sections")
      .map((m) => m.message);

  it("each list declares the kind it applies to; the law lists are for privacy policies", () => {
    const kinds = Object.fromEntries(disclosureListNames().map((n) => [n, disclosureList(n).kind ?? "privacy"]));
    expect(kinds).toEqual({
      recommended: "privacy",
      ccpa: "privacy",
      coppa: "privacy",
      cookies: "cookies",
      gdpr: "privacy",
      subprocessors: "subprocessors",
      terms: "terms",
      "us-states": "privacy",
    });
  });

  it("policylint:recommended holds terms to the terms list only, and a privacy policy to none of it", () => {
    const terms = lint("# Terms of Service\n\nThese Terms govern your use of Acme.\n", "legal/terms.md");
    expect(terms.map((m) => m.replace(/ \(.*$/, "")).sort()).toEqual([
      "missing: how changes to the terms are made and announced",
      "missing: how the contract or the account can be ended or suspended",
      "missing: how to contact the provider",
      "missing: the law that governs the terms",
      "missing: the limits on the provider's liability",
    ]);
    // The same text declared a privacy policy owes the privacy list and nothing of the terms list.
    const privacy = lint("---\npolicylint:\n  kind: privacy\n---\n# Terms of Service\n\nText.\n", "legal/terms.md");
    expect(privacy.some((m) => m.startsWith("missing: the law that governs the terms"))).toBe(false);
    expect(privacy.some((m) => m.startsWith("missing: what personal data is collected"))).toBe(true);
  });

  it("dispute resolution is owed only by terms that speak of disputes or arbitration", () => {
    const quiet = lint("# Terms of Service\n\nThese Terms govern your use of Acme.\n", "terms.md");
    expect(quiet.some((m) => m.startsWith("missing: how disputes are resolved"))).toBe(false);
    const arbitration = lint("# Terms of Service\n\nAny claim goes to arbitration.\n", "terms.md");
    expect(arbitration.some((m) => m.startsWith("missing: how disputes are resolved"))).toBe(true);
    const settled = lint(
      "# Terms of Service\n\n## Arbitration\n\nAny claim goes to binding arbitration in Dublin.\n",
      "terms.md",
    );
    expect(settled.some((m) => m.startsWith("missing: how disputes are resolved"))).toBe(false);
  });

  it("a kind preset alone checks its own kind and leaves privacy policies alone", () => {
    for (const kind of ["terms", "subprocessors", "cookies"]) {
      const config = resolveConfig({ extends: `policylint:${kind}` }, null, ROOT);
      expect(config.rules.get("required-sections")?.options.disclosures, kind).toEqual([kind]);
      expect(lint("# Privacy Policy\n\nText.\n", "privacy.md", { extends: `policylint:${kind}` }), kind).toEqual([]);
    }
    expect(lint("# Cookie Policy\n\nText.\n", "cookies.md", { extends: "policylint:cookies" })).toHaveLength(4);
    expect(lint("# Cookie Policy\n\nText.\n", "cookies.md", { extends: "policylint:terms" })).toEqual([]);
  });
});

describe("disclosure lists (rules/data/disclosures)", () => {
  const docs = readFileSync(path.join(ROOT, "docs/presets.md"), "utf8");

  for (const name of disclosureListNames()) {
    it(`${name}: well-formed, every pattern compiles, documented in docs/presets.md`, () => {
      const list = disclosureList(name);
      expect(list.name).toBe(`policylint:${name}`);
      const ids = list.disclosures.map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const d of list.disclosures) {
        expect(d.id, d.id).toMatch(/^[a-z0-9-]+$/);
        expect(d.law && d.source, d.id).toBeTruthy();
        expect((d.headings?.length ?? 0) + (d.body?.length ?? 0), d.id).toBeGreaterThan(0);
        // A condition is data, and so is the sentence that explains it.
        expect(Boolean(d.requiredWhen?.length), d.id).toBe(Boolean(d.when));
        for (const p of [...(d.headings ?? []), ...(d.body ?? []), ...(d.requiredWhen ?? [])])
          expect(() => compilePattern(p)).not.toThrow();
        expect(docs, `${name}/${d.id}`).toContain(`| \`${d.id}\` | ${d.name} | ${d.law} ${d.source} |`);
      }
      expect(docs).toContain(`## \`${list.name}\``);
    });
  }
});
