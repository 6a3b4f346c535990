import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { resolveConfig } from "../../src/config/load.js";
import { lintWithSettings } from "../../src/engine/lint.js";
import type { LintMessage } from "../../src/engine/types.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const FIXTURES = path.join(ROOT, "fixtures");
export const CORPUS = path.resolve(ROOT, "../shared/corpus");
export const HAS_CORPUS = existsSync(CORPUS);
/** Policies captured from web pages by other people's crawler (../shared/corpus-web/README.md). */
export const CORPUS_WEB = path.resolve(ROOT, "../shared/corpus-web");
export const HAS_CORPUS_WEB = existsSync(CORPUS_WEB);

/**
 * A rule fixture is a Markdown file under fixtures/rules/<rule-id>/ that ends in its own expectations:
 *
 *   <!-- expected
 *   options: {"maxAgeDays": 30}
 *   today: 2026-05-01
 *   3:12 no-placeholders "[YOUR NAME]"
 *   -->
 *
 * Each finding line is `LINE:COLUMN RULE-ID "text the message must contain"` (the quoted part is optional).
 * The block is cut off before linting, so it is never seen by the rules, and lines above it keep their numbers.
 */
export interface RuleFixture {
  file: string;
  ruleId: string;
  text: string;
  options: Record<string, unknown> | undefined;
  today: string;
  expected: { line: number; column: number; ruleId: string; contains?: string }[];
}

const EXPECTED_BLOCK = /<!--\s*expected\b([^]*?)-->\s*$/;

export function readRuleFixture(file: string): RuleFixture {
  const raw = readFileSync(file, "utf8");
  const match = EXPECTED_BLOCK.exec(raw);
  if (!match) throw new Error(`${file}: no <!-- expected … --> block at the end`);
  const ruleId = path.basename(path.dirname(file));
  let options: Record<string, unknown> | undefined;
  let today = "2026-11-25";
  const expected: RuleFixture["expected"] = [];
  for (const line of match[1]
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    if (line.startsWith("options:")) options = JSON.parse(line.slice("options:".length));
    else if (line.startsWith("today:")) today = line.slice("today:".length).trim();
    else {
      const finding = /^(\d+):(\d+)\s+([\w-]+)(?:\s+"(.*)")?$/.exec(line);
      if (!finding) throw new Error(`${file}: cannot read expectation "${line}"`);
      expected.push({ line: Number(finding[1]), column: Number(finding[2]), ruleId: finding[3], contains: finding[4] });
    }
  }
  return { file, ruleId, text: raw.slice(0, match.index), options, today, expected };
}

export function ruleFixtureFiles(): string[] {
  const dir = path.join(FIXTURES, "rules");
  return readdirSync(dir)
    .flatMap((rule) =>
      readdirSync(path.join(dir, rule))
        .filter((f) => f.endsWith(".md"))
        .map((f) => path.join(dir, rule, f)),
    )
    .sort();
}

/** Lints text with only the named rules on, at their defaults or with the given options. */
export function lintWith(
  text: string,
  rules: Record<string, unknown>,
  today = "2026-11-25",
  file = "fixture.md",
): LintMessage[] {
  const config = resolveConfig({ rules }, null, ROOT);
  return lintWithSettings(text, file, { rules: config.rules, today }).messages;
}

export function lintFixture(fixture: RuleFixture): LintMessage[] {
  const entry = fixture.options ? ["error", fixture.options] : "error";
  return lintWith(fixture.text, { [fixture.ruleId]: entry }, fixture.today, fixture.file);
}

export function corpusNewest(): string[] {
  const out: string[] = [];
  for (const source of readdirSync(CORPUS).sort()) {
    const dir = path.join(CORPUS, source);
    if (!existsSync(path.join(dir, "manifest.json"))) continue;
    for (const doc of readdirSync(dir).sort()) {
      const docDir = path.join(dir, doc);
      if (doc.endsWith(".json")) continue;
      const versions = readdirSync(docDir)
        .filter((f) => f.endsWith(".md"))
        .sort();
      if (versions.length) out.push(path.join(docDir, versions[versions.length - 1]));
    }
  }
  return out;
}

/** The newest version of every document of corpus-web (none where it is not beside the repository). */
export function newestWebVersions(): string[] {
  if (!HAS_CORPUS_WEB) return [];
  const out: string[] = [];
  for (const source of readdirSync(CORPUS_WEB, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const docs = readdirSync(path.join(CORPUS_WEB, source.name), { withFileTypes: true });
    for (const doc of docs
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()) {
      const dir = path.join(CORPUS_WEB, source.name, doc);
      const versions = readdirSync(dir)
        .filter((f) => f.endsWith(".md"))
        .sort();
      if (versions.length) out.push(path.join(dir, versions[versions.length - 1]));
    }
  }
  return out;
}
