import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classify, CODES, firstPartyOf, type DiffSettings } from "../src/classify/index.js";
import { explainEditorial } from "../src/classify/editorial.js";
import { build, knowledgeFor } from "../src/classify/knowledge.js";
import { diffDocuments, diffTexts } from "../src/diff/index.js";
import { parseDocument } from "../src/parse/document.js";
import { phraseReasons } from "../src/classify/phrases.js";
import { wholeDeltas } from "../src/classify/sentences.js";
import { FIXTURES } from "./helpers/fixtures.js";

/**
 * A classification fixture is its own test: fixtures/classify/<case>/old.md and new.md, and expected.json with a
 * one-line `why`, the changes in order (`significance`, the reason `codes`, and optionally a `message` one of the
 * reasons must quote), and optionally `material`, `problems` (codes) and `config` (the `diff` settings to use).
 */
interface Expected {
  why: string;
  material?: boolean;
  changes: { significance: string; reasons: string[]; message?: string }[];
  problems?: string[];
  config?: DiffSettings;
}

const DIR = path.join(FIXTURES, "classify");
const cases = readdirSync(DIR).sort();

function run(name: string) {
  const read = (file: string) => readFileSync(path.join(DIR, name, file), "utf8");
  const expected = JSON.parse(read("expected.json")) as Expected;
  const oldDoc = parseDocument(read("old.md"), "old.md");
  const newDoc = parseDocument(read("new.md"), "new.md");
  const result = diffDocuments(oldDoc, newDoc);
  return {
    expected,
    ...classify(result, {
      settings: expected.config,
      firstParty: firstPartyOf(newDoc),
      documents: { old: oldDoc, new: newDoc },
    }),
  };
}

describe("classification fixtures (fixtures/classify/<case>)", () => {
  it("cover every reason code, every editorial kind and the four traps", () => {
    const codes = new Set(cases.flatMap((name) => run(name).expected.changes.flatMap((c) => c.reasons)));
    const uncovered = Object.keys(CODES).filter((code) => !codes.has(code));
    expect(uncovered).toEqual([]);
    expect(cases).toEqual(
      expect.arrayContaining([
        "typo-in-sharing-sentence",
        "modal-weakened",
        "recipient-removed",
        "retention-shortened",
        "retention-extended",
        "renumbered",
        "markup",
      ]),
    );
  });

  for (const name of cases) {
    it(`${name}`, () => {
      const { expected, result } = run(name);
      const actual = result.changes.map((c) => ({
        significance: c.significance,
        reasons: [...new Set(c.reasons.map((r) => r.code))].sort(),
      }));
      expect(actual, expected.why).toEqual(
        expected.changes.map((c) => ({ significance: c.significance, reasons: [...c.reasons].sort() })),
      );
      expected.changes.forEach((c, i) => {
        if (c.message)
          expect(
            result.changes[i].reasons
              .map((r) => r.message)
              .join("\n")
              .toLowerCase(),
            expected.why,
          ).toContain(c.message.toLowerCase());
      });
      if (expected.material !== undefined) expect(result.material, expected.why).toBe(expected.material);
      if (expected.problems) expect(result.problems.map((p) => p.code)).toEqual(expected.problems);
    });
  }
});

describe("the classified result", () => {
  it("gives every change a significance and every non-editorial change at least one reason quoting its words", () => {
    for (const name of cases) {
      const { result } = run(name);
      for (const change of result.changes) {
        expect(["material", "substantive", "editorial"]).toContain(change.significance);
        expect(change.reasons.length, `${name} ${change.id}`).toBeGreaterThan(0);
        for (const r of change.reasons) expect(CODES[r.code], r.code).toBeDefined();
        if (change.significance !== "editorial") expect(change.reasons.some((r) => /“.+”/.test(r.message))).toBe(true);
      }
    }
  });

  it("counts each significance and is material when one change is", () => {
    const { result } = run("date-bumped-with-change");
    expect(result.summary).toEqual({ material: 1, substantive: 0, editorial: 1 });
    expect(result.material).toBe(true);
    expect(Object.keys(result)).toEqual(["old", "new", "changes", "material", "summary", "problems"]);
  });

  it("reports no changes as editorial and not material", () => {
    const text = readFileSync(path.join(DIR, "moved", "old.md"), "utf8");
    const { result } = classify(diffTexts(text, text));
    expect(result).toMatchObject({
      material: false,
      summary: { material: 0, substantive: 0, editorial: 0 },
      problems: [],
    });
  });

  it("states a missing date as the reason the date was not bumped", () => {
    const { result } = classify(diffTexts("# P\n\nWe keep logs for 30 days.\n", "# P\n\nWe keep logs for 90 days.\n"));
    expect(result.problems).toEqual([
      { code: "date-not-bumped", severity: "warning", message: expect.stringContaining("states no") },
    ]);
  });
});

