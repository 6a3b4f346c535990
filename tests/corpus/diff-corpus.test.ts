import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffDocuments, diffTexts, type Change, type DiffResult, type EditPart } from "../../src/diff/index.js";
import { parseDocument, type PolicyDocument } from "../../src/parse/document.js";
import { CORPUS, HAS_CORPUS } from "../helpers/fixtures.js";

if (!HAS_CORPUS) console.warn(`diff corpus suite skipped: ${CORPUS} is not present (it is on the project's CI)`);

/** The version of a corpus document whose file name starts with this number ("007"). */
function version(document: string, number: string): string {
  const dir = path.join(CORPUS, document);
  const file = readdirSync(dir).find((f) => f.startsWith(`${number}-`));
  if (!file) throw new Error(`${document} has no version ${number}`);
  return path.join(dir, file);
}

function diffVersions(document: string, from: string, to: string): DiffResult {
  const [a, b] = [version(document, from), version(document, to)];
  return diffTexts(readFileSync(a, "utf8"), readFileSync(b, "utf8"), { old: a, new: b });
}

const words = (edits: readonly EditPart[]) =>
  edits.map((e) => (e.op === "equal" ? e.text : e.op === "delete" ? `[-${e.text}-]` : `{+${e.text}+}`)).join("");
const brief = (c: Change) =>
  `${c.kind} ${c.target}${c.row !== undefined ? ` ${c.row}` : ""}${c.column ? ` › ${c.column}` : ""}${c.field ? ` ${c.field}` : ""}`;

