#!/usr/bin/env node
// Loads the bundled CLI with a V8 code cache: the second and later runs skip compiling it, a sizeable share of a
// one-file check. The cache lives beside the package (or in the temp folder when that is not writable), is keyed
// by the bundle and Node's version, and any problem with it falls back to loading the bundle plainly.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";

// Parsing makes garbage fast and keeps little: V8's default lets the heap grow to several times what survives a
// collection before it collects again. Growing it by at most the live size keeps a whole-corpus check near 220 MB
// instead of 320 MB, for no measurable time (bench: `npm run bench throughput`).
v8.setFlagsFromString("--heap-growing-percent=100");

const bundle = fileURLToPath(new URL("../dist/cli/main.cjs", import.meta.url));
const require = createRequire(bundle);
// JS configuration files are ES modules or CommonJS; only a real module can import them, so the bundle uses this.
globalThis.__policylintImport = (specifier) => import(specifier);

function cacheFile() {
  const stat = statSync(bundle);
  const key = createHash("sha256")
    .update(`${bundle}:${stat.size}:${stat.mtimeMs}:${process.version}:${process.arch}`)
    .digest("hex")
    .slice(0, 16);
  return path.join(os.tmpdir(), `policylint-${process.getuid?.() ?? "user"}`, `${key}.cache`);
}

function load() {
  if (process.env.POLICYLINT_NO_COMPILE_CACHE) return require(bundle);
  const source = readFileSync(bundle, "utf8");
  let file;
  let cached;
  try {
    file = cacheFile();
    cached = readFileSync(file);
  } catch {
    cached = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData: cached });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, require, module, bundle, path.dirname(bundle));
  const save = () => {
    if (!file || (cached && !script.cachedDataRejected)) return;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, file);
      pruneOldCaches(path.dirname(file));
    } catch {
      // A read-only temp folder only costs the speed-up.
    }
  };
  return { ...module.exports, save };
}

// Every build or Node upgrade makes a new cache file; those not used for a week are removed when one is written.
function pruneOldCaches(dir) {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name.endsWith(".cache") && statSync(full).atimeMs < weekAgo) rmSync(full, { force: true });
  }
}

// A reader that stops early (`policylint log x.md | head`) closes the pipe, and Node, which ignores SIGPIPE, reports
// each later write as an EPIPE error that killed the run with a stack trace. Whatever is left to write has no reader:
// it is dropped, as git and grep stop writing there, and the run ends with the exit code it decides.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
}

const cli = load();
cli.main(process.argv).then(
  (code) => {
    // Made after the run, so the functions the run compiled are in it too.
    cli.save?.();
    process.exitCode = code;
  },
  (error) => {
    // Only a bug of ours reaches here; user errors are turned into one-line messages by main().
    process.stderr.write(`policylint: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