describe("configuration extends the knowledge", () => {
  it("diff.equivalents makes a product rename editorial (Polldaddy became Crowdsignal)", () => {
    const before = "# Privacy\n\n## Content\n\nYou may provide information in your Polldaddy survey.\n";
    const after = before.replace("Polldaddy", "Crowdsignal");
    expect(classify(diffTexts(before, after)).result.changes[0].significance).toBe("substantive");
    const settings = { equivalents: [["Polldaddy", "Crowdsignal"]] };
    expect(classify(diffTexts(before, after), { settings }).result.changes[0]).toMatchObject({
      significance: "editorial",
      reasons: [{ code: "spelling-variant" }],
    });
  });

  it("diff.recipientColumns names recipients in a table whose header the data does not know", () => {
    const before = "# Privacy\n\n## Who gets data\n\n| Organisation | Why |\n|---|---|\n| Stripe | Payments |\n";
    const after = `${before}| Acme | Analytics |\n`;
    const plain = classify(diffTexts(before, after)).result.changes[0];
    expect(plain.reasons.map((r) => r.code)).not.toContain("new-recipient");
    const configured = classify(diffTexts(before, after), { settings: { recipientColumns: ["organisation"] } }).result
      .changes[0];
    expect(configured).toMatchObject({
      significance: "material",
      reasons: [{ code: "new-recipient", message: expect.stringContaining("Acme") }],
    });
  });

  it("the policy owner's own rows are not new recipients (diff.firstParty, or the title)", () => {
    const before =
      "# Acme Cookies\n\n| Provider of Cookie | Cookie Name | Description |\n|---|---|---|\n| Acme | session | Keeps you signed in |\n";
    const after = `${before}| Acme | csrf_token | Protects forms from forgery |\n`;
    const newDoc = parseDocument(after);
    const { result } = classify(diffDocuments(parseDocument(before), newDoc), { firstParty: firstPartyOf(newDoc) });
    expect(result.changes[0].reasons.map((r) => r.code)).toEqual(["new-data-category"]);
  });
});

describe("editorial judgements", () => {
  const k = knowledgeFor();
  it.each([
    ["organisation", "organization", ["spelling-variant"]],
    ["anonymise", "anonymize", ["spelling-variant"]],
    ["our processors", "our procesors", ["typo"]],
    ["make the web a betterchange place", "make the web a better place", ["typo"]],
    ["Changes & questions", "Changes and questions", ["spelling-variant"]],
    ["we can not", "we cannot", ["spelling-variant"]],
  ])("%s → %s is editorial", (a, b, kinds) => {
    expect(explainEditorial(a, b, k)).toEqual(kinds);
  });

  it.each([
    ["we do not sell", "we do now sell"],
    ["we keep logs for a year", "we keep logs for years"],
    ["1.5 years", "15 years"],
    ["transfer on WordPress.com", "transfer to WordPress.com"],
    ["lawful", "unlawful"],
  ])("%s → %s is not", (a, b) => {
    expect(explainEditorial(a, b, k)).toBeNull();
  });
});

describe("the knowledge file", () => {
  it("names every OPP-115 category's headings and the columns of recipient tables", () => {
    const data = JSON.parse(readFileSync(path.join(FIXTURES, "../data/materiality.json"), "utf8"));
    for (const category of [
      "collection",
      "use",
      "sharing",
      "retention",
      "rights",
      "choices",
      "security",
      "children",
      "transfers",
      "tracking",
      "changes",
      "contact",
    ]) {
      expect(data.sections[category].length, category).toBeGreaterThan(0);
    }
    expect(existsSync(path.join(FIXTURES, "../data/materiality.json"))).toBe(true);
    expect(data.columns.recipient).toContain("provider*");
    expect(data.equivalents).toContainEqual(["organisation", "organization"]);
  });

  it("decides how purposes, forums, eligibility and quantities are worded and which title words are generic", () => {
    const data = JSON.parse(readFileSync(path.join(FIXTURES, "../data/materiality.json"), "utf8"));
    const sentence = "We keep logs for the purposes of security.";
    expect(build(data, {}).purposeConnector.test(sentence)).toBe(true);
    const connectors = data.literal.purposeConnectors.filter((c: string) => !c.startsWith("for the purpose"));
    expect(
      build({ ...data, literal: { ...data.literal, purposeConnectors: connectors } }, {}).purposeConnector.test(
        sentence,
      ),
    ).toBe(false);
    expect(build(data, {}).purpose.test("we use it to train models")).toBe(true);
    const aims = { ...data.literal, readerAims: ["use the", "use our", "access the", "access our"] };
    expect(
      build({ ...data, literal: aims }, {}).purposeConnector.test("data is used in order to use the Service"),
    ).toBe(false);
    expect(build({ ...data, literal: aims }, {}).purposeConnector.test("in order to improve the Service")).toBe(true);
    expect(build(data, {}).purpose.test("we are required to share it")).toBe(false);
    expect(build(data, {}).forum.test("the courts located in Dublin")).toBe(true);
    expect(build(data, {}).eligibility.test("you must be at least 16")).toBe(true);
    const units = (text: string) => [...text.matchAll(build(data, {}).quantity)].map((m) => m[2]);
    expect(units("15 GB, 2 gigabytes, 10 users, 3 GBs, 4 seat")).toEqual(["GB", "gigabytes", "users", "seat"]);
    // Those lists are words as written: a wildcard there is refused, naming the list, rather than matched literally.
    expect(() => build({ ...data, literal: { ...data.literal, forum: ["court*"] } }, {})).toThrow(
      'literal.forum: "court*"',
    );
    expect(firstPartyOf(parseDocument("# Acme Sub-processors List\n\nText.\n", "p.md"))).toEqual(["Acme"]);
  });
});

