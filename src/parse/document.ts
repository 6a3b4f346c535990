import { parse as parseYaml } from "yaml";
import type { Root, RootContent, Yaml } from "mdast";
import { checkNesting, frontMatterNesting, InputLimitError, MAX_NESTING } from "./limits.js";
import { parseMarkdown } from "./markdown.js";
import { fillMissingPositions, lineStartOffsets, pointAt, type Point } from "./positions.js";
import { buildSections, type Section } from "./sections.js";

export type { Section } from "./sections.js";

export interface FrontMatter {
  /** Parsed YAML mapping, or null when the document has none (or it is not a mapping). */
  data: Record<string, unknown> | null;
  raw: string | null;
  node: Yaml | null;
  /** Set when the YAML is malformed; rules then see no data. */
  error: string | null;
}

/** The one parsed model every rule and the diff receive. Rules never parse text themselves. */
export interface PolicyDocument {
  filePath: string;
  /** The text as parsed: a leading BOM removed, line endings as in the file. */
  source: string;
  tree: Root;
  frontMatter: FrontMatter;
  /** Blocks before the first heading. */
  preamble: RootContent[];
  /** Top-level sections; each carries its sub-sections. */
  sections: Section[];
  /** Every section in document order. */
  allSections: Section[];
  pointAt(offset: number): Point;
}

/** A parsed document less its one function: what a worker thread sends back (see thread.ts). */
export type DocumentParts = Omit<PolicyDocument, "pointAt">;

/** The document of parts parsed elsewhere: its line starts are read again from its source. */
export function documentFromParts(parts: DocumentParts): PolicyDocument {
  const lineStarts = lineStartOffsets(parts.source);
  return { ...parts, pointAt: (offset: number) => pointAt(lineStarts, offset) };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses a policy; a text beyond policylint's limits (see limits.ts) throws an InputLimitError naming the file. */
export function parseDocument(text: string, filePath = "<input>"): PolicyDocument {
  const source = stripBom(text);
  checkNesting(source, filePath);
  let tree: Root;
  try {
    tree = parseMarkdown(source);
  } catch (error) {
    throw error instanceof InputLimitError ? error.placed(filePath) : error;
  }
  const lineStarts = lineStartOffsets(source);
  fillMissingPositions(tree as unknown as Parameters<typeof fillMissingPositions>[0], source, lineStarts);
  const frontMatter = readFrontMatter(tree);
  const { preamble, sections, allSections } = buildSections(tree, source);
  return {
    filePath,
    source,
    tree,
    frontMatter,
    preamble,
    sections,
    allSections,
    pointAt: (offset: number) => pointAt(lineStarts, offset),
  };
}

function readFrontMatter(tree: Root): FrontMatter {
  const node = tree.children[0]?.type === "yaml" ? (tree.children[0] as Yaml) : null;
  if (!node) return { data: null, raw: null, node: null, error: null };
  // The yaml parser recurses once per level: thousands of levels overflow the stack, and V8 can then abort the whole
  // process ("RegExpCompiler Allocation failed") when a later regex compiles on the exhausted stack. Refuse first.
  if (frontMatterNesting(node.value) > MAX_NESTING) {
    return {
      data: null,
      raw: node.value,
      node,
      error: `nested deeper than ${MAX_NESTING} levels, beyond policylint's limit`,
    };
  }
  try {
    const parsed: unknown = parseYaml(node.value);
    const data =
      parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    return { data, raw: node.value, node, error: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { data: null, raw: node.value, node, error: reason };
  }
}
