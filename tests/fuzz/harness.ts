/**
 * What every fuzz case must survive, shared by the fuzz properties (tests/fuzz/*.test.ts, `npm run test:fuzz`), the
 * regressions they found (tests/fuzz-regressions.test.ts, part of `npm test`) and the corpus no-crash test.
 *
 * For a pair of texts A, B: `check` with every rule on, as the CLI runs it (lintTask: a rule that throws becomes an
 * "internal error while checking" problem), on both; `diff` A B classified and rendered in every format; `notice`
 * A B in every format; `diff` B A, which must mirror A B (tests/helpers/mirror.ts); and `diff` B B, which must find
 * no change. A case that takes more than CASE_LIMIT_MS of CPU time fails.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { classify, firstPartyOf } from "../../src/classify/index.js";
import { renderNotice } from "../../src/classify/notice.js";
import { resolveConfig, type ResolvedConfig } from "../../src/config/load.js";
import { mirrorMismatch } from "../helpers/mirror.js";
import {
  diffDocuments,
  type DiffResult,
  renderJson,
  renderMarkdown,
  renderStat,
  renderTerminal,
} from "../../src/diff/index.js";
import { lintDocument } from "../../src/engine/lint.js";
import { fileSettings, lintTask } from "../../src/engine/pool.js";
import { parseDocument, type PolicyDocument } from "../../src/parse/document.js";
import { InputLimitError } from "../../src/parse/limits.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const FUZZ_FIXTURES = path.join(ROOT, "fixtures/fuzz");

/** Total cases across the fuzz suite (FUZZ_RUNS), and the seed every property starts from (FUZZ_SEED). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_113);
// A hang detector, not a benchmark: the slowest generated documents (15 KB of nothing but awkward constructs, checked
// with every law's list and diffed against nothing) take about 3 s here, and a loaded CI machine twice that.
export const CASE_LIMIT_MS = Number(process.env.FUZZ_CASE_LIMIT_MS ?? 15_000);

/** This property's share of FUZZ_RUNS. */
export function runsFor(fraction: number): number {
  return Math.max(1, Math.round(FUZZ_RUNS * fraction));
}

/** Every rule on, required-sections with every law's list: the most code a document can reach. */
const CONFIG: ResolvedConfig = resolveConfig(
  {
    extends: "policylint:recommended",
    rules: { "required-sections": ["error", { disclosures: ["recommended", "gdpr", "ccpa", "us-states", "coppa"] }] },
  },
  null,
  ROOT,
);
const CONTEXT = { config: CONFIG, cwd: ROOT, today: "2026-11-25" };

/**
 * `check` on one text, as the CLI's lint threads run it; throws on an internal error or an impossible position.
 * Returns "refused" for a text beyond a stated limit (src/parse/limits.ts), which check reports as that limit.
 */
export function checkText(text: string, file = "policy.md"): "checked" | "refused" {
  const reply = lintTask({ index: 0, text, displayPath: file }, CONTEXT);
  if ("problem" in reply) {
    if (/internal error/i.test(reply.problem)) throw new Error(`check: ${reply.problem}`);
    return "refused";
  }
  for (const m of reply.messages) {
    if (m.ruleId === null && /internal error/i.test(m.message)) throw new Error(`check: ${m.message}`);
    for (const n of [m.line, m.column, m.endLine ?? 1, m.endColumn ?? 1]) {
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`check: ${m.ruleId} reported at ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`);
    }
  }
  return "checked";
}

/** `check` on a parsed document, the rules as lintTask runs them; throws what a rule throws. */
export function checkDocument(doc: PolicyDocument): void {
  lintDocument(doc, { rules: fileSettings(doc.filePath, CONTEXT), today: CONTEXT.today });
}