describe("a sentence that names a use or a duty, and one that only looks like it", () => {
  // From corpus-web pairs labelled substantive that were called material (LINE terms 001→002, Tumblr terms 008→009):
  // the reader's own aim, a pointer to another page and a foretold consequence state no new use and no new duty.
  const base = "# Privacy Policy\n\n## How we use information\n\nWe provide the Service to you.\n";
  const codesFor = (sentence: string) => {
    const oldDoc = parseDocument(base, "old.md");
    const newDoc = parseDocument(base.replace("to you.", `to you. ${sentence}`), "new.md");
    const { result } = classify(diffDocuments(oldDoc, newDoc), {
      firstParty: firstPartyOf(newDoc),
      documents: { old: oldDoc, new: newDoc },
    });
    return result.changes.flatMap((c) => c.reasons.map((r) => r.code));
  };
  it.each([
    ["When your password is used in order to use the Service, we treat it as your own act.", "new-purpose"],
    ["For more information on our use of recommender systems to show you content, see our Help Center.", "new-purpose"],
    ["If you violate the Guidelines, you may not be able to continue using the Service.", "new-binding-term"],
  ])("%s — no %s", (sentence, code) => {
    expect(codesFor(sentence)).not.toContain(code);
  });
  it.each([
    ["We use your location in order to show nearby events.", "new-purpose"],
    ["We use recommender systems to show you content.", "new-purpose"],
    ["You may not resell the Service.", "new-binding-term"],
  ])("%s — %s", (sentence, code) => {
    expect(codesFor(sentence)).toContain(code);
  });
});

describe("a plain present tense that becomes an effort", () => {
  // Basecamp privacy 078→079 (issue 17 draw): "we apply the same data rights" → "we strive to apply" weakens it.
  const codes = (before: string, after: string) => {
    const base = (s: string) => `# Privacy Policy\n\n## Your rights\n\n${s}\n`;
    const [oldDoc, newDoc] = [parseDocument(base(before), "old.md"), parseDocument(base(after), "new.md")];
    const { result } = classify(diffDocuments(oldDoc, newDoc), {
      firstParty: firstPartyOf(newDoc),
      documents: { old: oldDoc, new: newDoc },
    });
    return result.changes.flatMap((c) => c.reasons.map((r) => r.code));
  };
  it("is a weaker commitment", () => {
    const before = "At Basecamp, we apply the same data rights to all customers, regardless of their location.";
    expect(codes(before, before.replace("we apply", "we strive to apply"))).toContain("modal-weakened");
    expect(codes(before, before.replace("we apply", "we try to apply"))).toContain("modal-weakened");
  });
  it("but not when the verb after the effort is new", () => {
    const before = "At Basecamp, we apply the same data rights to all customers.";
    expect(
      codes(
        before,
        "At Basecamp, we apply the same data rights to all customers, and we strive to answer within a week.",
      ),
    ).not.toContain("modal-weakened");
  });
});

