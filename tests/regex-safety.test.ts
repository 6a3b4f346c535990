import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { globSync } from "tinyglobby";
import { beforeAll, describe, expect, it } from "vitest";
import { superLinearReason } from "../src/config/regex-safety.js";

// Not from ./helpers/fixtures.js, which imports the engine: the rules' modules must first load after RegExp is replaced.
const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.join(ROOT, "fixtures");

/**
 * Every regular expression of the project, vetted by the same analysis a configuration's own patterns get when it
 * loads (src/config/regex-safety.ts). Literals are read from the source; expressions built at run time from the rule
 * data (rules/data/*.json: the disclosure lists and their fragments) and the classifier's (data/materiality.json) are
 * caught as they are built, while every rule with every disclosure list and the classifier run over a few fixtures, and the test
 * checks that each place the source builds one was reached.
 */

interface Found {
  source: string;
  flags: string;
  /** file:line in the repository. */
  site: string;
}

const SOURCE_FILES = globSync(["src/**/*.ts", "rules/**/*.ts"], { cwd: ROOT }).sort();

/**
 * Patterns the analysis flags that cannot take super-linear time where they run, each with the reason. Keyed by
 * site and source, so a changed pattern is vetted again.
 */
const ALLOWED = new Map<string, string>([
  [
    String.raw`src/classify/items.ts:25 /^\s*(?!\s)((?:[^.:(–—]|\.(?!\s))+?)(?:\.\s+|:\s+|(?<!\s)\s+[-–—]\s+|(?<!\s)\s*\()(.*)$/su`,
    "with the s flag `(.*)$` matches whatever follows, so the `\\s+` before it is never given back",
  ],
  [
    String.raw`src/parse/sections.ts:28 /(?<!\s)\s*\{:?\s*(?!\s)([^}]*)\}\s*$/`,
    'run only on the tail after the last "}" but one (trailingAttributeList), where the first "{" matches',
  ],
  [
    String.raw`src/parse/tags.ts:1 /<[^>]*>/g`,
    'run only up to the last ">" (replaceTags), where every "<" it tries finds its ">"',
  ],
]);

function literals(): { found: Found[]; constructorSites: string[] } {
  const found: Found[] = [];
  const constructorSites: string[] = [];
  for (const file of SOURCE_FILES) {
    const sourceFile = ts.createSourceFile(
      file,
      readFileSync(path.join(ROOT, file), "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    const site = (node: ts.Node) => `${file}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const end = node.text.lastIndexOf("/");
        const pattern = new RegExp(node.text.slice(1, end), node.text.slice(end + 1));
        found.push({ source: pattern.source, flags: pattern.flags, site: site(node) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === "RegExp") {
        constructorSites.push(site(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { found, constructorSites };
}

/** Runs the rules and the classifier with RegExp replaced by a recorder, and returns what the project built. */
async function builtAtRunTime(): Promise<Found[]> {
  const found = new Map<string, Found>();
  const Original = RegExp;
  const ownFrame = new Original(
    String.raw`at (?:.*\()?(?:file://)?(${ROOT.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(?:src|rules)/[^:)]+):(\d+):\d+\)?$`,
  );
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args, newTarget) {
      const made = Reflect.construct(target, args, newTarget === globalThis.RegExp ? target : newTarget) as RegExp;
      const frame = new Error()
        .stack!.split("\n")
        .slice(2)
        .map((line) => ownFrame.exec(line))
        .find(Boolean);
      if (frame) {
        const site = `${path.relative(ROOT, frame[1])}:${frame[2]}`;
        found.set(`${site} ${made.flags}/${made.source}`, { source: made.source, flags: made.flags, site });
      }
      return made;
    },
  });
  try {
    const { resolveConfig, settingsFor } = await import("../src/config/load.js");
    const { lintWithSettings } = await import("../src/engine/lint.js");
    const { compare } = await import("../src/compare.js");
    const { isDateText } = await import("../src/diff/date.js");
    const { noticeGroups, renderNotice } = await import("../src/classify/notice.js");
    const { disclosureListNames } = await import("../rules/required-sections.js");
    // Builds its pattern of files that are never policies (README, LICENSE…) when it loads.
    await import("../src/cli/ignore.js");
    // Every disclosure list, and one pattern or phrase of a configuration's own for each kind a configuration vets.
    const config = resolveConfig(
      {
        extends: disclosureListNames().map((l) => `policylint:${l}`),
        rules: { "no-placeholders": ["error", { patterns: ["\\bTBD\\b"] }] },
        diff: { recipients: ["acme*"] },
      },
      null,
      ROOT,
    );
    // The seed policy, and the fixtures of the rules that build a pattern from a document (front-matter keys, comments).
    const documents = globSync(["seed/*.md", "rules/last-updated/*.md", "rules/no-review-markers/*.md"], {
      cwd: FIXTURES,
    }).sort();
    for (const file of documents) {
      const text = readFileSync(path.join(FIXTURES, file), "utf8");
      lintWithSettings(text, file, { rules: settingsFor(config, path.join(FIXTURES, file)), today: "2026-11-25" });
    }
    // Front-matter dates that changed: no fixture pair has one.
    isDateText("2026-11-25");
    for (const pair of globSync(["diff/*/old.md", "classify/capitalisation/old.md"], { cwd: FIXTURES }).sort()) {
      const read = (side: string) => readFileSync(path.join(FIXTURES, path.dirname(pair), `${side}.md`), "utf8");
      const { result, findings, title } = await compare(read("old"), read("new"), "old.md", "new.md");
      noticeGroups(result, findings);
      renderNotice({ result, findings, title, url: null, effective: "2026-11-25" }, "text");
    }
  } finally {
    globalThis.RegExp = Original;
  }
  return [...found.values()];
}

describe("the project's own regular expressions", () => {
  let all: Found[];
  let constructorSites: string[];
  let builtSites: Set<string>;

  beforeAll(async () => {
    const read = literals();
    const built = await builtAtRunTime();
    constructorSites = read.constructorSites;
    builtSites = new Set(built.map((f) => f.site));
    all = [...read.found, ...built];
  }, 120_000);

  it("are all found: every place that builds one at run time was reached", () => {
    const missed = constructorSites.filter((site) => !builtSites.has(site));
    expect(missed).toEqual([]);
    // The collection is not empty by accident: literals, the disclosure lists and the classifier's vocabulary.
    expect(all.length).toBeGreaterThan(800);
  });

  it("cannot take super-linear time, by the analysis a configuration's patterns get", () => {
    const seen = new Set<string>();
    const flagged: string[] = [];
    for (const { source, flags, site } of all) {
      const key = `${site} /${source}/${flags}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (ALLOWED.has(key)) continue;
      const reason = superLinearReason(new RegExp(source, flags));
      if (reason) flagged.push(`${key.length > 200 ? `${key.slice(0, 200)}…` : key}: ${reason}`);
    }
    expect(flagged).toEqual([]);
  });

  it("keeps no allow-list entry that no longer matches a pattern", () => {
    const keys = new Set(all.map(({ source, flags, site }) => `${site} /${source}/${flags}`));
    expect([...ALLOWED.keys()].filter((k) => !keys.has(k))).toEqual([]);
  });
});
