import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument, type PolicyDocument } from "../../src/parse/document.js";
import { checkDocument, corpusDocuments, CORPUS_SOURCES_ROOT, CORPUS_WEB, diffAndNotice } from "../fuzz/harness.js";

/**
 * No real policy crashes a command: `check` with every rule on every version of both corpora (../shared/corpus and
 * ../shared/corpus-web/ota-pga, as their manifest.json files list them), and `diff` + classify + `notice` on every
 * consecutive pair. In this process, each version parsed once: a rule that throws here is what the CLI reports as
 * "internal error while checking". (The diff renderers and the CLI's own path are the fuzz suite's and cli tests'.)
 */
const documents = corpusDocuments();
if (!documents.length)
  console.warn(
    `corpus no-crash suite skipped: neither ${CORPUS_SOURCES_ROOT} nor ${CORPUS_WEB} is present (they are on the project's CI)`,
  );

describe.skipIf(!documents.length)("no internal error on any corpus version or consecutive pair", () => {
  for (const doc of documents) {
    it(`${doc.name}: check on ${doc.versions.length} version(s), diff and notice on ${doc.versions.length - 1} pair(s)`, () => {
      const failures: string[] = [];
      let previous: PolicyDocument | null = null;
      for (const version of doc.versions) {
        const name = path.basename(version.file);
        let parsed: PolicyDocument;
        try {
          parsed = parseDocument(readFileSync(version.file, "utf8"), name);
          checkDocument(parsed);
        } catch (error) {
          failures.push(`check ${name}: ${error instanceof Error ? error.stack : String(error)}`);
          previous = null;
          continue;
        }
        if (previous) {
          try {
            diffAndNotice(previous, parsed, false);
          } catch (error) {
            failures.push(
              `diff ${previous.filePath} → ${name}: ${error instanceof Error ? error.stack : String(error)}`,
            );
          }
        }
        previous = parsed;
      }
      expect(failures).toEqual([]);
    });
  }
});
