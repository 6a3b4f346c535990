// Process-level benchmarks of `policylint check` and `diff` against markdownlint-cli2 and the bare remark parse.
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measure, nodeCommand } from "./processes.js";

const RUNS = Number(process.env.POLICYLINT_BENCH_RUNS ?? 5);

export function checkSections({ ROOT, CORPUS, table, targets }) {
  const BIN = path.join(ROOT, "bin/policylint.js");
  const BARE = path.join(ROOT, "bench/bare-parse.js");
  const MARKDOWNLINT = path.join(ROOT, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs");
  const GITHUB_PRIVACY = path.join(CORPUS, "github-site-policy/privacy-statement");
  const newestPrivacy = () => path.join(GITHUB_PRIVACY, readdirSync(GITHUB_PRIVACY).sort().pop());
  const hasCorpus = () => {
    if (existsSync(CORPUS)) return true;
    console.log(`\nskipped: the corpus is not at ${CORPUS}`);
    return false;
  };
  const row = (r, base) => [
    r.label,
    r.medianMs.toFixed(0),
    (r.medianMs / base.medianMs).toFixed(2),
    r.maxRssMb.toFixed(0),
  ];
  const header = ["command", "median ms", "× first", "max RSS MB"];

  function cold() {
    if (!hasCorpus()) return;
    const file = newestPrivacy();
    const results = measure(
      [
        nodeCommand("bare parse (unified + remark-parse + gfm + frontmatter)", BARE, [file]),
        nodeCommand("policylint check", BIN, ["check", file, "--today", "2026-11-25"]),
        nodeCommand("markdownlint-cli2 0.20", MARKDOWNLINT, [file]),
      ],
      RUNS * 2,
    );
    table(
      `cold start: one policy (${path.relative(CORPUS, file)}, ${kb(file)} KB), median of ${RUNS * 2}`,
      header,
      results.map((r) => row(r, results[0])),
    );
    targets.push(["cold check ≤ 1.0× bare parse", ratio(results[1], results[0]), 1.0]);
    targets.push(["cold check vs markdownlint-cli2", ratio(results[1], results[2]), null]);
  }

  function throughput() {
    if (!hasCorpus()) return;
    const cache = path.join(os.tmpdir(), `policylint-bench-cache-${process.pid}`);
    const results = measure(
      [
        nodeCommand("bare parse of every file, one process", BARE, [CORPUS]),
        nodeCommand("policylint check (--concurrency auto)", BIN, ["check", ".", "--today", "2026-11-25"], {
          cwd: CORPUS,
        }),
        nodeCommand("markdownlint-cli2 0.20", MARKDOWNLINT, ["**/*.md"], { cwd: CORPUS }),
        // Warm: the cache is filled by the cold run just before (same files, same config), so nothing changed.
        nodeCommand(
          "policylint check --cache, warm",
          BIN,
          ["check", ".", "--today", "2026-11-25", "--cache", "--cache-location", cache],
          {
            cwd: CORPUS,
            before: () =>
              existsSync(cache) ||
              measure(
                [
                  nodeCommand(
                    "fill",
                    BIN,
                    ["check", ".", "--today", "2026-11-25", "--cache", "--cache-location", cache],
                    { cwd: CORPUS },
                  ),
                ],
                1,
              ),
          },
        ),
        // Not a target: what a second lint thread gives on this machine (see lintThreads in src/engine/pool.ts).
        nodeCommand(
          "policylint check --concurrency 2",
          BIN,
          ["check", ".", "--today", "2026-11-25", "--concurrency", "2"],
          { cwd: CORPUS },
        ),
      ],
      Math.max(3, Math.ceil(RUNS / 2)),
    );
    rmSync(cache, { force: true });
    const files = countMarkdown(CORPUS);
    table(
      `throughput: the whole corpus (${files} files, ${(sizeOf(CORPUS) / 1048576).toFixed(0)} MB)`,
      header,
      results.map((r) => row(r, results[0])),
    );
    targets.push(["corpus check ≤ 0.5× markdownlint-cli2", ratio(results[1], results[2]), 0.5]);
    targets.push(["warm --cache ≤ 0.1× cold check", ratio(results[3], results[1]), 0.1]);
    targets.push(["corpus check peak memory < 300 MB", results[1].maxRssMb.toFixed(0), 300]);
  }

  function diffProcess() {
    if (!hasCorpus()) return;
    const [a, b] = largestPair(CORPUS);
    const results = measure(
      [
        nodeCommand("bare parse of both files", BARE, [a, b]),
        nodeCommand("policylint diff --format json", BIN, ["diff", a, b, "--format", "json"]),
      ],
      RUNS * 2,
    );
    table(
      `diff, whole process: the largest pair (${path.relative(CORPUS, a)} → ${path.basename(b)})`,
      header,
      results.map((r) => row(r, results[0])),
    );
    targets.push(["largest-pair diff ≤ 2× bare parse of both", ratio(results[1], results[0]), 2.0]);
  }

  // Unrelated documents: the newest version of every document of both corpora (what a project's legal folder holds),
  // so no parsed piece is shared and nothing is remembered between files.
  function unrelated() {
    if (!hasCorpus()) return;
    const files = newestOfEach([CORPUS, path.resolve(CORPUS, "../corpus-web")]);
    const results = measure(
      [
        nodeCommand("bare parse of every file, one process", BARE, files),
        nodeCommand("policylint check (--concurrency auto)", BIN, ["check", ...files, "--today", "2026-11-25"]),
        nodeCommand("markdownlint-cli2 0.20", MARKDOWNLINT, files),
      ],
      Math.max(3, Math.ceil(RUNS / 2)),
    );
    const mb = files.reduce((n, f) => n + readFileSync(f).length, 0) / 1048576;
    table(
      `unrelated documents: the newest version of each of ${files.length} documents (${mb.toFixed(1)} MB)`,
      header,
      results.map((r) => row(r, results[0])),
    );
    targets.push(["unrelated documents ≤ 0.7× markdownlint-cli2", ratio(results[1], results[2]), 0.7]);
  }

  return { cold, throughput, unrelated, "diff-process": diffProcess };
}

function ratio(a, b) {
  return (a.medianMs / b.medianMs).toFixed(2);
}

function kb(file) {
  return (readFileSync(file).length / 1024).toFixed(0);
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith(".md")) out.push(full);
  }
  return out;
}

