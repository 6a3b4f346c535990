import path from "node:path";
import type { RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import type { PolicyDocument } from "./document.js";
import { replaceTags } from "./tags.js";
import { oncePer } from "../text/memo.js";

/** What a document is, for the rules whose requirements depend on it (required-sections). */
export type DocumentKind = "privacy" | "terms" | "cookies" | "subprocessors" | "other";

const DOCUMENT_KINDS: readonly DocumentKind[] = ["privacy", "terms", "cookies", "subprocessors", "other"];

export interface DocumentKindInfo {
  kind: DocumentKind;
  /** How it was decided, for messages and debugging: 'front matter policylint.kind', 'title "Cookie Notice"', … */
  reason: string;
}

// Read in this order: a title naming privacy is a privacy policy even when it also names cookies or terms
// ("Privacy and Cookie Policy", "Terms of Service and Privacy Policy" owe the privacy disclosures).
const TITLE_WORDS: [DocumentKind, RegExp][] = [
  ["privacy", /\bprivacy\b/i],
  ["subprocessors", /\bsub-?\s?processors?\b/i],
  ["cookies", /\b(?:cookies?|trackers?|tracking technologies)\b/i],
  ["terms", /\b(?:terms|tos|user agreement|conditions of use|eula)\b/i],
];

// File and folder names: "reddit-trackers-policy/007.md", "terms-of-service.md", "sub-processors.md".
const PATH_WORDS: [DocumentKind, RegExp][] = [
  ["privacy", /(?:^|[^a-z])privacy(?![a-z])/],
  ["subprocessors", /(?:^|[^a-z])sub-?processors?(?![a-z])/],
  ["cookies", /(?:^|[^a-z])(?:cookies?|trackers?)(?![a-z])/],
  ["terms", /(?:^|[^a-z])(?:terms|tos)(?![a-z])/],
];

/**
 * The kind of a document, decided once: `policylint: { kind: … }` in the front matter wins; else the title (the
 * front-matter `title`, or the first block when it is a heading or a short line); else the file's name and its
 * folder's name; else a sub-processor table. A document nothing identifies is checked as a privacy policy.
 */
export const documentKind: (doc: PolicyDocument) => DocumentKindInfo = oncePer(decideKind);

function decideKind(doc: PolicyDocument): DocumentKindInfo {
  const declared = (doc.frontMatter.data?.policylint as Record<string, unknown> | undefined)?.kind;
  if (typeof declared === "string" && (DOCUMENT_KINDS as readonly string[]).includes(declared)) {
    return { kind: declared as DocumentKind, reason: "front matter policylint.kind" };
  }
  const title = documentTitle(doc);
  if (title) {
    const kind = TITLE_WORDS.find(([, pattern]) => pattern.test(title))?.[0];
    if (kind) return { kind, reason: `title "${title}"` };
  }
  // Only the file's own name and its folder's: a repository called "privacy-and-terms" says nothing of one file.
  const segments = doc.filePath.split(/[\\/]/).filter(Boolean).slice(-2);
  const names = segments.map((s, i) => (i === segments.length - 1 ? s.replace(/\.[^.]*$/, "") : s).toLowerCase());
  for (const name of [...names].reverse()) {
    const kind = PATH_WORDS.find(([, pattern]) => pattern.test(name))?.[0];
    if (kind) return { kind, reason: `file path "${path.join(...segments)}"` };
  }
  if (hasSubprocessorTable(doc.tree.children)) return { kind: "subprocessors", reason: "a sub-processor table" };
  return { kind: "privacy", reason: "nothing names another kind" };
}

/** The title a reader sees: front-matter `title`, else the first block when it is a heading or one short line. */
function documentTitle(doc: PolicyDocument): string | null {
  const declared = doc.frontMatter.data?.title;
  if (typeof declared === "string" && declared.trim()) return declared.trim();
  const first = doc.tree.children.find(
    (n) => n.type !== "yaml" && !(n.type === "html" && !replaceTags(n.value, "").trim()),
  );
  if (!first) return null;
  const text = (first.type === "html" ? replaceTags(first.value, "") : toString(first)).replace(/\s+/g, " ").trim();
  if (first.type === "heading") return text || null;
  // "Terms of Service", "**Moltbook Privacy Policy**", "[Spotify Terms of Use](#…)": a line, not a sentence.
  if (
    (first.type === "paragraph" || first.type === "html") &&
    text &&
    text.length <= 80 &&
    !/\n/.test(toString(first).trim())
  ) {
    return text;
  }
  return null;
}

function hasSubprocessorTable(blocks: RootContent[]): boolean {
  return blocks.some((b) => {
    if (b.type !== "table") return false;
    const header = ((b as Table).children[0]?.children ?? []).map((cell) => toString(cell)).join(" | ");
    return /\bsub-?\s?processors?\b/i.test(header);
  });
}
