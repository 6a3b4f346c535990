import type { Element, ElementContent, Properties } from "hast";
import type { Change, EditPart } from "../../types.js";
import { TARGET_LABEL } from "../common.js";
import { addClass, el, text } from "./tree.js";

/** What every change's mark carries: an anchor the change list links to, and what a script or a test reads. */
export function markProps(change: Change, n: number, extra: string[] = []): Properties {
  return {
    id: `change-${n}`,
    dataChange: change.id,
    dataSignificance: change.significance ?? "editorial",
    tabIndex: -1,
    className: ["mark", `mark-${change.kind}`, `sig-${change.significance ?? "editorial"}`, ...extra],
  };
}

const KIND_LABEL: Record<Change["kind"], string> = {
  added: "Inserted",
  removed: "Deleted",
  modified: "Changed",
  moved: "Moved",
  renamed: "Renamed",
};

/** The words beside each mark, so colour is never the only signal (and print and screen readers get them too). */
export function label(change: Change, n: number, note = ""): Element {
  const what = `${KIND_LABEL[change.kind]} ${TARGET_LABEL[change.target]}`;
  return el("span", { className: ["label"] }, [
    text(`${n}. ${what}${note ? ` ${note}` : ""} · ${change.significance ?? "editorial"}`),
  ]);
}

/** A word-level edit as the reader sees it: struck words in <del>, new ones in <ins>. */
export function editNodes(edits: readonly EditPart[]): ElementContent[] {
  return edits.map((e) =>
    e.op === "equal" ? text(e.text) : el(e.op === "delete" ? "del" : "ins", {}, [text(e.text)]),
  );
}

/** Puts `props` on `node`, or on an anchor inside it when another change already claimed the node. */
export function claim(node: Element, props: Properties, first: Element = node): void {
  if (node.properties.id === undefined) {
    const { className, ...rest } = props;
    Object.assign(node.properties, rest);
    addClass(node, ...(className as string[]));
  } else {
    first.children.unshift(el("span", { ...props, className: [...(props.className as string[]), "anchor"] }));
  }
}

/** Wraps a node's content in <ins> or <del>: the mark for a list item, row cell, paragraph or heading. */
export function wrapInside(node: Element, tag: "ins" | "del"): void {
  node.children = [el(tag, {}, node.children)];
}

/** Replaces `nodes` (siblings in `parent`) by one element holding them: a whole section inserted or moved. */
export function wrapOutside(parent: { children: unknown[] }, nodes: ElementContent[], wrapper: Element): void {
  const start = parent.children.indexOf(nodes[0]);
  wrapper.children.push(...nodes);
  parent.children.splice(start, nodes.length, wrapper);
}

/** A deep copy without source positions: an old version's block placed in the new one must not be found by line. */
export function detached<T>(node: T): T {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === "position" ? undefined : value))) as T;
}

/** The inline part of a block (a tight list item's text, not its nested list) replaced by the edit. */
export function replaceInline(node: Element, edits: readonly EditPart[]): void {
  const paragraph = node.children.find((c): c is Element => c.type === "element" && c.tagName === "p");
  if (paragraph) {
    paragraph.children = editNodes(edits);
    return;
  }
  const blocks = node.children.filter((c) => c.type === "element" && BLOCK.has(c.tagName));
  node.children = [...editNodes(edits), ...blocks];
}

const BLOCK = new Set(["ul", "ol", "pre", "blockquote", "table", "div"]);
