#!/usr/bin/env node
// Is this checkout slower than another one? `npm run bench` times each row once, and on a shared virtual machine one
// pass of the same code varies by ±30%; this script compares two built checkouts (this one and OTHER, e.g. a git
// worktree of an older commit after `npm ci && npm run build`) in alternating rounds and keeps each one's best:
//
//   node scripts/bench-compare.js ../policylint-old [--rounds 3]
//
// Per round and checkout, in a fresh process: parse, diff and classify every consecutive version pair of the corpus
// (the best of three tries of each pair, summed), then `policylint check` of every corpus file in one thread (wall
// time). Prints the best round of each and the ratio this / other; a ratio above 1.00 is this checkout being slower.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = path.join(HERE, "..", "shared", "corpus");
const args = process.argv.slice(2);

if (args[0] === "--measure") {
  console.log(JSON.stringify(await measure(path.resolve(args[1]))));
} else {
  const other = args[0] && !args[0].startsWith("-") ? path.resolve(args[0]) : null;
  if (!other) {
    process.stderr.write("usage: bench-compare.js OTHER_CHECKOUT [--rounds N]\n");
    process.exit(2);
  }
  const rounds = Number(args.includes("--rounds") ? args[args.indexOf("--rounds") + 1] : 3);
  const best = { this: {}, other: {} };
  for (let round = 1; round <= rounds; round++) {
    for (const [name, root] of [
      ["this", HERE],
      ["other", other],
    ]) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--measure", root], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      });
      const times = JSON.parse(out);
      for (const [step, ms] of Object.entries(times)) best[name][step] = Math.min(best[name][step] ?? Infinity, ms);
      process.stderr.write(`round ${round} ${name}: ${JSON.stringify(times)}\n`);
    }
  }
  console.log(`step         this ms   other ms   this / other   (best of ${rounds} rounds)`);
  for (const step of Object.keys(best.this)) {
    const [a, b] = [best.this[step], best.other[step]];
    console.log(
      `${step.padEnd(10)} ${a.toFixed(0).padStart(9)} ${b.toFixed(0).padStart(10)} ${(a / b).toFixed(2).padStart(14)}`,
    );
  }
}

/** One checkout's times, in this process: its dist/ is imported, its CLI run. */
async function measure(root) {
  const load = (file) => import(pathToFileURL(path.join(root, "dist/src", file)).href);
  const { parseDocument } = await load("parse/document.js");
  const { diffDocuments } = await load("diff/index.js");
  const { classify, firstPartyOf } = await load("classify/index.js");
  const times = { parse: 0, diff: 0, classify: 0, check: 0 };
  const files = [];
  for (const source of readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const sourceDir = path.join(CORPUS, source.name);
    for (const doc of readdirSync(sourceDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const versions = readdirSync(path.join(sourceDir, doc.name))
        .filter((f) => f.endsWith(".md"))
        .sort()
        .map((f) => path.join(sourceDir, doc.name, f));
      files.push(...versions);
      const texts = versions.map((f) => readFileSync(f, "utf8"));
      for (let i = 1; i < texts.length; i++) {
        const tries = { parse: Infinity, diff: Infinity, classify: Infinity };
        for (let k = 0; k < 3; k++) {
          const t0 = performance.now();
          const [a, b] = [parseDocument(texts[i - 1], "old.md"), parseDocument(texts[i], "new.md")];
          const t1 = performance.now();
          const result = diffDocuments(a, b);
          const t2 = performance.now();
          classify(result, { firstParty: firstPartyOf(b), documents: { old: a, new: b } });
          const t3 = performance.now();
          tries.parse = Math.min(tries.parse, t1 - t0);
          tries.diff = Math.min(tries.diff, t2 - t1);
          tries.classify = Math.min(tries.classify, t3 - t2);
        }
        for (const step of Object.keys(tries)) times[step] += tries[step];
      }
    }
  }
  const bin = path.join(root, "bin/policylint.js");
  const start = performance.now();
  try {
    execFileSync(process.execPath, [bin, "check", ...files.sort(), "--concurrency", "off", "--today", "2026-11-25"], {
      stdio: "ignore",
      cwd: path.dirname(CORPUS),
    });
  } catch {
    // Findings exit 1: the time is what counts here.
  }
  times.check = performance.now() - start;
  return times;
}
