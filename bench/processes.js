// Whole-process benchmarks: each command is started afresh, as a pre-commit hook or CI step starts it. Commands
// being compared are alternated run by run, so a slower or busier moment of the machine falls on all of them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const RSS_HOOK = path.join(path.dirname(new URL(import.meta.url).pathname), "maxrss.cjs");

/** A node command: script and arguments, run with the RSS hook. `before` runs untimed ahead of each run. */
export function nodeCommand(label, script, args, options = {}) {
  return { label, script, args, cwd: options.cwd, before: options.before, nodeFlags: options.nodeFlags ?? [] };
}

/** Runs each command `runs` times, alternating them; returns [{label, medianMs, maxRssMb, runsMs}]. */
export function measure(commands, runs) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "policylint-bench-"));
  const times = commands.map(() => []);
  const rss = commands.map(() => 0);
  for (let i = 0; i < runs; i++) {
    commands.forEach((command, c) => {
      command.before?.();
      const rssFile = path.join(dir, `rss-${c}-${i}`);
      const start = performance.now();
      const run = spawnSync(
        process.execPath,
        [...command.nodeFlags, "--require", RSS_HOOK, command.script, ...command.args],
        {
          cwd: command.cwd,
          env: { ...process.env, POLICYLINT_BENCH_RSS: rssFile, NO_COLOR: "1" },
          stdio: ["ignore", "ignore", "pipe"],
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      times[c].push(performance.now() - start);
      if (run.status === null || run.status > 2)
        throw new Error(`${command.label} failed (${run.status}): ${run.stderr}`);
      // maxRSS is in kilobytes.
      rss[c] = Math.max(rss[c], Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024);
    });
  }
  rmSync(dir, { recursive: true, force: true });
  return commands.map((command, c) => ({
    label: command.label,
    medianMs: median(times[c]),
    maxRssMb: rss[c],
    runsMs: times[c],
  }));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
