import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { deserialize } from "node:v8";
import { availableParallelism } from "node:os";
import path from "node:path";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { history } from "../src/index.js";
import { FIXTURES, ROOT } from "./helpers/fixtures.js";
import { versionsRepo } from "./helpers/history.js";

/**
 * The worker thread that parses ahead of `policylint log` (src/parse/thread.ts) runs only from the compiled library
 * (tests run the TypeScript sources, which have no worker beside them), so these tests run dist/ in a child process.
 * With one core there is no worker, and the tests say so rather than pass on the thread they did not use.
 */

const DIST = path.join(ROOT, "dist/src");
const MANY_CORES = availableParallelism() > 1;
if (!MANY_CORES)
  console.log("parse-thread tests: one core here, so no worker thread: only the one-thread parse is checked");

/** Runs an ES module script in a child process; its last line of output is JSON. */
function child(script: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
    // A history that never settles fails here rather than stalling the suite.
    timeout: 60_000,
  });
  expect(run.stderr.replace(/^EXIT \d+\n?$/m, "")).toBe("");
  const exitAfter = Number(/^EXIT (\d+)$/m.exec(run.stderr)?.[1] ?? NaN);
  return { out: JSON.parse(run.stdout.trim().split("\n").at(-1)!), exitAfter };
}

// How long after its last work the child's process ended: an idle worker must not keep it alive.
const EXIT_TIMER = `const done = Date.now(); process.on("exit", () => process.stderr.write("EXIT " + (Date.now() - done) + "\\n"));`;