describe.skipIf(!HAS_CORPUS)("diff on real version pairs (../shared/corpus)", () => {
  it("GitHub privacy statement 006→007: list markers '-' became '*' on 81 items, which is no change", () => {
    expect(diffVersions("github-site-policy/privacy-statement", "006", "007").changes).toEqual([]);
  });

  it("GitHub privacy statement 012→013: front matter 'topics' removed, nothing else", () => {
    const { changes } = diffVersions("github-site-policy/privacy-statement", "012", "013");
    expect(changes.map(brief)).toEqual(["removed frontmatter topics"]);
    expect(changes[0].old!.text).toBe("Policy, Legal");
  });

  it("GitHub privacy statement 002→003: the French PDF link target fixed, its text unchanged", () => {
    const { changes } = diffVersions("github-site-policy/privacy-statement", "002", "003");
    expect(changes).toMatchObject([
      {
        kind: "modified",
        target: "link",
        path: ["Translations", "French"],
        linkText: "Déclaration de confidentialité de GitHub (PDF)",
        old: {
          text: "https://docs.github.com/assets/images/help/site-policy/github-privacy-statement(07.22.20)(FR).pdf",
        },
        new: { text: "/assets/images/help/site-policy/github-privacy-statement(07.22.20)(fr).pdf" },
      },
    ]);
  });

  it("GitHub privacy statement 008→009: a VS Code telemetry link retargeted (whatever the commit subject says)", () => {
    const { changes } = diffVersions("github-site-policy/privacy-statement", "008", "009");
    expect(changes.map((c) => [brief(c), c.old?.text, c.new?.text])).toEqual([
      [
        "modified link",
        "https://code.visualstudio.com/docs/getstarted/telemetry",
        "https://code.visualstudio.com/docs/configure/telemetry",
      ],
    ]);
  });

  it("GitHub sub-processors 021→022: one table row added, named by its key column", () => {
    const { changes } = diffVersions("github-site-policy/subprocessors", "021", "022");
    expect(changes).toMatchObject([
      {
        kind: "added",
        target: "table-row",
        path: ["Third Party Subprocessors"],
        row: "Tines Automation Inc.",
        keyColumn: "Name of Subprocessor",
        new: { text: "Tines Automation Inc. | Security management | United States | United States" },
      },
    ]);
  });

  it("GitHub sub-processors 019→020: a cell edited in a row whose name is duplicated ('Microsoft (Azure)' twice)", () => {
    const { changes } = diffVersions("github-site-policy/subprocessors", "019", "020");
    expect(changes).toMatchObject([
      {
        kind: "modified",
        target: "table-cell",
        row: "Microsoft (Azure)",
        column: "Location of Processing",
        old: { text: "United States" },
        new: { text: "United States, Canada" },
      },
    ]);
    expect(words(changes[0].edits)).toBe("United States{+, Canada+}");
  });

  it("GitHub sub-processors 005→006 and 004→005: a row removed; locations edited, each cell named by its column", () => {
    expect(diffVersions("github-site-policy/subprocessors", "005", "006").changes.map(brief)).toEqual([
      "removed table-row Splunk",
    ]);
    const edits = diffVersions("github-site-policy/subprocessors", "004", "005").changes;
    expect(edits).toHaveLength(10);
    expect(edits.slice(0, 2).map((c) => `${brief(c)}: ${c.old!.text} → ${c.new!.text}`)).toEqual([
      "modified table-cell GitHub Australia Pty Ltd › Location of Processing: United States → Australia",
      "modified table-cell GitHub Australia Pty Ltd › Corporate Location: United States → Australia",
    ]);
  });

  it("GitHub sub-processors 009→010: the table split under two new headings still diffs row by row", () => {
    const changes = diffVersions("github-site-policy/subprocessors", "009", "010").changes.map(
      (c) => `${brief(c)}: ${[c.old?.text, c.new?.text].filter((t) => t !== undefined).join(" → ")}`,
    );
    expect(changes).toContain("added section: Third Party Subprocessors");
    expect(changes).toContain("added section: GitHub Subsidiaries");
    expect(changes).toContain(
      "modified table-cell Amazon Web Services Inc (AWS) › Name of Subprocessor: Amazon Web Services (AWS) → Amazon Web Services Inc (AWS)",
    );
    expect(changes).toContain(
      "modified table-cell Microsoft › Location of Processing: United States → Australia, Brazil, Canada, France, Japan, Norway, Spain, Sweden, Switzerland, United Kingdom, United States",
    );
    expect(changes.filter((c) => c.startsWith("moved table-row GitHub "))).toHaveLength(5);
    expect(changes.some((c) => c.startsWith("removed table:"))).toBe(false);
  });

  it("Basecamp sub-processors 016→017: one list item added", () => {
    const { changes } = diffVersions("basecamp-policies/basecamp-subprocessors", "016", "017");
    expect(changes).toMatchObject([
      {
        kind: "added",
        target: "list-item",
        path: ["Basecamp subprocessors"],
        new: { text: "Datadog. Infrastructure and application monitoring." },
      },
    ]);
  });

  it("Basecamp sub-processors 017→018: two neighbouring items swapped are one move, the same item read either way", () => {
    const { changes } = diffVersions("basecamp-policies/basecamp-subprocessors", "017", "018");
    const swapped = [
      "Datadog. Infrastructure and application monitoring.",
      "Customer.io. Transactional email service.",
    ];
    expect(changes).toMatchObject([{ kind: "moved", target: "list-item", edits: [] }]);
    expect(swapped).toContain(changes[0].old!.text);
    expect(Math.abs(changes[0].new!.line! - changes[0].old!.line!)).toBe(1);
    // Which of the two moved is a tie; whichever it is, B→A names the same one.
    expect(diffVersions("basecamp-policies/basecamp-subprocessors", "018", "017").changes).toMatchObject([
      { kind: "moved", old: { text: changes[0].old!.text } },
    ]);
  });

  it("Basecamp sub-processors 021→022 and 023→024: date bumps are their own kind; items named by their lead are not paired", () => {
    const bump = diffVersions("basecamp-policies/basecamp-subprocessors", "021", "022");
    expect(bump.changes.map(brief)).toEqual(["modified date", "added list-item"]);
    expect(words(bump.changes[0].edits)).toBe("Last updated: [-July-]{+February+} [-18-]{+27+}, [-2022-]{+2023+}");
    expect([bump.old.lastUpdated, bump.new.lastUpdated]).toEqual(["2022-07-18", "2023-02-27"]);
    const eu = diffVersions("basecamp-policies/basecamp-subprocessors", "023", "024");
    expect(eu.changes.map((c) => `${brief(c)}: ${(c.old ?? c.new)!.text}`)).toEqual([
      "modified date: Last updated: February 27, 2023",
      "removed list-item: Customer.io. Transactional email service.",
      "removed list-item: Datadog. Infrastructure and application monitoring.",
      "added paragraph: These subprocessors are located in the EU:",
      "added list-item: AppSignal. Infrastructure and application monitoring.",
    ]);
  });

  it("GitHub terms 008→009: an inserted sub-section renumbers four others, which stay unchanged", () => {
    const { changes } = diffVersions("github-site-policy/terms-of-service", "008", "009");
    const sections = changes.filter((c) => ["section", "heading"].includes(c.target) || c.kind === "moved");
    expect(sections.map((c) => `${brief(c)} ${c.path.join(" › ")}`)).toContain(
      "added section B. Account Terms › 1. Account Controls",
    );
    for (const title of ["2. Required Information", "4. User Account Security", "5. Additional Terms"]) {
      expect(changes.filter((c) => c.path.join(" › ") === `B. Account Terms › ${title}`)).toEqual([]);
    }
    expect(
      changes.filter((c) => c.path[0] === "B. Account Terms" && (c.kind === "moved" || c.kind === "renamed")),
    ).toEqual([]);
    expect(changes.find((c) => c.target === "date")).toMatchObject({
      old: { text: "Effective date: October 11, 2017" },
      new: { text: "Effective date: May 25, 2018" },
    });
  });

  it("WordPress.com terms 097→098: Setext headings with escaped numbers ('1\\. Who’s Who') align with the ATX ones", () => {
    const { changes } = diffVersions("automattic-legalmattic/wpcom-terms-of-service", "097", "098");
    const structural = changes.filter(
      (c) => ["section", "heading"].includes(c.target) || (c.target === "clause" && c.kind !== "modified"),
    );
    expect(structural.map((c) => `${brief(c)} ${c.path.join(" › ")}`)).toEqual([
      "renamed heading 1. Who’s Who › Automattic Services (except Woo)",
      "renamed heading 1. Who’s Who › Woo Services",
      "renamed heading 8. Specific Service Terms › b. Woo",
      "renamed heading 8. Specific Service Terms › c. WooPay",
      "added section 8. Specific Service Terms › g. Blaze",
      "renamed heading 8. Specific Service Terms › h. Ecommerce Services › More on WooPayments Specifically",
      "added clause 8. Specific Service Terms › h. Ecommerce Services › More on WooPay Specifically",
    ]);
  });

  it("WordPress.com terms 078→079: clauses run together in one paragraph and split out again read as the same text", () => {
    const { changes } = diffVersions("automattic-legalmattic/wpcom-terms-of-service", "078", "079");
    expect(changes.map(brief)).toEqual(["modified date", "modified paragraph", "modified paragraph"]);
    expect(changes.map((c) => words(c.edits)).join("\n")).toContain("{+Email, +}");
  });

  it("WordPress.com terms 034→035: two headings demoted under 'Terms of Service:' are reported, with their levels", () => {
    const { changes } = diffVersions("automattic-legalmattic/wpcom-terms-of-service", "034", "035");
    expect(changes).toMatchObject([
      {
        kind: "modified",
        target: "heading",
        level: { old: 3, new: 4 },
        path: ["Terms of Service:", "14. Jurisdiction and Applicable Law."],
      },
      {
        kind: "modified",
        target: "heading",
        level: { old: 3, new: 4 },
        path: ["Terms of Service:", "15. Arbitration Agreement."],
      },
    ]);
  });

  it("Basecamp privacy 037→038: a section moved up is one move (and the date bump)", () => {
    const { changes } = diffVersions("basecamp-policies/privacy", "037", "038");
    expect(changes.map((c) => `${brief(c)} ${c.path.join(" › ")}`)).toEqual([
      "modified date Privacy policy",
      "moved section Privacy policy › Location of Site and Data",
    ]);
  });
});

