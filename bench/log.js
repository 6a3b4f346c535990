// `policylint log` on the largest corpus document: every version committed in order to a scratch repository, then
// the history read and compared in process, against parsing each version once (the aim: at most 2×).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function logSections({ CORPUS, DIST, table, targets, best, corpusDocuments }) {
  async function log() {
    if (!existsSync(CORPUS)) {
      console.log(`\nlog: skipped, the corpus is not at ${CORPUS}`);
      return;
    }
    const { parseDocument } = await import(path.join(DIST, "parse/document.js"));
    const { history } = await import(path.join(DIST, "git/history.js"));
    const size = (d) => d.files.reduce((n, f) => n + readFileSync(f, "utf8").length, 0);
    const largest = corpusDocuments().reduce((x, y) => (size(y) > size(x) ? y : x));
    const texts = largest.files.map((f) => readFileSync(f, "utf8"));
    const dir = mkdtempSync(path.join(os.tmpdir(), "policylint-bench-log-"));
    const git = (...args) =>
      execFileSync(
        "git",
        ["-c", "user.name=b", "-c", "user.email=b@example.com", "-c", "commit.gpgsign=false", ...args],
        { cwd: dir, stdio: "pipe" },
      );
    git("init", "-q");
    for (const [i, text] of texts.entries()) {
      writeFileSync(path.join(dir, "policy.md"), text);
      git("add", "policy.md");
      git("commit", "-q", "--allow-empty", "-m", `v${i + 1}`);
    }
    // The parse, the history as `policylint log` reads it (with two cores or more, a worker thread parses the next
    // versions while this one compares) and the same in one thread, to show what the second thread gives: timed in
    // turn, best of 5 each, since this machine's speed drifts by a third within a minute, and a ratio of two times
    // taken minutes apart measured that drift more than the code.
    let parseAll = Infinity;
    let logMs = Infinity;
    let oneThreadMs = Infinity;
    const timed = async (threads) => {
      best(() => undefined, 1); // forgets remembered pieces (the worker's too), as a fresh process starts
      const start = performance.now();
      await history("policy.md", { cwd: dir, threads });
      return performance.now() - start;
    };
    for (let i = 0; i < 5; i++) {
      parseAll = Math.min(
        parseAll,
        best(() => texts.forEach((t) => parseDocument(t)), 1),
      );
      logMs = Math.min(logMs, await timed(true));
      oneThreadMs = Math.min(oneThreadMs, await timed(false));
    }
    rmSync(dir, { recursive: true, force: true });
    const cores = os.availableParallelism();
    const kb = (texts.reduce((n, t) => n + t.length, 0) / 1024).toFixed(0);
    table(
      `log: ${largest.name}, ${texts.length} versions (${kb} KB in all) in a scratch repository (best of 5, taken in turn, ms)`,
      ["step", "ms", "× parse"],
      [
        ["parse every version once", parseAll.toFixed(1), "1.00"],
        [`history (git + parse + diff + classify), ${cores} cores`, logMs.toFixed(1), (logMs / parseAll).toFixed(2)],
        ["the same, parsed in one thread", oneThreadMs.toFixed(1), (oneThreadMs / parseAll).toFixed(2)],
      ],
    );
    targets.push(["log of the largest history ≤ 2× parsing its versions", (logMs / parseAll).toFixed(2), 2]);
  }
  return { log };
}