describe("parsing in a worker thread (policylint log)", () => {
  it("gives the document parseDocument gives, sections still the tree's own nodes, on every fixture", () => {
    const files = globSync("**/*.md", { cwd: FIXTURES, absolute: true }).sort();
    expect(files.length).toBeGreaterThan(100);
    const script = `
      import { readFileSync } from "node:fs";
      import { isDeepStrictEqual } from "node:util";
      import { documentsFromThread, parserAhead } from ${JSON.stringify(`${DIST}/parse/thread.js`)};
      import { documentFromParts, parseDocument } from ${JSON.stringify(`${DIST}/parse/document.js`)};
      const ahead = parserAhead();
      const files = JSON.parse(process.env.FILES);
      const texts = files.map((f) => readFileSync(f, "utf8"));
      // All sent at once: replies come back in order, each to its own caller. A text beyond a limit (the fuzz
      // fixtures have some) the worker leaves to this thread, whose error is the one the caller gets.
      const outcome = (parse) => parse().then((doc) => ({ doc }), (e) => ({ error: e.name + ": " + e.message + " in " + e.filePath }));
      // A null answer (a text beyond a limit) is the caller's to parse, as history() does.
      const viaThread = async (t, f) => { const parts = ahead && await ahead.parse(t, f); return parts ? documentFromParts(parts) : parseDocument(t, f); };
      const threaded = await Promise.all(texts.map((t, i) => outcome(() => viaThread(t, files[i]))));
      const nodes = (tree) => { const all = new Set(); const walk = (n) => { all.add(n); for (const c of n.children ?? []) walk(c); }; walk(tree); return all; };
      const differ = [];
      const errors = [];
      for (const [i, got] of threaded.entries()) {
        const here = await outcome(async () => parseDocument(texts[i], files[i]));
        if (here.error || got.error) {
          if (here.error !== got.error) differ.push(files[i]);
          errors.push(here.error);
          continue;
        }
        const { pointAt: a, ...x } = got.doc;
        const { pointAt: b, ...y } = here.doc;
        const inTree = nodes(got.doc.tree);
        const own = got.doc.allSections.every((s) => inTree.has(s.heading) && s.blocks.every((n) => inTree.has(n))) &&
          got.doc.preamble.every((n) => got.doc.tree.children.includes(n));
        const points = [0, texts[i].length >> 1, texts[i].length].every((o) => isDeepStrictEqual(a(o), b(o)));
        if (!isDeepStrictEqual(x, y) || !own || !points) differ.push(files[i]);
      }
      ${EXIT_TIMER}
      console.log(JSON.stringify({ threaded: documentsFromThread(), differ, errors }));`;
    const { out, exitAfter } = child(script, { FILES: JSON.stringify(files) });
    // Every document but those beyond a limit came from the worker (run as `node --input-type=module -e`, whose
    // options a worker must not take on).
    expect(out.threaded).toBe(MANY_CORES ? files.length - out.errors.length : 0);
    expect(out.differ).toEqual([]);
    expect(out.errors.length).toBeGreaterThan(0);
    for (const error of out.errors) expect(error).toMatch(/^InputLimitError: .*beyond policylint's limit in /);
    // Idle, the worker ends after ten seconds; the process does not wait for it.
    expect(exitAfter).toBeLessThan(5_000);
  });

  it("the CLI's bundled worker (dist/cli/parse-worker.js) answers as the library's does", async () => {
    const { Worker } = await import("node:worker_threads");
    const { parseDocument } = await import("../src/parse/document.js");
    const text = readFileSync(path.join(FIXTURES, "seed/imagen-privacy-policy.md"), "utf8");
    const worker = new Worker(path.join(ROOT, "dist/cli/parse-worker.js"), { execArgv: [] });
    try {
      const reply = await new Promise<{ id: number; bytes: Uint8Array | null; parseMs: number }>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
        worker.postMessage({ id: 7, text, label: "seed.md" });
      });
      const here = parseDocument(text, "seed.md");
      const { pointAt: _function, ...parts } = here;
      expect(reply.id).toBe(7);
      expect(reply.parseMs).toBeGreaterThan(0);
      expect(deserialize(reply.bytes!)).toEqual(parts);
    } finally {
      await worker.terminate();
    }
  });

  it("parses here a tree too deep to rebuild, and gets YAML's binary values back from the worker as they were", () => {
    const seed = readFileSync(path.join(FIXTURES, "seed/imagen-privacy-policy.md"), "utf8");
    // 1,500 nested emphases in 6 KB: within every limit, deeper than this thread can rebuild from the worker's bytes.
    const deep = `${seed}\n${"*".repeat(3000)}a${"*".repeat(3000)}\n`;
    // `!!binary` is a Buffer to the YAML parser; a plain structured clone would give a Uint8Array back.
    const date = Buffer.from("March 1, 2024").toString("base64");
    const binary = `---\nlast_updated: !!binary ${date}\n---\n\n${seed.replace(/^Last updated: .*$/m, "")}`;
    const { dir, file } = versionsRepo([{ text: seed }, { text: deep }, { text: binary }, { text: seed }]);
    const script = `
      import { history } from ${JSON.stringify(`${DIST}/git/history.js`)};
      import { documentsFromThread } from ${JSON.stringify(`${DIST}/parse/thread.js`)};
      const h = await history(process.env.FILE, { cwd: process.env.DIR, threads: process.env.THREADS !== "no" });
      ${EXIT_TIMER}
      console.log(JSON.stringify({ threaded: documentsFromThread(), h }));`;
    const threaded = child(script, { FILE: file, DIR: dir });
    const alone = child(script, { FILE: file, DIR: dir, THREADS: "no" });
    // The seed twice and the binary front matter came from the worker; the deep tree was parsed here.
    expect(threaded.out.threaded).toBe(MANY_CORES ? 3 : 0);
    expect(threaded.out.h).toEqual(alone.out.h);
    expect(threaded.out.h.versions[1].stated).toBe("March 1, 2024");
    expect(threaded.exitAfter).toBeLessThan(5_000);
  });

  it("reads a history longer than its parsing ahead exactly as the history parsed in one thread", async () => {
    const seed = readFileSync(path.join(FIXTURES, "seed/imagen-privacy-policy.md"), "utf8");
    // Forty versions, each sharing more with the policy's Sharing section (a material change each time), the
    // fifth beyond the nesting limit in a copy of the repository: the first version with an error is the one named.
    const texts = Array.from({ length: 40 }, (_, i) =>
      seed.replace("### 2.1 How We Use Your Generations\n\n", (heading) => {
        const lines = Array.from({ length: i }, (_, j) => `We share usage data with Partner ${j + 1} Analytics.`);
        return `${heading}${lines.join(" ")}\n\n`;
      }),
    );
    const { dir, file } = versionsRepo(texts.map((text) => ({ text })));
    const here = await history(file, { cwd: dir });
    const script = `
      import { history } from ${JSON.stringify(`${DIST}/git/history.js`)};
      import { documentsFromThread } from ${JSON.stringify(`${DIST}/parse/thread.js`)};
      let out;
      try {
        out = { h: await history(process.env.FILE, { cwd: process.env.DIR, threads: process.env.THREADS !== "no" }) };
      } catch (e) {
        out = { error: { name: e.name, message: e.message, filePath: e.filePath } };
      }
      ${EXIT_TIMER}
      console.log(JSON.stringify({ threaded: documentsFromThread(), ...out }));`;
    const { out, exitAfter } = child(script, { FILE: file, DIR: dir });
    expect(out.threaded).toBe(MANY_CORES ? 40 : 0);
    expect(out.h).toEqual(JSON.parse(JSON.stringify(here)));
    // `threads: false` parses every version in the caller's thread, to the same history.
    const alone = child(script, { FILE: file, DIR: dir, THREADS: "no" }).out;
    expect(alone.threaded).toBe(0);
    expect(alone.h).toEqual(out.h);
    expect(here.versions).toHaveLength(40);
    expect(here.versions.slice(0, -1).every((v) => v.summary && v.summary.material + v.summary.substantive > 0)).toBe(
      true,
    );
    expect(exitAfter).toBeLessThan(5_000);

    // The fifth version beyond the nesting limit, the thirty-five after it parsed ahead: its error is the one given.
    const deep = versionsRepo(
      texts.map((text, i) => ({ text: i === 4 ? `${text}\n${">".repeat(200)} too deep\n` : text })),
    );
    const error = await history(deep.file, { cwd: deep.dir }).then(
      () => null,
      (e: Error & { filePath?: string }) => ({ name: e.name, message: e.message, filePath: e.filePath }),
    );
    expect(error?.message).toMatch(/nested deeper than 100 levels/);
    expect(error?.filePath).toMatch(/^[0-9a-f]{7}:policy\.md$/);
    expect(child(script, { FILE: deep.file, DIR: deep.dir }).out.error).toEqual(error);
  });
});