function countMarkdown(dir) {
  return walk(dir).length;
}

function sizeOf(dir) {
  return walk(dir).reduce((n, f) => n + readFileSync(f).length, 0);
}

/** The last version each manifest lists, for every document of every source under the given corpora. */
function newestOfEach(corpora) {
  const files = [];
  for (const corpus of corpora.filter((c) => existsSync(c))) {
    for (const source of readdirSync(corpus).sort()) {
      const manifest = path.join(corpus, source, "manifest.json");
      if (!existsSync(manifest)) continue;
      for (const [doc, versions] of Object.entries(JSON.parse(readFileSync(manifest, "utf8")))) {
        files.push(path.join(corpus, source, doc, versions[versions.length - 1].file));
      }
    }
  }
  return files.sort();
}

/** The consecutive pair with the most bytes between them. */
function largestPair(corpus) {
  let best = null;
  for (const source of readdirSync(corpus)) {
    const manifest = path.join(corpus, source, "manifest.json");
    if (!existsSync(manifest)) continue;
    for (const [doc, versions] of Object.entries(JSON.parse(readFileSync(manifest, "utf8")))) {
      const files = versions.map((v) => path.join(corpus, source, doc, v.file));
      for (let i = 1; i < files.length; i++) {
        const size = readFileSync(files[i - 1]).length + readFileSync(files[i]).length;
        if (!best || size > best.size) best = { size, pair: [files[i - 1], files[i]] };
      }
    }
  }
  return best.pair;
}