describe("issue 17 draw: who a promise lets in, a use beside a use, a verb that is the aim", () => {
  const codes = (heading: string, before: string, after: string) => {
    const base = (s: string) => `# Privacy Policy\n\n## ${heading}\n\n${s}\n`;
    const [oldDoc, newDoc] = [parseDocument(base(before), "old.md"), parseDocument(base(after), "new.md")];
    const { result } = classify(diffDocuments(oldDoc, newDoc), {
      firstParty: firstPartyOf(newDoc),
      documents: { old: oldDoc, new: newDoc },
    });
    return result.changes.flatMap((c) => c.reasons.map((r) => r.code));
  };
  const access = "GitHub employees may only access the content of your private repositories for support reasons.";
  it("a promise's group widened, replaced or joined by a wider one, narrows it", () => {
    expect(codes("Access", access, access.replace("employees", "staff"))).toContain("protection-narrowed");
    expect(codes("Access", access, access.replace("employees", "employees and contractors"))).toContain(
      "protection-narrowed",
    );
    expect(codes("Access", access, access.replace("GitHub employees", "Our vendors"))).toContain("protection-narrowed");
  });
  it("but not when the group gets smaller or the same, or it is not the promise's subject", () => {
    const staff = access.replace("employees", "personnel");
    expect(codes("Access", staff, access)).not.toContain("protection-narrowed");
    expect(codes("Access", staff, staff.replace("personnel", "staff"))).not.toContain("protection-narrowed");
    const object = "We only share your data with our employees.";
    expect(codes("Sharing", object, object.replace("employees", "contractors"))).not.toContain("protection-narrowed");
  });
  const captcha = "We use CAPTCHA services with HEY as a means of spam protection.";
  it("a use put before the one that stays, joined by 'and', is a new purpose; a use swapped for another is not", () => {
    expect(codes("Use", captcha, captcha.replace("with HEY", "to stop fraud and in HEY"))).toContain("new-purpose");
    const train = "We use your data to improve our models.";
    expect(codes("Use", train, train.replace("improve our models", "improve and test our models"))).not.toContain(
      "new-purpose",
    );
    expect(codes("Use", train, train.replace("improve", "evaluate"))).not.toContain("new-purpose");
  });
  it("a use joined in after a negation is one ruled out, not a new purpose (GitHub privacy statement 031→032)", () => {
    const rule = "Where a user made an email address public, do not use that email address for commercial advertising.";
    const widened = rule.replace(
      "for commercial",
      "for the purposes of sending unsolicited emails to users or selling User Personal Information, or for commercial",
    );
    expect(codes("Scraping", rule, widened)).not.toContain("new-purpose");
  });
  it("a verb after 'help' is the aim; the use stated before it still counts", () => {
    const base = "We provide the Service to you.";
    expect(codes("Use", base, `${base} We have terms to help keep the ship afloat.`)).not.toContain("new-purpose");
    expect(codes("Use", base, `${base} We keep your logs to help us debug crashes.`)).toContain("new-purpose");
  });
});

describe("a reason that is only words (data/materiality.json phraseReasons)", () => {
  const codes = (before: string, after: string) => {
    const [oldDoc, newDoc] = [parseDocument(before, "old.md"), parseDocument(after, "new.md")];
    const { result } = classify(diffDocuments(oldDoc, newDoc), {
      firstParty: firstPartyOf(newDoc),
      documents: { old: oldDoc, new: newDoc },
    });
    return result.changes.flatMap((c) => c.reasons.map((r) => r.code));
  };
  const doc = (use: string, other = "") => `# Terms\n\n## Your Content\n\n${use}\n\n## Other\n\nHello.${other}\n`;
  const base = "You keep the rights to your posts.";
  it("is found when one of its phrases comes into a sentence, with its code's significance", () => {
    expect(codes(doc(base), doc(`${base} We may use your content to train our models.`))).toContain("ai-training");
  });
  it("but not when the sentence negates it or the old version already said it, here or elsewhere", () => {
    expect(codes(doc(base), doc(`${base} We do not use your content to train our models.`))).not.toContain(
      "ai-training",
    );
    const said = " We train our models on public posts.";
    const added = `${base} We may use your content to train our models.`;
    expect(codes(doc(base, said), doc(added, said))).not.toContain("ai-training");
    expect(codes(doc(`${base}${said}`), doc(`${added}${said}`))).not.toContain("ai-training");
  });
  it("reads the side the data gives phrases for, and refuses a code or a side codes.ts cannot say", () => {
    const data = JSON.parse(readFileSync(path.join(FIXTURES, "../data/materiality.json"), "utf8"));
    const sentence = "We may use your content to train our models.";
    const k = build({ ...data, phraseReasons: { "ai-training": { removed: ["train* our models"] } } }, {});
    const ctx = { k, categories: new Set<never>(), firstParty: [] };
    expect(phraseReasons(wholeDeltas(sentence, "added")[0], ctx)).toEqual([]);
    // The removed side found it and asked codes.ts for a sentence "removed", which ai-training does not declare.
    expect(() => phraseReasons(wholeDeltas(sentence, "removed")[0], ctx)).toThrow("ai-training: no message removed");
    expect(() => build({ ...data, phraseReasons: { "ai-trained": { added: ["x"] } } }, {})).toThrow(
      'phraseReasons: "ai-trained" is not a code declared in codes.ts',
    );
    expect(() => build({ ...data, phraseReasons: { "ai-training": { came: ["x"] } } }, {})).toThrow(
      'phraseReasons.ai-training: "came" is neither',
    );
  });
});
