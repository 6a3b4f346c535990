import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { documentFromParts, parseDocument, type DocumentParts, type PolicyDocument } from "./document.js";
import { onPieceMemoryReset } from "./markdown.js";

/**
 * Parsing in a worker thread, for `policylint log`: while this thread compares one pair of versions, the worker
 * parses the next versions. Parsing is half of a history's time and comparing the other half, so on two cores or
 * more the history takes about the time of the larger half. The worker sends each document back whole (a structured
 * clone keeps which node is which section's heading), and receiving one costs a tenth of parsing it here.
 *
 * The worker only saves time: a text it could not parse or send (a limit reached) is parsed here, so the error is
 * the one this thread's parse gives; with one core, or run from the TypeScript sources (no compiled worker beside
 * this file), there is no worker and the caller parses each text itself.
 */

export type ThreadRequest = { id: number; text: string; label: string; reset?: undefined } | { reset: number };

export interface ThreadReply {
  id: number;
  /** Null when the worker could not parse the text or send the document. */
  parts: DocumentParts | null;
}

const WORKER = new URL("./parse-worker.js", import.meta.url);

/**
 * The young generation of a thread that parses: parsing allocates many short-lived objects, and a larger young
 * generation than Node's default halves the time spent collecting them (measured serially on the corpus: 16.9 s →
 * 14.2 s). The lint threads (engine/pool.ts) use it too.
 */
export const YOUNG_GENERATION_MB = 96;

/** A worker left idle this long ends, so a program that used a history once does not keep its memory. */
const IDLE_MS = 10_000;

class ParserThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (parts: DocumentParts | null) => void>();
  private next = 0;
  private idle: NodeJS.Timeout | null = null;
  private dead = false;

  constructor() {
    this.worker = new Worker(WORKER, {
      // Not the caller's options: a worker given `--input-type` (as `node --input-type=module -e …` passes it on)
      // without the `-e` it came with fails to start.
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    // Idle, the worker does not keep the process alive; while a text is out, it does (see parse and settle).
    this.worker.unref();
    this.worker.on("message", (reply: ThreadReply) => this.settle(reply.id, reply.parts));
    this.worker.on("error", () => this.end());
    this.worker.on("exit", () => this.end());
    this.waitIdle();
  }

  parse(text: string, label: string): Promise<DocumentParts | null> {
    if (this.dead) return Promise.resolve(null);
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (this.waiting.size === 0) this.worker.ref();
    const id = this.next++;
    const parts = new Promise<DocumentParts | null>((resolve) => this.waiting.set(id, resolve));
    try {
      this.worker.postMessage({ id, text, label } satisfies ThreadRequest);
    } catch {
      this.end();
    }
    return parts;
  }

  reset(characters: number): void {
    if (!this.dead) this.worker.postMessage({ reset: characters } satisfies ThreadRequest);
  }

  private settle(id: number, parts: DocumentParts | null): void {
    if (parts) received++;
    const resolve = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) {
      this.worker.unref();
      this.waitIdle();
    }
    resolve?.(parts);
  }

  private waitIdle(): void {
    // Marked ended before it is told to stop, so no text is sent to a worker on its way out.
    this.idle = setTimeout(() => {
      this.end();
      void this.worker.terminate();
    }, IDLE_MS);
    this.idle.unref();
  }

  /** The worker failed or ended: what it still owed is parsed by the callers, and the next history starts another. */
  private end(): void {
    if (this.dead) return;
    this.dead = true;
    if (this.idle) clearTimeout(this.idle);
    if (thread === this) thread = undefined;
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }
}

/** How many documents the worker has sent back in this process: for tests, which must know it did the parsing. */
export function documentsFromThread(): number {
  return received;
}

let received = 0;

/** The worker, started when first needed; null when none can be had. */
let thread: ParserThread | null | undefined;

function parserThread(): ParserThread | null {
  if (thread === undefined) {
    try {
      thread = availableParallelism() > 1 && existsSync(fileURLToPath(WORKER)) ? new ParserThread() : null;
    } catch {
      thread = null;
    }
  }
  return thread;
}

// The benchmarks' reset (markdown.ts) reaches the worker's piece memory too: each measurement starts from nothing.
onPieceMemoryReset((characters) => thread?.reset(characters));

/**
 * A parser that works ahead in another thread: each call starts parsing a text there and promises its document,
 * as parseDocument makes it (or its error). Null when there is no other thread to parse in.
 */
export function parserAhead(): ((text: string, label: string) => Promise<PolicyDocument>) | null {
  const worker = parserThread();
  if (!worker) return null;
  return (text, label) =>
    worker.parse(text, label).then((parts) => (parts ? documentFromParts(parts) : parseDocument(text, label)));
}
