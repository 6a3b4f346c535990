import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CORPUS, FIXTURES, ROOT } from "./fixtures.js";
import { runCli } from "./cli.js";

/** Where the browser tests write their pages and screenshot for a person to look at (git-ignored). */
export const OUTPUT = path.join(ROOT, "test-output");

/**
 * The seed policy and an edited copy: a provider row added, a new purpose, a paragraph moved to another section and
 * a typo fixed (planted in the old copy, so the new one is the seed's own wording).
 */
export function seedPair(): { old: string; new: string } {
  const seed = readFileSync(path.join(FIXTURES, "seed/imagen-privacy-policy.md"), "utf8");
  const old = seed.replace("Continued use of the Service after", "Continued use of the Servce after");
  const row = "| PostHog / [analytics] | Product analytics | Anonymized usage data |\n";
  const heading = "### 2.1 How We Use Your Generations\n\n";
  const purpose = "We also use your prompts and uploaded images to train and improve our image generation models.\n\n";
  const moved = "We do not sell personal information.\n\n";
  const next = seed
    .replace(row, `${row}| Sentry | Error monitoring | Device data, error logs |\n`)
    .replace(heading, `${heading}${purpose}`)
    .replace(moved, "")
    .replace("To exercise these rights, email", `${moved}To exercise these rights, email`);
  return { old, new: next };
}

/** A corpus version by its number ("009") in a document's folder ("github-site-policy/subprocessors"). */
export function corpusVersion(doc: string, number: string): string {
  const dir = path.join(CORPUS, doc);
  const file = readdirSync(dir).find((f) => f.startsWith(`${number}-`));
  if (!file) throw new Error(`no version ${number} in ${dir}`);
  return path.join(dir, file);
}

/** The diff of two files as JSON and as the HTML page, written to test-output/<name>.html. */
export function redline(
  name: string,
  oldFile: string,
  newFile: string,
): { json: { changes: { id: string; kind: string }[] }; page: string } {
  mkdirSync(OUTPUT, { recursive: true });
  const page = path.join(OUTPUT, `${name}.html`);
  const html = runCli(["diff", oldFile, newFile, "--format", "html", "-o", page]);
  if (html.code !== 0) throw new Error(`diff --format html: ${html.stderr}`);
  const json = runCli(["diff", oldFile, newFile, "--format", "json"]);
  return { json: JSON.parse(json.stdout), page };
}

export function writeTemp(name: string, text: string): string {
  mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, name);
  writeFileSync(file, text);
  return file;
}
