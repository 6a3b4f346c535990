// Benchmarks for `npm run bench`, against the built dist/ (run `npm run build` first); not part of `npm test`.
// Each section measures one concern and prints its own tables; add a section to SECTIONS for a new one.
// Usage: node bench/run.js [section…]   (default: every section; the limits, large-files and many-files, take several
//        minutes each: `npm run bench -- deep-nesting` runs one by name)
import { existsSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = path.resolve(ROOT, "../shared/corpus");
const DIST = path.join(ROOT, "dist/src");

if (!existsSync(path.join(DIST, "diff/index.js"))) {
  console.error("bench: dist/ is not built; run `npm run build` first");
  process.exit(2);
}
const { parseDocument } = await import(path.join(DIST, "parse/document.js"));
const { resetPieceMemory, DEFAULT_PIECE_MEMORY } = await import(path.join(DIST, "parse/markdown.js"));
const { diffDocuments } = await import(path.join(DIST, "diff/index.js"));
const { checkSections } = await import("./check.js");
const { limitSections } = await import("./limits.js");
const { logSections } = await import("./log.js");

const targets = [];
const SECTIONS = {
  ...checkSections({ ROOT, CORPUS, table, targets }),
  diff: benchDiff,
  pieces: benchPieces,
  ...limitSections({ ROOT, CORPUS, table, targets }),
  ...logSections({
    CORPUS,
    DIST,
    table,
    targets,
    best: (...a) => best(...a),
    corpusDocuments: () => corpusDocuments(),
  }),
};

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function now() {
  return performance.now();
}

/**
 * Milliseconds of `fn`, the best of `runs` (the least disturbed by GC and the JIT). Each run starts with no parsed
 * pieces remembered, as a fresh process does; `setup` runs untimed before each run and its result is passed in, so
 * per-document caches never make a later run look cheaper than a real one.
 */
function best(fn, runs = 3, setup = () => undefined) {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    resetPieceMemory();
    const input = setup();
    const start = now();
    fn(input);
    min = Math.min(min, now() - start);
  }
  return min;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (value) => value.toFixed(1);

function table(title, header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
}

/** Every document of the corpus with its versions in order: [{ name, files: [absolute paths] }]. */
function corpusDocuments() {
  const documents = [];
  for (const source of readdirSync(CORPUS).sort()) {
    const manifest = path.join(CORPUS, source, "manifest.json");
    if (!existsSync(manifest)) continue;
    for (const [doc, versions] of Object.entries(JSON.parse(readFileSync(manifest, "utf8")))) {
      documents.push({ name: `${source}/${doc}`, files: versions.map((v) => path.join(CORPUS, source, doc, v.file)) });
    }
  }
  return documents;
}

// ---------------------------------------------------------------------------------------------------------------
// diff: every consecutive pair of every document; the largest pair against a bare parse; scaling with size.

function benchDiff() {
  if (!existsSync(CORPUS)) {
    console.log(`\ndiff: skipped, the corpus is not at ${CORPUS}`);
    return;
  }
  const documents = corpusDocuments();
  const texts = new Map(documents.flatMap((d) => d.files.map((f) => [f, readFileSync(f, "utf8")])));
  const pairs = documents.flatMap((d) => d.files.slice(1).map((f, i) => ({ document: d.name, a: d.files[i], b: f })));
  const size = (p) => texts.get(p.a).length + texts.get(p.b).length;
  const largest = pairs.reduce((x, y) => (size(y) > size(x) ? y : x));
  const run = (a, b) => diffDocuments(parseDocument(a, "old"), parseDocument(b, "new"));

  // Warm the JIT on the largest pair so the first document measured is not charged for it.
  for (let i = 0; i < 5; i++) run(texts.get(largest.a), texts.get(largest.b));

  const rows = [];
  for (const d of documents) {
    const own = pairs.filter((p) => p.document === d.name);
    const total = [];
    const diffOnly = [];
    for (const p of own) {
      // One `policylint diff` per pair: the older file's pieces are not remembered from the pair before.
      resetPieceMemory();
      const start = now();
      const a = parseDocument(texts.get(p.a), p.a);
      const b = parseDocument(texts.get(p.b), p.b);
      const parsed = now();
      diffDocuments(a, b);
      const done = now();
      total.push(done - start);
      diffOnly.push(done - parsed);
    }
    const kb = Math.max(...d.files.map((f) => texts.get(f).length)) / 1024;
    rows.push([
      d.name,
      own.length,
      kb.toFixed(0),
      ms(total.reduce((s, t) => s + t, 0)),
      ms(median(total)),
      ms(Math.max(...total)),
      ms(median(diffOnly)),
      ms(Math.max(...diffOnly)),
    ]);
  }
  table(
    "diff: consecutive version pairs per document (parse both + diff, ms; 'diff only' excludes the parse)",
    ["document", "pairs", "max KB", "total", "median", "max", "diff only median", "diff only max"],
    rows,
  );

  const [a, b] = [texts.get(largest.a), texts.get(largest.b)];
  const parseOnly = best(() => {
    parseDocument(a, "old");
    parseDocument(b, "new");
  }, 5);
  const parseBoth = (x, y) => () => [parseDocument(x, "old"), parseDocument(y, "new")];
  const diffOnly = best(([x, y]) => diffDocuments(x, y), 5, parseBoth(a, b));
  table(
    `diff: the largest pair, ${path.relative(CORPUS, largest.a)} → ${path.basename(largest.b)} (${(size(largest) / 1024).toFixed(0)} KB; best of 5, ms)`,
    ["step", "ms", "× parse"],
    [
      ["parse both files", ms(parseOnly), "1.00"],
      ["diff (parsed)", ms(diffOnly), (diffOnly / parseOnly).toFixed(2)],
      ["parse + diff", ms(parseOnly + diffOnly), ((parseOnly + diffOnly) / parseOnly).toFixed(2)],
    ],
  );

  // The same pair repeated end to end: the work must grow about linearly (aim: 16× the text within 20× the time).
  // Remembered pieces would parse each copy after the first for almost nothing, so they are off here: this measures
  // how the parse and the diff grow with new text.
  resetPieceMemory(0);
  const scaling = [];
  let base = 0;
  let baseDiff = 0;
  for (const n of [1, 4, 16]) {
    const [bigA, bigB] = [Array(n).fill(a).join("\n\n"), Array(n).fill(b).join("\n\n")];
    const runs = 3;
    const t = best(() => run(bigA, bigB), runs);
    const d = best(([x, y]) => diffDocuments(x, y), runs, parseBoth(bigA, bigB));
    if (n === 1) [base, baseDiff] = [t, d];
    scaling.push([
      `${n}×`,
      ((bigA.length + bigB.length) / 1024).toFixed(0),
      ms(t),
      (t / base).toFixed(1),
      ms(d),
      (d / baseDiff).toFixed(1),
    ]);
    if (n === 16) targets.push(["diff of 16× the input ≤ 20× the 1× time", (t / base).toFixed(1), 20]);
  }
  resetPieceMemory(DEFAULT_PIECE_MEMORY);
  table(
    "diff: the largest pair repeated (best run, ms; aim: 16× the text within 20× the 1× time)",
    ["size", "KB", "parse + diff", "× 1×", "diff only", "× 1×"],
    scaling,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// pieces: what remembering parsed pieces saves, and what a corpus of unrelated documents would cost instead.

function benchPieces() {
  if (!existsSync(CORPUS)) {
    console.log(`\npieces: skipped, the corpus is not at ${CORPUS}`);
    return;
  }
  const files = corpusDocuments().flatMap((d) => d.files);
  const texts = files.map((f) => readFileSync(f, "utf8"));
  const newest = corpusDocuments().map((d) => readFileSync(d.files[d.files.length - 1], "utf8"));
  const parseAll = (list) => () => list.forEach((text) => parseDocument(text));
  const rows = [];
  for (const [label, list] of [
    ["every version, in history order", texts],
    ["the newest version of each document", newest],
  ]) {
    const remembered = best(parseAll(list), 3);
    resetPieceMemory(0);
    const whole = best(parseAll(list), 3);
    resetPieceMemory(DEFAULT_PIECE_MEMORY);
    rows.push([label, list.length, ms(whole), ms(remembered), (remembered / whole).toFixed(2)]);
  }
  table(
    "pieces: parsing documents in process, nothing remembered vs remembered pieces (best of 3, ms)",
    ["documents", "files", "nothing remembered", "remembered", "ratio"],
    rows,
  );
}

// ---------------------------------------------------------------------------------------------------------------

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length) {
  console.error(`bench: unknown section ${unknown.join(", ")} (have: ${Object.keys(SECTIONS).join(", ")})`);
  process.exit(2);
}
console.log(
  `policylint bench on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
for (const name of wanted.length ? wanted : Object.keys(SECTIONS)) await SECTIONS[name]();
if (targets.length) {
  table(
    "targets (ratios from this run)",
    ["target", "measured", "limit", "met"],
    targets.map(([name, value, limit]) => [
      name,
      value,
      limit ?? "-",
      limit === null ? "-" : Number(value) <= limit ? "yes" : "NO",
    ]),
  );
}
