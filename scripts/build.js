// The build: tsc emits the library (dist/src, dist/rules, with .d.ts); esbuild bundles the CLI into one CommonJS
// file (dist/cli/main.cjs) that bin/policylint.js loads with a V8 code cache, and the lint worker into
// dist/cli/worker.js. Start-up is most of a pre-commit hook's time: one file to read, compiled code reused.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
rmSync(path.join(root, "dist"), { recursive: true, force: true });
execFileSync(
  process.execPath,
  [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.json")],
  {
    stdio: "inherit",
  },
);
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  // cosmiconfig can load TypeScript configs through the compiler; we do not search for them, so never bundle it.
  external: ["typescript"],
  logLevel: "warning",
  legalComments: "none",
  minifyWhitespace: true,
  minifySyntax: true,
};
await build({
  ...common,
  entryPoints: [path.join(root, "src/cli/main.ts")],
  outfile: path.join(root, "dist/cli/main.cjs"),
  format: "cjs",
  // Code that finds files next to itself (rule data, the worker) asks import.meta.url, which CommonJS lacks.
  define: { "import.meta.url": "__policylintModuleUrl" },
  banner: { js: "const __policylintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// Worker threads load them by file, next to the code that starts them: the lint worker (engine/pool.ts) and the
// parser that works ahead of `policylint log` (parse/thread.ts).
for (const [entry, out] of [
  ["src/engine/worker.ts", "dist/cli/worker.js"],
  ["src/parse/parse-worker.ts", "dist/cli/parse-worker.js"],
]) {
  await build({
    ...common,
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, out),
    format: "esm",
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
}
