// The floor every Markdown tool on remark pays: load unified + remark-parse + remark-gfm + remark-frontmatter and
// parse the files named (a directory: every *.md below it), in one process. Nothing else.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkFrontmatter from "remark-frontmatter";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);
const files = [];
const walk = (p) => {
  if (statSync(p).isDirectory()) for (const name of readdirSync(p).sort()) walk(path.join(p, name));
  else if (p.endsWith(".md")) files.push(p);
};
for (const arg of process.argv.slice(2)) walk(arg);
for (const file of files) processor.parse(readFileSync(file, "utf8"));
