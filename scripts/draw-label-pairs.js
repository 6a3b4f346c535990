#!/usr/bin/env node
// Draws the corpus-web version pairs to label by reading, before any tuning (issue 13): for every document, its
// consecutive pairs in a seeded random order; the first three of each are the labelled set, the rest are the order in
// which further pairs are taken if a class is short. Reproducible: the same seed gives the same draw.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../shared/corpus-web/ota-pga");
const manifest = JSON.parse(readFileSync(path.join(root, "manifest.json"), "utf8"));
let seed = Number(process.argv[2] ?? 13);
// mulberry32: a small seeded generator, so the draw does not depend on Math.random.
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const out = {};
for (const doc of Object.keys(manifest).sort()) {
  const versions = manifest[doc];
  const pairs = versions.slice(1).map((v, i) => ({ old: versions[i].file, new: v.file, subject: v.subject }));
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  out[`ota-pga/${doc}`] = pairs;
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
