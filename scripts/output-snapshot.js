#!/usr/bin/env node
// Proves a refactor changed nothing a user sees: runs the built CLI (dist/cli/main.cjs, in this process so the 2,000
// runs take minutes, not the half hour separate processes would) over every document and every consecutive pair of
// both corpora, and records a SHA-256 of each run's exit code, standard output and standard error.
//
//   npm run build && node scripts/output-snapshot.js --write /tmp/before.tsv     on the old code
//   npm run build && node scripts/output-snapshot.js --compare /tmp/before.tsv   on the new code: exit 1 on a difference
//   add --keep DIR to write every output to DIR (one file per run) to read a difference
//   add --only TEXT to run only the runs whose name contains TEXT
//
// The runs: `check --format json` and `check --format stylish` of each document, `diff --format json` and
// `diff --format markdown` of each consecutive pair, `notice --format json` of every fifth pair. --today and the
// configuration are fixed, so the output depends on the code alone.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = path.join(root, "..", "shared");
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
// File options are read relative to where the script was started; the runs themselves happen in `shared`.
const fileOption = (name) => (option(name) ? path.resolve(option(name)) : undefined);
const mode = option("--write") ? "write" : option("--compare") ? "compare" : undefined;
if (!mode) {
  process.stderr.write("usage: output-snapshot.js --write FILE | --compare FILE [--keep DIR] [--only TEXT]\n");
  process.exit(2);
}
const keep = fileOption("--keep");
const only = option("--only");

/** Every document's versions in manifest order, for the corpus folders beside the repository. */
function documents() {
  const roots = [];
  const corpus = path.join(shared, "corpus");
  if (existsSync(corpus)) for (const d of readdirSync(corpus).sort()) roots.push(path.join(corpus, d));
  roots.push(path.join(shared, "corpus-web", "ota-pga"));
  const out = [];
  for (const dir of roots) {
    const manifest = path.join(dir, "manifest.json");
    if (!existsSync(manifest)) continue;
    const listed = JSON.parse(readFileSync(manifest, "utf8"));
    for (const name of Object.keys(listed).sort()) {
      out.push({
        name: path.relative(shared, path.join(dir, name)),
        files: listed[name].map((v) => path.join(dir, name, v.file)),
      });
    }
  }
  return out;
}

function runs() {
  const list = [];
  let pair = 0;
  for (const doc of documents()) {
    doc.files.forEach((file, k) => {
      const id = `${doc.name}/${path.basename(file)}`;
      list.push({
        name: `check-json ${id}`,
        argv: ["check", "--format", "json", "--today", "2026-11-28", "--concurrency", "off", file],
      });
      list.push({
        name: `check-stylish ${id}`,
        argv: ["check", "--no-color", "--today", "2026-11-28", "--concurrency", "off", file],
      });
      if (k === 0) return;
      const from = doc.files[k - 1];
      const pairId = `${doc.name}/${path.basename(from)}→${path.basename(file)}`;
      list.push({ name: `diff-json ${pairId}`, argv: ["diff", "--format", "json", from, file] });
      list.push({ name: `diff-markdown ${pairId}`, argv: ["diff", "--format", "markdown", from, file] });
      if (pair++ % 5 === 0)
        list.push({ name: `notice-json ${pairId}`, argv: ["notice", "--format", "json", from, file] });
    });
  }
  return only ? list.filter((r) => r.name.includes(only)) : list;
}

const require = createRequire(import.meta.url);
globalThis.__policylintImport = (specifier) => import(specifier);
const cli = require(path.join(root, "dist/cli/main.cjs"));

/** Runs the CLI once with standard output and error captured; paths are printed relative to `shared`. */
async function capture(argv) {
  const out = [];
  const err = [];
  const write = (sink) => (chunk, encoding, callback) => {
    sink.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const done = typeof encoding === "function" ? encoding : callback;
    if (done) done();
    return true;
  };
  const [stdout, stderr] = [process.stdout.write, process.stderr.write];
  process.stdout.write = write(out);
  process.stderr.write = write(err);
  let code;
  try {
    code = await cli.main(["node", "policylint", ...argv]);
  } catch (error) {
    code = `threw ${error && error.message}`;
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  return `exit ${code}\n--- stdout\n${out.join("")}\n--- stderr\n${err.join("")}`;
}

const previous = new Map();
if (mode === "compare") {
  for (const line of readFileSync(fileOption("--compare"), "utf8").split("\n")) {
    const [name, hash] = line.split("\t");
    if (name) previous.set(name, hash);
  }
}
process.chdir(shared);
if (keep) mkdirSync(keep, { recursive: true });
const lines = [];
let differ = 0;
const list = runs();
const started = Date.now();
for (const [k, run] of list.entries()) {
  const output = await capture(run.argv.map((a) => (path.isAbsolute(a) ? path.relative(shared, a) : a)));
  const hash = createHash("sha256").update(output).digest("hex");
  lines.push(`${run.name}\t${hash}`);
  if (keep) writeFileSync(path.join(keep, run.name.replace(/[/ →]/g, "_")), output);
  if (mode === "compare" && previous.get(run.name) !== hash) {
    differ++;
    process.stderr.write(`${previous.has(run.name) ? "differs" : "new"}: ${run.name}\n`);
  }
  if (process.stderr.isTTY && k % 100 === 0) process.stderr.write(`${k}/${list.length} runs\r`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (mode === "write") {
  writeFileSync(fileOption("--write"), `${lines.join("\n")}\n`);
  process.stdout.write(`${lines.length} runs recorded in ${seconds} s\n`);
} else {
  const missing = [...previous.keys()].filter((name) => !lines.some((l) => l.startsWith(`${name}\t`)));
  for (const name of only ? [] : missing) process.stderr.write(`missing: ${name}\n`);
  const bad = differ + (only ? 0 : missing.length);
  process.stdout.write(`${lines.length} runs, ${bad} differ from the snapshot (${seconds} s)\n`);
  process.exitCode = bad ? 1 : 0;
}