describe.skipIf(!HAS_CORPUS)("every consecutive pair in the corpus diffs cleanly", () => {
  const documents = HAS_CORPUS
    ? readdirSync(CORPUS)
        .filter((source) => existsSync(path.join(CORPUS, source, "manifest.json")))
        .flatMap((source) =>
          Object.keys(JSON.parse(readFileSync(path.join(CORPUS, source, "manifest.json"), "utf8"))).map(
            (doc) => `${source}/${doc}`,
          ),
        )
    : [];

  it("covers all eleven documents", () => {
    expect(documents).toHaveLength(11);
  });

  for (const document of documents) {
    it(document, () => {
      const manifest = JSON.parse(readFileSync(path.join(CORPUS, path.dirname(document), "manifest.json"), "utf8"));
      const files: string[] = manifest[path.basename(document)].map((v: { file: string }) =>
        path.join(CORPUS, document, v.file),
      );
      const docs: PolicyDocument[] = files.map((f) => parseDocument(readFileSync(f, "utf8"), f));
      for (let i = 1; i < docs.length; i++) {
        const label = `${path.basename(files[i - 1])} → ${path.basename(files[i])}`;
        const { changes } = diffDocuments(docs[i - 1], docs[i]);
        expect(new Set(changes.map((c) => c.id)).size, label).toBe(changes.length);
        for (const c of changes) {
          expect(c.old ?? c.new, label).toBeTruthy();
          if (!c.edits.length) continue;
          expect(
            c.edits
              .filter((e) => e.op !== "insert")
              .map((e) => e.text)
              .join(""),
            `${label} ${c.id}`,
          ).toBe(c.old!.text);
          expect(
            c.edits
              .filter((e) => e.op !== "delete")
              .map((e) => e.text)
              .join(""),
            `${label} ${c.id}`,
          ).toBe(c.new!.text);
        }
        expect(diffDocuments(docs[i], docs[i]).changes, `${label}: a version against itself`).toEqual([]);
      }
    });
  }
});
