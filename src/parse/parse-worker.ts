import { parentPort } from "node:worker_threads";
import { parseDocument } from "./document.js";
import { resetPieceMemory } from "./markdown.js";
import type { ThreadReply, ThreadRequest } from "./thread.js";

/**
 * The worker thread of thread.ts: parses each text it is sent, in the order sent, and sends the document back. Any
 * failure (a limit reached, a value that cannot be sent) is only reported: the caller parses that text itself, so
 * its error is the one a parse in the caller's thread throws.
 */
parentPort?.on("message", (request: ThreadRequest) => {
  if (request.reset !== undefined) {
    resetPieceMemory(request.reset);
    return;
  }
  let reply: ThreadReply;
  try {
    const { pointAt: _function, ...parts } = parseDocument(request.text, request.label);
    reply = { id: request.id, parts };
    parentPort!.postMessage(reply);
  } catch {
    reply = { id: request.id, parts: null };
    parentPort!.postMessage(reply);
  }
});
