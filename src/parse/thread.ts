import { existsSync } from "node:fs";
import { deserialize } from "node:v8";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DocumentParts } from "./document.js";
import { onPieceMemoryReset } from "./markdown.js";

/**
 * Parsing in a worker thread, for `policylint log`: while this thread compares one pair of versions, the worker
 * parses the next versions. Parsing is half of a history's time and comparing the other half, so on two cores or
 * more the history takes about the time of the larger half. The worker sends each document back whole, as v8.serialize
 * bytes (which keep which node is which section's heading), and rebuilding one costs a tenth of parsing it here.
 *
 * The worker only saves time: a text it could not parse or send (a limit reached) is parsed by the caller, so the
 * error is the one the caller's own parse gives; with one core, or run from the TypeScript sources (no compiled
 * worker beside this file), there is no worker and the caller parses each text itself.
 */

export type ThreadRequest = { id: number; text: string; label: string; reset?: undefined } | { reset: number };

export interface ThreadReply {
  id: number;
  /** The document's parts as v8.serialize writes them; null when the worker could not parse or send the text. */
  bytes: Uint8Array | null;
  /** What parsing it cost the worker. */
  parseMs: number;
}

/** A document from the worker, with what parsing it cost there and rebuilding it here. */
interface Received {
  parts: DocumentParts;
  parseMs: number;
  receiveMs: number;
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
  private readonly waiting = new Map<number, (received: Received | null) => void>();
  private next = 0;
  private timer: NodeJS.Timeout | null = null;
  private dead = false;

  constructor() {
    this.worker = new Worker(WORKER, {
      // Not the caller's options: a worker given `--input-type` (as `node --input-type=module -e …` passes it on)
      // without the `-e` it came with fails to start.
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    this.worker.on("message", (reply: ThreadReply) => this.settle(reply.id, this.receive(reply)));
    // A reply that cannot be received: replies come in the order asked, so it is the oldest one waiting, and that
    // text is parsed by its caller.
    this.worker.on("messageerror", () => this.settle(this.waiting.keys().next().value ?? -1, null));
    this.worker.on("error", () => this.end());
    this.worker.on("exit", () => this.end());
    this.idle();
  }

  /** Sends a text to parse; the id is the caller's to drop it by (see drop). */
  parse(text: string, label: string): { id: number; parts: Promise<Received | null> } {
    const id = this.next++;
    if (this.dead) return { id, parts: Promise.resolve(null) };
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // While a text is out, the worker keeps the process alive; idle, it does not (see idle).
    if (this.waiting.size === 0) this.worker.ref();
    const parts = new Promise<Received | null>((resolve) => this.waiting.set(id, resolve));
    try {
      this.worker.postMessage({ id, text, label } satisfies ThreadRequest);
    } catch {
      this.end();
    }
    return { id, parts };
  }

  /**
   * Texts their caller no longer needs (its history stopped at an error): they are answered with null now, and a
   * worker left parsing only such texts is ended rather than kept busy, and the process alive, for nothing.
   */
  drop(ids: Iterable<number>): void {
    let dropped = false;
    for (const id of ids) {
      const resolve = this.waiting.get(id);
      if (!resolve) continue;
      this.waiting.delete(id);
      resolve(null);
      dropped = true;
    }
    if (dropped && this.waiting.size === 0) this.end();
  }

  reset(characters: number): void {
    if (!this.dead) this.worker.postMessage({ reset: characters } satisfies ThreadRequest);
  }

  /** Rebuilds a document the worker sent, timed; null when it sent none or it cannot be rebuilt here. */
  private receive(reply: ThreadReply): Received | null {
    if (!reply.bytes || !this.waiting.has(reply.id)) return null;
    const start = performance.now();
    try {
      const parts = deserialize(reply.bytes) as DocumentParts;
      return { parts, parseMs: reply.parseMs, receiveMs: performance.now() - start };
    } catch {
      // A tree nested deeper than this thread's stack, which is smaller than the worker's.
      return null;
    }
  }

  private settle(id: number, parts: Received | null): void {
    const resolve = this.waiting.get(id);
    if (!resolve) return;
    if (parts) received++;
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.idle();
    resolve(parts);
  }

  /** Nothing out: the worker does not keep the process alive, and ends if nothing more comes for a while. */
  private idle(): void {
    this.worker.unref();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.end(), IDLE_MS);
    this.timer.unref();
  }

  /**
   * The worker failed, ended, went idle too long, or was left with work nobody needs: it is told to stop, what it
   * still owed is parsed by its callers, and the next history starts another. Marked ended first, so no text is
   * sent to a worker on its way out.
   */
  private end(): void {
    if (this.dead) return;
    this.dead = true;
    if (this.timer) clearTimeout(this.timer);
    if (thread === this) thread = undefined;
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
    this.worker.unref();
    void this.worker.terminate();
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

/** What a caller parses ahead with (see parserAhead). */
export interface ParserAhead {
  /** Starts parsing a text in the worker; the promise is its document's parts, or null: then parse it yourself. */
  parse(text: string, label: string): Promise<DocumentParts | null>;
  /** The caller is done: what it sent and has not had back is dropped. */
  stop(): void;
}

/**
 * Documents received before the worker's worth is judged, and the share of the worker's parse that rebuilding a
 * document here may cost. Rebuilding costs about a tenth of parsing for most policies (the largest corpus history:
 * 130–190 ms for 109 documents parsed in 1.25–1.8 s), but a document of many small nodes whose pieces the parse
 * mostly remembers (a long policy repeating its parts) costs nearly as much to rebuild as to parse (0.6–0.9 of it):
 * then the worker only adds work, and the caller parses the rest itself.
 */
const JUDGED_AFTER = 4;
const WORTHWHILE = 0.5;

/**
 * A parser that works ahead in another thread, for one caller: each text sent starts parsing there at once. Null when
 * there is no other thread to parse in. A null answer means the caller parses that text itself: the worker could not
 * parse it or this thread could not rebuild it (a limit reached, a tree deeper than this thread's stack), or it costs
 * more to receive than it saves. The caller's own parse then gives the usual document, or error.
 */
export function parserAhead(): ParserAhead | null {
  const worker = parserThread();
  if (!worker) return null;
  const out = new Set<number>();
  let documents = 0;
  let parseMs = 0;
  let receiveMs = 0;
  const worthwhile = () => documents < JUDGED_AFTER || receiveMs < WORTHWHILE * parseMs;
  return {
    parse(text, label) {
      if (!worthwhile()) return Promise.resolve(null);
      const { id, parts } = worker.parse(text, label);
      out.add(id);
      return parts.then((got) => {
        out.delete(id);
        if (!got) return null;
        documents++;
        parseMs += got.parseMs;
        receiveMs += got.receiveMs;
        return got.parts;
      });
    },
    stop: () => worker.drop(out),
  };
}
