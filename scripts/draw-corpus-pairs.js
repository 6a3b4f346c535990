#!/usr/bin/env node
// Draws consecutive version pairs of ../shared/corpus (the three git histories) that no label covers yet, in a seeded
// random order, to be labelled by reading before any tuning (issue 17: the share called material against the share
// that is). Reproducible: `node scripts/draw-corpus-pairs.js [SEED] [COUNT]` prints the same JSON for the same seed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../shared/corpus");
const labels = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../tests/corpus/significance-labels.json"), "utf8"),
);
const labelled = new Set(labels.map((l) => `${l.document} ${l.old} ${l.new}`));
let seed = Number(process.argv[2] ?? 17);
const count = Number(process.argv[3] ?? 40);
// mulberry32, as scripts/draw-label-pairs.js: the draw does not depend on Math.random.
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pairs = [];
for (const source of readdirSync(root).sort()) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, source, "manifest.json"), "utf8"));
  } catch {
    continue;
  }
  for (const doc of Object.keys(manifest).sort()) {
    const versions = manifest[doc];
    for (let k = 1; k < versions.length; k++) {
      const pair = {
        document: `${source}/${doc}`,
        old: versions[k - 1].file,
        new: versions[k].file,
        subject: versions[k].subject,
      };
      if (!labelled.has(`${pair.document} ${pair.old} ${pair.new}`)) pairs.push(pair);
    }
  }
}
for (let i = pairs.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
}
process.stdout.write(`${JSON.stringify(pairs.slice(0, count), null, 1)}\n`);
