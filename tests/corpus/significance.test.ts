import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classify, CODES, firstPartyOf, SIGNIFICANCE_RANK, type Significance } from "../../src/classify/index.js";
import { diffDocuments } from "../../src/diff/index.js";
import { parseDocument } from "../../src/parse/document.js";
import { CORPUS, HAS_CORPUS, ROOT } from "../helpers/fixtures.js";

if (!HAS_CORPUS) console.warn(`significance corpus suite skipped: ${CORPUS} is not present (it is on the project's CI)`);

/**
 * The classifier against labels written by people who read every changed line of real consecutive versions
 * (tests/corpus/significance-labels.json: document, old, new, label, reasons, why). A pair's label is the highest
 * significance among its changes. Every labelled pair is run; none is dropped for being hard.
 */
interface Label {
  document: string;
  old: string;
  new: string;
  label: Significance;
  reasons: string[];
  why: string;
}

const LABELS = JSON.parse(readFileSync(path.join(ROOT, "tests/corpus/significance-labels.json"), "utf8")) as Label[];
const key = (l: Label) => `${l.document} ${l.old.slice(0, 3)}→${l.new.slice(0, 3)}`;

/**
 * The pairs where the classifier and the labels disagree, with what the classifier says and why. All four are the
 * same kind: an edit that keeps the meaning but that only knowledge of the product or of grammar can tell from a
 * change of wording, so the classifier is unsure and says substantive, as it must (never editorial when unsure).
 */
const DISAGREEMENTS: Record<string, { classifier: Significance; why: string }> = {
  "automattic-legalmattic/cookie-policy 015→016": {
    classifier: "substantive",
    why: "a missing word restored ('you may also be able to adjust'): inserting 'able' is a grammar fix only a reader of English can see",
  },
  "automattic-legalmattic/privacy-policy 011→012": {
    classifier: "substantive",
    why: "Polldaddy renamed Crowdsignal: the same product only to someone who knows it (the owner can say so with diff.equivalents)",
  },
  "basecamp-policies/privacy 025→026": {
    classifier: "substantive",
    why: "an example reworded ('like your spirit animal' → 'that represents you best'): new words, same meaning",
  },
  "basecamp-policies/terms 005→006": {
    classifier: "substantive",
    why: "'Basecamp, LLC' replaced by the defined term 'the Company': the definition elsewhere makes them the same",
  },
};

function classifyPair(l: Label): Significance {
  const dir = path.join(CORPUS, l.document);
  const oldDoc = parseDocument(readFileSync(path.join(dir, l.old), "utf8"), l.old);
  const newDoc = parseDocument(readFileSync(path.join(dir, l.new), "utf8"), l.new);
  const result = diffDocuments(oldDoc, newDoc);
  const { result: classified } = classify(result, { firstParty: firstPartyOf(newDoc), documents: { old: oldDoc, new: newDoc } });
  return classified.changes.reduce<Significance>((a, c) => (SIGNIFICANCE_RANK[c.significance] > SIGNIFICANCE_RANK[a] ? c.significance : a), "editorial");
}

describe.skipIf(!HAS_CORPUS)("significance of real version pairs against human labels (../shared/corpus)", () => {
  it("has at least 30 labelled pairs from all three sources, each with a label and a why", () => {
    expect(LABELS.length).toBeGreaterThanOrEqual(30);
    for (const l of LABELS) {
      expect(["material", "substantive", "editorial"], key(l)).toContain(l.label);
      expect(l.why.length, key(l)).toBeGreaterThan(10);
    }
    for (const source of ["github-site-policy", "basecamp-policies", "automattic-legalmattic"]) {
      expect(LABELS.filter((l) => l.document.startsWith(source)).length, source).toBeGreaterThan(10);
    }
  });

  it("uses only reason codes the classifier knows", () => {
    expect([...new Set(LABELS.flatMap((l) => l.reasons))].filter((code) => !CODES[code])).toEqual([]);
  });

  const outcomes: { key: string; agreed: boolean }[] = [];
  for (const l of LABELS) {
    const known = DISAGREEMENTS[key(l)];
    it(`${key(l)}: ${l.label}${known ? ` (classifier: ${known.classifier})` : ""} — ${l.why.slice(0, 90)}`, () => {
      const got = classifyPair(l);
      outcomes.push({ key: key(l), agreed: got === l.label });
      expect(got, known?.why ?? l.why).toBe(known ? known.classifier : l.label);
    });
  }

  it("agrees on 89 of the 93 labelled pairs (95.7%), the four listed above being the only disagreements", () => {
    expect(outcomes).toHaveLength(LABELS.length);
    expect(LABELS).toHaveLength(93);
    expect(outcomes.filter((o) => o.agreed)).toHaveLength(89);
    expect(outcomes.filter((o) => !o.agreed).map((o) => o.key).sort()).toEqual(Object.keys(DISAGREEMENTS).sort());
  });
});
