// The build: tsc emits the library (dist/src, dist/rules, with .d.ts), and esbuild bundles the CLI into a few
// chunks (dist/cli/), so `policylint check` loads one file instead of hundreds of modules: start-up is most of
// a pre-commit hook's time. Code split at dynamic imports, so what a run does not need is never loaded.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
rmSync(path.join(root, "dist"), { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.json")], {
  stdio: "inherit",
});
await build({
  // The lint worker is its own entry: worker threads load it by file next to the code that starts them.
  entryPoints: { main: path.join(root, "src/cli/main.ts"), worker: path.join(root, "src/engine/worker.ts") },
  outdir: path.join(root, "dist/cli"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // cosmiconfig can load TypeScript configs through the compiler; we do not search for them, so never bundle it.
  external: ["typescript"],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: "warning",
  legalComments: "none",
});
