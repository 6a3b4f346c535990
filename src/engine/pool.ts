import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import path from "node:path";
import { settingsFor, type ResolvedConfig, type RuleSettings } from "../config/load.js";
import { InputLimitError } from "../parse/limits.js";
import { YOUNG_GENERATION_MB } from "../parse/thread.js";
import { lintFileAndFix } from "./fix.js";
import { comparePaths, lintWithSettings } from "./lint.js";
import type { Baseline, LintMessage, Severity } from "./types.js";

export interface WorkerInit {
  cwd: string;
  configFile: string | null;
  ruleSeverities: [string, Severity][];
  today: string;
  unusedDirectives?: Severity;
  fix?: FixMode;
}

/** `--fix`/`--fix-dry-run`: apply every fix, or (with `--quiet`, as ESLint) only those of errors. */
export type FixMode = "all" | "errors";

export interface WorkerTask {
  index: number;
  text: string;
  displayPath: string;
  /** The file's version at `check --against`'s revision, when it has one. */
  baseline?: Baseline;
}

export type WorkerReply =
  { index: number; messages: LintMessage[]; output?: string } | { index: number; problem: string };

// Below this much work a worker's start-up (loading the bundle again) costs more than it saves.
const MIN_PARALLEL_FILES = 8;
const MIN_PARALLEL_BYTES = 256 * 1024;
const IN_FLIGHT = 2;

/** How many threads lint: a number, or "auto" to decide from the cores and the amount of work. */
export type Concurrency = number | "auto";

/**
 * The threads to lint these tasks on, this one included. "auto" leaves one core to V8's garbage collector, which
 * runs on helper threads beside a busy thread: a serial run of the corpus keeps a second core about 40% busy, and on
 * 2 cores a second lint thread measured 5% faster for 1.5× the memory (bench: 5.3 s, 312 MB against 5.6 s, 223 MB).
 * A number asked for is capped at the cores: each thread holds a parser's working set, and threads beyond the cores
 * only contend for them (`--concurrency 32` on 2 cores took 56 s and 3.2 GB where 2 threads take 10 s and 228 MB).
 */
export function lintThreads(tasks: WorkerTask[], concurrency: Concurrency, cores = availableParallelism()): number {
  if (concurrency !== "auto") return Math.max(1, Math.min(concurrency, cores, tasks.length));
  if (tasks.length < MIN_PARALLEL_FILES || tasks.reduce((n, t) => n + t.text.length, 0) < MIN_PARALLEL_BYTES) return 1;
  return Math.max(1, Math.min(cores - 1, Math.ceil(tasks.length / MIN_PARALLEL_FILES)));
}

/**
 * Lints the tasks on `threads` threads: this one and a worker for each other, all taking from one queue. The queue
 * is in path order, the workers taking from its front and this thread from its back, so each thread lints neighbours
 * (versions of one policy, policies of one folder) one after another and finds the pieces they share already parsed
 * (see parse/pieces.ts).
 */
export async function lintInParallel(
  tasks: WorkerTask[],
  threads: number,
  init: WorkerInit,
  lintHere: (task: WorkerTask) => WorkerReply,
  /** Told of each reply from a worker (the main thread's own work is counted by `lintHere`). */
  onWorkerReply?: () => void,
): Promise<WorkerReply[]> {
  const queue = [...tasks].sort((a, b) => comparePaths(a.displayPath, b.displayPath));
  const replies: WorkerReply[] = [];
  const workers = Array.from(
    { length: threads - 1 },
    // A larger young generation than Node's default, as for every thread that parses (parse/thread.ts).
    () =>
      new Worker(new URL("./worker.js", import.meta.url), {
        workerData: init,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let pending = tasks.length;
      const settle = (reply: WorkerReply) => {
        replies.push(reply);
        if (--pending === 0) resolve();
      };
      for (const worker of workers) {
        worker.on("message", (reply: WorkerReply) => {
          onWorkerReply?.();
          settle(reply);
          send(worker, queue.shift());
        });
        worker.on("error", reject);
        // Two tasks in flight: a worker's reply waits while the main thread lints, and it must not sit idle then.
        for (let i = 0; i < IN_FLIGHT; i++) send(worker, queue.shift());
      }
      const workHere = () => {
        const task = queue.pop();
        if (!task) return;
        settle(lintHere(task));
        task.text = "";
        setImmediate(workHere);
      };
      setImmediate(workHere);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return replies;
}

/** The worker has its own copy of the text; the main thread lets go of its one, so the corpus is not held twice. */
function send(worker: Worker, task: WorkerTask | undefined): void {
  if (!task) return;
  worker.postMessage(task);
  task.text = "";
}

/**
 * Lints one task, on whichever thread holds it: the file's settings (its overrides, then `--rule` severities), and a
 * bug of ours on one document turned into a problem for that file, so it never hides the findings on the others.
 */
export function lintTask(task: WorkerTask, context: LintContext): WorkerReply {
  try {
    const rules = fileSettings(task.displayPath, context);
    const options = {
      rules,
      today: context.today,
      unusedDirectives: context.unusedDirectives,
      baseline: task.baseline,
    };
    if (context.fix) {
      const errorsOnly = context.fix === "errors" ? (m: LintMessage) => m.severity === 2 : undefined;
      // Suppressed findings stay among the messages (marked), as below; toResult sets them apart.
      const fixed = lintFileAndFix(task.text, task.displayPath, options, errorsOnly);
      return { index: task.index, ...fixed };
    }
    const result = lintWithSettings(task.text, task.displayPath, options);
    // Suppressed findings travel with the others (marked), as the cache keeps them; toResult sets them apart again.
    return { index: task.index, messages: [...result.messages, ...result.suppressedMessages] };
  } catch (error) {
    // A text beyond a stated limit is the user's input, not our bug: the limit is the whole message.
    if (error instanceof InputLimitError) return { index: task.index, problem: error.message };
    return {
      index: task.index,
      problem: `internal error while checking: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export interface LintContext {
  config: ResolvedConfig;
  cwd: string;
  today: string;
  ruleSeverities?: Map<string, Severity>;
  unusedDirectives?: Severity;
  fix?: FixMode;
}

/** The rule settings for one file: the config's overrides for its path, then the `--rule` severities. */
export function fileSettings(displayPath: string, context: LintContext): RuleSettings {
  return withSeverities(settingsFor(context.config, path.resolve(context.cwd, displayPath)), context.ruleSeverities);
}

function withSeverities(settings: RuleSettings, severities?: Map<string, Severity>): RuleSettings {
  if (!severities?.size) return settings;
  const copy: RuleSettings = new Map(settings);
  for (const [id, severity] of severities) copy.set(id, { ...copy.get(id)!, severity });
  return copy;
}
