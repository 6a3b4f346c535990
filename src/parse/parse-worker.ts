import { serialize } from "node:v8";
import { parentPort } from "node:worker_threads";
import { parseDocument } from "./document.js";
import { resetPieceMemory } from "./markdown.js";
import type { ThreadReply, ThreadRequest } from "./thread.js";

/**
 * The worker thread of thread.ts: parses each text it is sent, in the order sent, and sends the document back. Any
 * failure (a limit reached, a value that cannot be sent as it is) is only reported: the caller parses that text
 * itself, so its error, or its document, is the one a parse in the caller's thread gives.
 */
parentPort?.on("message", (request: ThreadRequest) => {
  if (request.reset !== undefined) {
    resetPieceMemory(request.reset);
    return;
  }
  let reply: ThreadReply;
  try {
    const start = performance.now();
    const { pointAt: _function, ...parts } = parseDocument(request.text, request.label);
    const parseMs = performance.now() - start;
    // Sent as bytes, so the caller can time rebuilding the document against what parsing it cost here.
    const bytes = clonesExactly(parts.frontMatter.data) ? serialize(parts) : null;
    reply = { id: request.id, bytes, parseMs };
  } catch {
    reply = { id: request.id, bytes: null, parseMs: 0 };
  }
  parentPort!.postMessage(reply);
});

const KEPT = new Set<unknown>([Object.prototype, Array.prototype, Date.prototype, Map.prototype, Set.prototype, null]);

/**
 * Whether a structured clone surely gives front matter back as the YAML parser made it. The markdown tree is plain
 * objects, but YAML can hold more (`!!binary` is a Buffer, which a plain structured clone gives back as a Uint8Array,
 * and a stated date read from it would read otherwise). Only plain objects, arrays, dates, maps, sets and primitives
 * pass; anything else is parsed by the caller.
 */
function clonesExactly(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value !== "object" || value === null) return typeof value !== "function" && typeof value !== "symbol";
  if (seen.has(value)) return true;
  seen.add(value);
  if (!KEPT.has(Object.getPrototypeOf(value))) return false;
  if (value instanceof Map) return [...value].every(([k, v]) => clonesExactly(k, seen) && clonesExactly(v, seen));
  if (value instanceof Set) return [...value].every((v) => clonesExactly(v, seen));
  if (value instanceof Date) return Reflect.ownKeys(value).length === 0;
  const keys = Reflect.ownKeys(value);
  if (Array.isArray(value)) {
    // Every index there, and nothing but the indices and the length.
    return keys.length === value.length + 1 && value.every((v) => clonesExactly(v, seen));
  }
  return keys.every((key) => {
    const property = Object.getOwnPropertyDescriptor(value, key)!;
    return typeof key === "string" && property.enumerable && "value" in property && clonesExactly(property.value, seen);
  });
}
