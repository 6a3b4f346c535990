import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The layers of the code, top first. A module imports only its own layer's modules and those of lower layers; layers
 * that share a rank are siblings and never import each other (the diff reads no rule, a rule no part of the diff).
 * A new folder or top-level file must be given a place here, or this test names it.
 */
const LAYERS: { name: string; files: RegExp }[][] = [
  [{ name: "cli", files: /^src\/cli\// }],
  // What the package exports: the CLI's commands are thin over it.
  [{ name: "library API", files: /^src\/(?:index|compare)\.ts$|^src\/docs\// }],
  // A policy's history in git (policylint log, the library's history()); git.ts is the one module that runs git.
  [{ name: "git", files: /^src\/git\// }],
  [
    { name: "engine", files: /^src\/engine\/(?!types\.ts$|data\.ts$)/ },
    { name: "format", files: /^src\/format\// },
  ],
  // A configuration names rules and extends the classifier's vocabulary, so it sits above both.
  [{ name: "config", files: /^src\/config\// }],
  [{ name: "classify", files: /^src\/classify\// }],
  [
    { name: "diff", files: /^src\/diff\// },
    { name: "rules", files: /^rules\// },
  ],
  // What a rule is written against: its types and context.
  [{ name: "rule API", files: /^src\/engine\/types\.ts$/ }],
  [{ name: "parse", files: /^src\/parse\// }],
  // Text matching shared by rules, parse and classifier: escaping, matches with offsets, sentences; and memo.ts.
  [{ name: "text", files: /^src\/text\// }],
  // Finds the package's folder and reads its JSON data; imports nothing of ours, so every layer may use it.
  [{ name: "package data", files: /^src\/engine\/data\.ts$/ }],
  // The user-error type every layer may throw; imports nothing.
  [{ name: "errors", files: /^src\/errors\.ts$/ }],
];

const ROOT = path.resolve(import.meta.dirname, "..");

interface Place {
  rank: number;
  name: string;
}

function placeOf(file: string): Place | null {
  for (const [rank, layer] of LAYERS.entries()) {
    const found = layer.find((l) => l.files.test(file));
    if (found) return { rank, name: found.name };
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `${dir}/${f.split(path.sep).join("/")}`)
    .sort();
}

/** Every module a file imports (static, re-exported, dynamic, type-only), as paths from the root; packages left out. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(ROOT, file), "utf8"), true, true);
  return info.importedFiles
    .map((i) => i.fileName)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, ".ts"));
}

/** Each import that goes up a layer or sideways to a sibling, in words. */
function layerViolations(files: string[], imports: (file: string) => string[] = importsOf): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = placeOf(file);
    if (!from) {
      problems.push(`${file}: in no layer (give its folder a place in tests/layers.test.ts)`);
      continue;
    }
    for (const target of imports(file)) {
      const to = placeOf(target);
      if (!to || to.rank > from.rank || to.name === from.name) continue;
      const how = to.rank === from.rank ? "a sibling layer" : "a higher layer";
      problems.push(`${file} (${from.name}) imports ${target} (${to.name}), ${how}`);
    }
  }
  return problems;
}

describe("layers", () => {
  const files = [...sourceFiles("src"), ...sourceFiles("rules")];

  it("reads the imports of every module, dynamic and type-only ones too", () => {
    expect(files.length).toBeGreaterThan(80);
    expect(importsOf("src/cli/diff.ts")).toContain("src/compare.ts");
    expect(importsOf("src/config/schema.ts")).toContain("src/classify/types.ts");
  });

  it("no module imports one of a higher or sibling layer", () => {
    expect(layerViolations(files)).toEqual([]);
  });

  it("names an upward import, a sibling import and a file outside every layer", () => {
    const graph: Record<string, string[]> = {
      "src/engine/run.ts": ["src/cli/files.ts", "src/engine/lint.ts", "src/parse/document.ts"],
      "src/diff/date.ts": ["rules/last-updated.ts"],
      "rules/last-updated.ts": ["src/engine/data.ts", "src/engine/types.ts"],
    };
    expect(layerViolations(Object.keys(graph), (file) => graph[file])).toEqual([
      "src/engine/run.ts (engine) imports src/cli/files.ts (cli), a higher layer",
      "src/diff/date.ts (diff) imports rules/last-updated.ts (rules), a sibling layer",
    ]);
    expect(layerViolations(["src/elsewhere/x.ts"])).toEqual([
      "src/elsewhere/x.ts: in no layer (give its folder a place in tests/layers.test.ts)",
    ]);
  });
});
