// Writes docs/rules/<rule-id>.md from the rules' metadata (run after `npm run build`; a test keeps them current).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderAllRuleDocs } from "../dist/src/docs/rule-docs.js";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "rules");
mkdirSync(dir, { recursive: true });
for (const [name, text] of renderAllRuleDocs()) writeFileSync(path.join(dir, name), text);
console.log(`wrote ${dir}`);