/** `diff` and `notice` of A → B, as the CLI runs them (compare() in src/compare.ts), with every renderer. */
export function diffAndNotice(
  a: string | PolicyDocument,
  b: string | PolicyDocument,
  render = true,
): { changes: number; result: DiffResult } {
  const newDoc = typeof b === "string" ? parseDocument(b, "new.md") : b;
  const oldDoc = typeof a === "string" ? parseDocument(a, "old.md") : a;
  const result = diffDocuments(oldDoc, newDoc);
  const { result: classified, findings } = classify(result, {
    firstParty: firstPartyOf(newDoc),
    documents: { old: oldDoc, new: newDoc },
  });
  if (render) {
    renderJson(classified);
    renderMarkdown(classified);
    renderStat(classified, { color: true });
    renderTerminal(classified, { color: true });
  }
  const title = newDoc.frontMatter.data?.title;
  // Every notice format for regressions and the corpus; one (in turn) per fuzz case keeps 10 000 cases affordable.
  const formats = render
    ? (["markdown", "text", "html"] as const)
    : ([(["markdown", "text", "html"] as const)[noticeTurn++ % 3]] as const);
  for (const format of formats) {
    renderNotice(
      {
        result: classified,
        findings,
        title: typeof title === "string" ? title : (newDoc.allSections[0]?.title ?? null),
        effective: "June 1, 2026",
        url: null,
      },
      format,
    );
  }
  return { changes: classified.changes.length, result };
}

let noticeTurn = 0;

/**
 * CPU time of this process (each fuzz file runs in its own forked process), not the clock: a hang burns CPU, while a
 * case that waited for a core on a loaded machine did not hang (a 2.4 s case took over 15 s of clock at nice 19).
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The whole contract for one pair of texts; throws with the step that failed. `render`: every renderer and notice
 * format (regressions, the corpus); the fuzz properties render every one in turn instead, one per case.
 */
export function exercise(a: string, b: string, render = true): void {
  const started = cpuMs();
  const refused = [checkText(a, "old.md"), checkText(b, "new.md")].includes("refused");
  if (refused) {
    // diff and notice must refuse it too, with the same one-line reason, and throw nothing else.
    try {
      diffAndNotice(a, b, render);
    } catch (error) {
      if (error instanceof InputLimitError) return;
      throw error;
    }
    throw new Error("diff accepted a text that check refused as beyond a limit");
  }
  const [oldDoc, newDoc] = [parseDocument(a, "old.md"), parseDocument(b, "new.md")];
  const forward = diffAndNotice(oldDoc, newDoc, render || noticeTurn % 4 === 0).result;
  const mirror = mirrorMismatch(forward.changes, diffDocuments(newDoc, oldDoc).changes);
  if (mirror.forward.length || mirror.backward.length) {
    throw new Error(
      `diff B A does not mirror diff A B:\n  only A→B: ${mirror.forward.join("\n  ")}\n  only B→A: ${mirror.backward.join("\n  ")}`,
    );
  }
  const same = diffAndNotice(b, b, false);
  if (same.changes !== 0) throw new Error(`diff of a text with itself found ${same.changes} change(s)`);
  const took = cpuMs() - started;
  if (took > CASE_LIMIT_MS) throw new Error(`case took ${Math.round(took)} ms of CPU (limit ${CASE_LIMIT_MS} ms)`);
}

/**
 * Keeps a failing case as fixtures/fuzz/<name>-<hash>.old.md / .new.md, byte for byte (CR, NUL and BOM included:
 * fixtures/fuzz is -text in .gitattributes), for tests/fuzz-regressions.test.ts. Returns the base path.
 */
export function saveFailure(name: string, a: string, b: string): string {
  mkdirSync(FUZZ_FIXTURES, { recursive: true });
  const hash = createHash("sha256").update(a).update("\u0000\u0000").update(b).digest("hex").slice(0, 10);
  const base = path.join(FUZZ_FIXTURES, `${name}-${hash}`);
  writeFileSync(`${base}.old.md`, a);
  writeFileSync(`${base}.new.md`, b);
  return base;
}

