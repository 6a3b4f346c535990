import type { Nodes, Parent } from "mdast";

/**
 * Every node of a tree in document order, the node before its children, as unist-util-visit walks it: a visitor may
 * return SKIP (leave this node's children) or EXIT (stop). Written out because unist-util-visit builds a closure for
 * every node it passes, and the rules, the diff and the classifier walk every node of every document: on the bench's
 * corpus check its walks cost the no-placeholders and valid-cross-references rules twice their time.
 */
export const SKIP = "skip";
export const EXIT = false;

export type Visitor = (
  node: Nodes,
  index: number | undefined,
  parent: Parent | undefined,
) => typeof SKIP | false | void;

export function eachNode(tree: Nodes, visitor: Visitor): void {
  walk(tree, undefined, undefined, visitor);
}

/** False once a visitor has said EXIT. Depth is bounded: nesting beyond 100 levels is refused at parse. */
function walk(node: Nodes, index: number | undefined, parent: Parent | undefined, visitor: Visitor): boolean {
  const action = visitor(node, index, parent);
  if (action === EXIT) return false;
  if (action === SKIP || !("children" in node)) return true;
  const children = node.children as Nodes[];
  for (let i = 0; i < children.length; i++) if (!walk(children[i], i, node, visitor)) return false;
  return true;
}
