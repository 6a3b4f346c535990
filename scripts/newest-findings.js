#!/usr/bin/env node
// Prints every finding of the recommended rules on the newest version of every document of ../shared/corpus and
// ../shared/corpus-web, one line each: "source/document LINE:COLUMN RULE MESSAGE". The date rules compare against the
// day that version was recorded (its manifest date), so "stale" means stale when it was published, not years later.
// Used to build and refresh tests/corpus/newest-findings.json, whose verdicts were read by a person.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { lintText, resolveConfig } from "../dist/src/index.js";

const shared = path.resolve(import.meta.dirname, "../../shared");
const config = resolveConfig({ extends: "policylint:recommended" }, null, process.cwd());
for (const corpus of ["corpus", "corpus-web"]) {
  const root = path.join(shared, corpus);
  if (!existsSync(root)) continue;
  for (const source of readdirSync(root).sort()) {
    const manifestFile = path.join(root, source, "manifest.json");
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    for (const doc of Object.keys(manifest).sort()) {
      const newest = manifest[doc].at(-1);
      const file = path.join(root, source, doc, newest.file);
      const result = await lintText(readFileSync(file, "utf8"), { filePath: file, config, today: newest.date });
      for (const m of result.messages) {
        console.log(`${source}/${doc} ${m.line}:${m.column} ${m.ruleId ?? "fatal"} ${m.message}`);
      }
    }
  }
}