/** The fixture pairs kept so far: [name, old text, new text]. */
export function savedFailures(): [string, string, string][] {
  if (!existsSync(FUZZ_FIXTURES)) return [];
  return readdirSync(FUZZ_FIXTURES)
    .filter((f) => f.endsWith(".old.md"))
    .sort()
    .map((f) => {
      const base = f.slice(0, -".old.md".length);
      return [
        base,
        readFileSync(path.join(FUZZ_FIXTURES, f), "utf8"),
        readFileSync(path.join(FUZZ_FIXTURES, `${base}.new.md`), "utf8"),
      ];
    });
}

/** The two corpora, relative to the repository: git histories of three policy repos, and OTA's web captures. */
export const CORPUS_SOURCES_ROOT = path.resolve(ROOT, "../shared/corpus");
export const CORPUS_WEB = path.resolve(ROOT, "../shared/corpus-web/ota-pga");

export interface CorpusDocument {
  /** "github-site-policy/privacy-statement", "ota-pga/bluesky-terms-of-service". */
  name: string;
  /** Version files, oldest first, as manifest.json lists them. */
  versions: { file: string; date: string }[];
}

/** Every document of both corpora, from each source folder's manifest.json; none when the corpora are absent. */
export function corpusDocuments(): CorpusDocument[] {
  const sources = existsSync(CORPUS_SOURCES_ROOT)
    ? readdirSync(CORPUS_SOURCES_ROOT)
        .sort()
        .map((s) => path.join(CORPUS_SOURCES_ROOT, s))
    : [];
  sources.push(CORPUS_WEB);
  const out: CorpusDocument[] = [];
  for (const source of sources) {
    const manifestFile = path.join(source, "manifest.json");
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, { file: string; date: string }[]>;
    for (const doc of Object.keys(manifest).sort()) {
      const versions = manifest[doc]
        .map((v) => ({ file: path.join(source, doc, v.file), date: v.date }))
        .filter((v) => existsSync(v.file));
      if (versions.length) out.push({ name: `${path.basename(source)}/${doc}`, versions });
    }
  }
  return out;
}

/**
 * Runs `exercise` on `runs` pairs drawn from `cases` with a fixed seed (FUZZ_SEED, or FUZZ_SEED + n for the n-th
 * share of a property split across files so that vitest's workers each take one). A failure is shrunk by fast-check, saved
 * with saveFailure (so it becomes a regression fixture) and reported with the seed and path to replay it.
 */
export function fuzz<T>(
  name: string,
  cases: fc.Arbitrary<T>,
  toPair: (c: T) => [string, string],
  runs: number,
  seed = FUZZ_SEED,
): void {
  // The case in hand is written down first: a case that kills the process (V8 out of memory) leaves it behind as
  // fixtures/fuzz/<name>-inflight-<pid>.old.md/.new.md, where the regression test replays it. Removed on a clean finish.
  const inflight = path.join(FUZZ_FIXTURES, `${name}-inflight-${process.pid}`);
  mkdirSync(FUZZ_FIXTURES, { recursive: true });
  const details = fc.check(
    fc.property(cases, (c) => {
      const [a, b] = toPair(c);
      writeFileSync(`${inflight}.old.md`, a);
      writeFileSync(`${inflight}.new.md`, b);
      exercise(a, b, false);
    }),
    { seed, numRuns: runs, endOnFailure: false },
  );
  rmSync(`${inflight}.old.md`, { force: true });
  rmSync(`${inflight}.new.md`, { force: true });
  if (!details.failed) return;
  const [a, b] = details.counterexample ? toPair(details.counterexample[0]) : ["", ""];
  const saved = details.counterexample ? saveFailure(name, a, b) : "(no counterexample)";
  const error =
    details.errorInstance instanceof Error
      ? (details.errorInstance.stack ?? details.errorInstance.message)
      : String(details.errorInstance);
  throw new Error(
    `${name}: failed after ${details.numRuns} case(s), seed ${details.seed}, path "${details.counterexamplePath}"; kept as ${saved}.old.md/.new.md\n${error}`,
  );
}
