import type { Node } from "mdast";
import { EXIT, visitParents } from "unist-util-visit-parents";
import type { PolicyDocument } from "../parse/document.js";

/**
 * The source offsets a finding on `node` covers: from its start to the end of `last` (the node itself, or the last
 * of a run of siblings, such as a heading's text without its `#` markers).
 *
 * Every parsed node has a position (parseDocument fills in the few remark-gfm leaves without one), but a rule may
 * hand over a node it built. Such a finding is never dropped and never throws: it lands, as an empty range, at the
 * start of the section holding the node's nearest positioned ancestor, or at the start of the document when no
 * section does (the node sits in the preamble or is not in the tree at all).
 */
export function nodeRange(doc: PolicyDocument, node: Node, last: Node = node): { start: number; end: number } {
  const start = node.position?.start.offset;
  const end = last.position?.end.offset;
  if (start !== undefined && end !== undefined) return { start, end: Math.max(start, end) };
  const at = sectionStart(doc, positionedAncestorStart(doc, node) ?? 0);
  return { start: at, end: at };
}

function positionedAncestorStart(doc: PolicyDocument, node: Node): number | undefined {
  let found: number | undefined;
  visitParents(doc.tree, (candidate, parents) => {
    if (candidate !== node) return;
    found = [...parents].reverse().find((p) => p.position?.start.offset !== undefined)?.position?.start.offset;
    return EXIT;
  });
  return found;
}

function sectionStart(doc: PolicyDocument, offset: number): number {
  let start = 0;
  for (const section of doc.allSections) if (section.start <= offset && offset < section.end) start = section.start;
  return start;
}
