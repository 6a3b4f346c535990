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
    // Sent as bytes, so the caller can time rebuilding the document against what parsing it cost here. v8.serialize
    // gives back every value YAML front matter holds as it was (a `!!binary` Buffer too, which a plain structured
    // clone turns into a Uint8Array).
    reply = { id: request.id, bytes: serialize(parts), parseMs };
  } catch {
    reply = { id: request.id, bytes: null, parseMs: 0 };
  }
  parentPort!.postMessage(reply);
});
