import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classify, CODES, firstPartyOf, SIGNIFICANCE_RANK, type Significance } from "../../src/classify/index.js";
import { diffDocuments } from "../../src/diff/index.js";
import { parseDocument } from "../../src/parse/document.js";
import { CORPUS, CORPUS_WEB, HAS_CORPUS, HAS_CORPUS_WEB, ROOT } from "../helpers/fixtures.js";

if (!HAS_CORPUS || !HAS_CORPUS_WEB)
  console.warn(
    `significance corpus suite skipped: ${CORPUS} or ${CORPUS_WEB} is not present (both are on the project's CI)`,
  );

/**
 * The classifier against labels written by people who read every changed line of real consecutive versions
 * (tests/corpus/significance-labels.json: document, old, new, label, reasons, why). A pair's label is the highest
 * significance among its changes. Every labelled pair is run; none is dropped for being hard. Pairs marked
 * `excluded` are failed captures (one side is an error page, a home page or a truncated copy, not the policy); they
 * stay in the file with the reason and are not scored.
 *
 * Sources are scored apart (README "Agreement"): the three projects of ../shared/corpus, the corpus-web pairs the
 * classifier was tuned on (labelled before any tuning), and the corpus-web pairs labelled at the same time but held
 * out (`drawn: "holdout"`) and measured once, after the tuning, as a new user's documents would be.
 */
interface Label {
  document: string;
  old: string;
  new: string;
  label: Significance;
  reasons: string[];
  why: string;
  drawn?: string;
  excluded?: string;
}

const LABELS = JSON.parse(readFileSync(path.join(ROOT, "tests/corpus/significance-labels.json"), "utf8")) as Label[];
const key = (l: Label) => `${l.document} ${l.old.slice(0, 3)}→${l.new.slice(0, 3)}`;
const web = (l: Label) => l.document.startsWith("ota-pga/");
const sourceOf = (l: Label) =>
  web(l) ? (l.drawn === "holdout" ? "corpus-web (held out)" : "corpus-web") : l.document.split("/")[0];

