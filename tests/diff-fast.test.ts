import path from "node:path";
import { describe, expect, it } from "vitest";
import { alignUnits } from "../src/diff/align.js";
import { blockDrafts } from "../src/diff/blockrecords.js";
import { sameBlocks, type Block } from "../src/diff/blocks.js";
import { clauseHosts, diffPair } from "../src/diff/dissolve.js";
import { buildUnits } from "../src/diff/units.js";
import { parseDocument } from "../src/parse/document.js";
import { CORPUS, CORPUS_WEB, HAS_CORPUS, HAS_CORPUS_WEB } from "./helpers/fixtures.js";
import { corpusTexts } from "./helpers/history.js";

/**
 * The diff skips matching the blocks of an aligned section pair whose blocks are alike (src/diff/records.ts): it
 * must be a pair from which matching would report nothing. Held to that on real version pairs of other writers'
 * documents, and `sameBlocks` to what it compares on edits of each field of a block.
 */

/** Every aligned section pair of two versions with no clause to dissolve: its blocks and what matching reports. */
function alignedPairs(oldText: string, newText: string) {
  const oldTree = buildUnits(parseDocument(oldText, "old"));
  const newTree = buildUnits(parseDocument(newText, "new"));
  const { oldToNew, newToOld } = alignUnits(oldTree, newTree);
  const oldHosts = clauseHosts(oldTree, oldToNew);
  const newHosts = clauseHosts(newTree, newToOld);
  return [newTree.root, ...newTree.flat].flatMap((b) => {
    const a = newToOld.get(b);
    if (!a || oldHosts.has(a) || newHosts.has(b)) return [];
    return [{ a, b, drafts: () => blockDrafts(diffPair(a, b, oldHosts, newHosts).ops, a, b) }];
  });
}

const FOLDERS = [
  ...(HAS_CORPUS
    ? [
        "basecamp-policies/basecamp-subprocessors",
        "github-site-policy/subprocessors",
        "github-site-policy/cookies",
      ].map((f) => path.join(CORPUS, f))
    : []),
  ...(HAS_CORPUS_WEB
    ? ["line-privacy-policy", "bluesky-terms-of-service", "bereal-privacy-policy"].map((f) =>
        path.join(CORPUS_WEB, "ota-pga", f),
      )
    : []),
];

describe("sameBlocks: the sections a diff need not match", () => {
  it.skipIf(!FOLDERS.length)("a pair of alike blocks reports nothing when matched, on real version pairs", () => {
    let alike = 0;
    let differ = 0;
    for (const folder of FOLDERS) {
      const texts = corpusTexts(folder).slice(0, 12);
      for (let i = 1; i < texts.length; i++) {
        for (const { a, b, drafts } of alignedPairs(texts[i - 1].text, texts[i].text)) {
          if (sameBlocks(a.blocks, b.blocks)) {
            alike++;
            expect(drafts(), `${folder} ${texts[i].name} ${b.path.join(" › ")}`).toEqual([]);
          } else if (drafts().length) differ++;
        }
      }
    }
    // Both kinds are there to be told apart.
    expect(alike).toBeGreaterThan(100);
    expect(differ).toBeGreaterThan(10);
  });

  it("tells apart blocks that differ in anything a reader sees, and not in their lines", () => {
    const block: Block = {
      type: "list-item",
      text: "Stripe: payments",
      links: [{ text: "Stripe", url: "https://stripe.com" }],
      line: 4,
      key: "paragraph\u0000Stripe: payments",
      lead: "Stripe",
    };
    const table: Block = {
      type: "table",
      text: "Name | Use\nStripe | payments",
      links: [],
      line: 9,
      key: "table\u0000Name | Use",
      table: {
        header: ["Name", "Use"],
        rows: [{ cells: ["Stripe", "payments"], links: [{ text: "Stripe", url: "https://stripe.com" }], line: 10 }],
      },
    };
    expect(
      sameBlocks(
        [block, table],
        [
          { ...block, line: 40 },
          { ...table, line: 90 },
        ],
      ),
    ).toBe(true);
    const edits: Block[] = [
      { ...block, type: "paragraph" },
      { ...block, text: "Stripe: payment" },
      { ...block, key: "paragraph\u0000other" },
      { ...block, lead: undefined },
      { ...block, links: [{ text: "Stripe", url: "https://stripe.example" }] },
      { ...block, links: [{ text: "Stripe Inc", url: "https://stripe.com" }] },
      { ...block, links: [] },
    ];
    for (const edit of edits) expect(sameBlocks([block, table], [edit, table]), JSON.stringify(edit)).toBe(false);
    const row = table.table!.rows[0];
    const tables: Block[] = [
      { ...table, table: { ...table.table!, header: ["Name", "Purpose"] } },
      { ...table, table: { ...table.table!, rows: [{ ...row, cells: ["Stripe", "refunds"] }] } },
      { ...table, table: { ...table.table!, rows: [{ ...row, links: [] }] } },
      { ...table, table: { ...table.table!, rows: [row, row] } },
      { ...table, table: undefined },
    ];
    for (const edit of tables) expect(sameBlocks([block, table], [block, edit]), JSON.stringify(edit)).toBe(false);
    expect(sameBlocks([block], [block, table])).toBe(false);
  });
});