/**
 * The pairs where the classifier and the labels disagree, with what the classifier says and why. Where it says more
 * than the label, it is unsure and must say so (never editorial when unsure); where it says less, the words that
 * decide it are beyond its reading so far.
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
  // corpus-web, tuned on
  "ota-pga/parler-terms-of-service 001→002": {
    classifier: "substantive",
    why: "missed: 'including content posted in Direct Messages' widens a duty, but the capture hard-wraps every line as its own paragraph, so the sentence reaches the classifier in pieces",
  },
  "ota-pga/line-terms-of-service 004→005": {
    classifier: "material",
    why: "over: the new DSA provisions say reported chat contents are checked ('content moderation'), read as a new use of data; the label reads the section as a regulatory notice",
  },
  "ota-pga/line-privacy-policy 004→005": {
    classifier: "material",
    why: "over: the whole policy re-extracted under a new title, '2.a.' paragraphs turned into headings and bullet paragraphs into lists; a sentence only counts as moved beside the same neighbours, and a third of them are not, so their purposes and recipients read as new",
  },
  "ota-pga/bluesky-privacy-policy 002→003": {
    classifier: "substantive",
    why: "unsure: section titles re-extracted into list items and bold leads, and rights items re-split ('including (i) obtaining access …'); some sentences stand beside other neighbours",
  },
  // corpus-web, held out: measured once after the tuning (README), then kept here so a change is seen
  "ota-pga/twitch-privacy-policy 002→003": {
    classifier: "substantive",
    why: "unsure: link texts reworded for accessibility ('Click here' → 'Visit the California Privacy Disclosures page'): new words, same destination",
  },
  "ota-pga/bluesky-terms-of-service 001→002": {
    classifier: "substantive",
    why: "missed: 'direct messages' added to the examples of User Content widens the licence the user grants; an example list in a definition is not yet read as scope",
  },
  "ota-pga/spotify-privacy-policy 041→042": {
    classifier: "substantive",
    why: "unsure: link markup restored on unchanged words, one of them 'Privacy Settings', where the reader exercises a choice; such a link is read, not assumed",
  },
  "ota-pga/truthsocial-terms-of-service 014→015": {
    classifier: "substantive",
    why: "unsure: a drafting placeholder '[us/our Designated Copyright Agent]' resolved to 'us': only the context says they are the same",
  },
  "ota-pga/truthsocial-terms-of-service 006→007": {
    classifier: "substantive",
    why: "unsure: the defined-term tag '(\"Site\")' dropped after the address; that 'the Site' keeps its meaning is a reading of the whole document",
  },
  "ota-pga/tumblr-terms-of-service 014→015": {
    classifier: "substantive",
    why: "unsure: '(mailto: dmca@tumblr.com)' written as text became a link; the visible words changed with the markup",
  },
};

function classifyPair(l: Label): Significance {
  const dir = path.join(web(l) ? CORPUS_WEB : CORPUS, l.document);
  const oldDoc = parseDocument(readFileSync(path.join(dir, l.old), "utf8"), l.old);
  const newDoc = parseDocument(readFileSync(path.join(dir, l.new), "utf8"), l.new);
  const result = diffDocuments(oldDoc, newDoc);
  const { result: classified } = classify(result, {
    firstParty: firstPartyOf(newDoc),
    documents: { old: oldDoc, new: newDoc },
  });
  return classified.changes.reduce<Significance>(
    (a, c) => (SIGNIFICANCE_RANK[c.significance] > SIGNIFICANCE_RANK[a] ? c.significance : a),
    "editorial",
  );
}

interface Outcome {
  source: string;
  label: Significance;
  got: Significance;
}

function rates(outcomes: Outcome[]) {
  const material = outcomes.filter((o) => o.label === "material");
  const other = outcomes.filter((o) => o.label !== "material");
  const editorial = outcomes.filter((o) => o.label === "editorial");
  return {
    materialCalledMaterial: material.filter((o) => o.got === "material").length / material.length,
    otherCalledMaterial: other.filter((o) => o.got === "material").length / other.length,
    editorialAllEditorial: editorial.filter((o) => o.got === "editorial").length / editorial.length,
  };
}

describe.skipIf(!HAS_CORPUS || !HAS_CORPUS_WEB)("significance of real version pairs against human labels", () => {
  // The issue 17 draw is measured as a whole (the share called material against the share that is), below.
  const scored = LABELS.filter((l) => !l.excluded && l.drawn !== "issue17");

  it("has labelled pairs from every source, each with a label and a why; corpus-web has at least 80 fixed before tuning, 25 material and 25 editorial", () => {
    for (const l of LABELS) {
      expect(["material", "substantive", "editorial"], key(l)).toContain(l.label);
      expect(l.why.length, key(l)).toBeGreaterThan(10);
    }
    for (const source of ["github-site-policy", "basecamp-policies", "automattic-legalmattic"]) {
      expect(LABELS.filter((l) => l.document.startsWith(source)).length, source).toBeGreaterThan(10);
    }
    const tuned = LABELS.filter((l) => web(l) && l.drawn !== "holdout");
    expect(tuned.length).toBeGreaterThanOrEqual(80);
    expect(tuned.filter((l) => !l.excluded && l.label === "material").length).toBeGreaterThanOrEqual(25);
    expect(tuned.filter((l) => !l.excluded && l.label === "editorial").length).toBeGreaterThanOrEqual(25);
    expect(new Set(LABELS.map(key)).size, "each pair labelled once").toBe(LABELS.length);
  });

  it("uses only reason codes the classifier knows", () => {
    expect([...new Set(LABELS.flatMap((l) => l.reasons))].filter((code) => !CODES[code])).toEqual([]);
  });

  const outcomes: Outcome[] = [];
  for (const l of scored) {
    const known = DISAGREEMENTS[key(l)];
    it(`${key(l)}: ${l.label}${known ? ` (classifier: ${known.classifier})` : ""} — ${l.why.slice(0, 90)}`, () => {
      const got = classifyPair(l);
      outcomes.push({ source: sourceOf(l), label: l.label, got });
      expect(got, known?.why ?? l.why).toBe(known ? known.classifier : l.label);
    });
  }

  it("../shared/corpus: agrees on 89 of its 93 labelled pairs, the four listed above being the only disagreements", () => {
    const corpus = outcomes.filter((o) => !o.source.startsWith("corpus-web"));
    expect(corpus).toHaveLength(93);
    expect(corpus.filter((o) => o.got === o.label)).toHaveLength(89);
  });

  // The issue's targets are material ≥ 95%, non-material called material ≤ 5%, editorial ≥ 85%. Two pairs are still
  // over (listed above): LINE's re-extracted privacy policy, the price of reading a moved sentence only beside its
  // neighbours (an adversarial review showed context-free matching hiding real changes), and LINE's DSA provisions.
  it("corpus-web (tuned): material pairs called material ≥ 95%, non-material called material ≤ 3 of 60 (5%), editorial all editorial ≥ 85%", () => {
    const web = outcomes.filter((o) => o.source === "corpus-web");
    const r = rates(web);
    expect(r.materialCalledMaterial).toBeGreaterThanOrEqual(0.95);
    expect(web.filter((o) => o.label !== "material" && o.got === "material").length).toBeLessThanOrEqual(3);
    expect(r.editorialAllEditorial).toBeGreaterThanOrEqual(0.85);
  });

  // Issue 17: forty consecutive ../shared/corpus pairs drawn at random (scripts/draw-corpus-pairs.js, seed 17) and
  // labelled by reading before any tuning for them. The target is the share called material within 5 points of the
  // share that is (40% labelled). First measured at 32.5% (13 called, one of them wrongly); the general faults behind
  // the misses were fixed since: a promise's group widened ("employees" → "personnel may only access"), a use put
  // beside the one that stays inside a substituted phrase, automatic cancellation and a wider licence to the reader's
  // content as binding terms, and a verb after "help" read as a use of data ("to help keep the ship afloat").
  it("the issue 17 draw: 40 pairs, 16 labelled material; the classifier calls each of them material and none of the 24 others", () => {
    const draw = LABELS.filter((l) => l.drawn === "issue17");
    expect(draw).toHaveLength(40);
    const got = draw.map((l) => ({ label: l.label, got: classifyPair(l) }));
    const material = got.filter((o) => o.label === "material");
    expect(material).toHaveLength(16);
    // Within 5 points of 40% is 14 to 18 of 40 called material.
    const called = got.filter((o) => o.got === "material").length;
    expect(Math.abs(called - material.length)).toBeLessThanOrEqual(2);
    expect(material.filter((o) => o.got === "material")).toHaveLength(16);
    expect(got.filter((o) => o.got === "material" && o.label !== "material")).toHaveLength(0);
  });

  it("every disagreement listed is a labelled, scored pair", () => {
    const keys = new Set(scored.map(key));
    expect(Object.keys(DISAGREEMENTS).filter((k) => !keys.has(k))).toEqual([]);
    expect(outcomes).toHaveLength(scored.length);
  });
});
