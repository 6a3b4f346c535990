import type { Element, Root } from "hast";
import type { PolicyDocument } from "../../../parse/document.js";
import type { Change, DiffResult } from "../../types.js";
import { blockAt, cellOf, isCell, lineMap, locate, tableOf } from "./locate.js";
import { claim, detached, editNodes, label, markProps, replaceInline, wrapInside, wrapOutside } from "./marks.js";
import { el, elements, headingDepth, policyHast, sectionRange, spans, text } from "./tree.js";

/**
 * The new version rendered with every change marked where it is: words struck and inserted inline, inserted blocks
 * underlined, removed blocks struck where they stood (placed after the nearest unchanged line before them), moved
 * things shown once at their new place with a note left at the old one. Changes that have no place in the text
 * (front matter, or a line the renderer cannot find) are returned for the page to list apart, so none is lost.
 */
export function markedDocument(
  result: DiffResult,
  docs: { old: PolicyDocument; new: PolicyDocument },
): { body: Root; apart: number[] } {
  const body = policyHast(docs.new.tree, docs.new.source);
  const old = policyHast(docs.old.tree, docs.old.source);
  const oldToNew = lineMap(docs.old.source, docs.new.source);
  const apart: number[] = [];
  result.changes.forEach((change, i) => {
    const n = i + 1;
    const placed =
      change.kind === "removed"
        ? placeRemoved(body, old, change, n, oldToNew)
        : change.kind === "added"
          ? placeAdded(body, change, n)
          : placeChanged(body, old, change, n, oldToNew);
    if (!placed) apart.push(i);
  });
  return { body, apart };
}

type LineMap = (line: number) => number | null;

function sectionLike(change: Change, node: Element): boolean {
  return (change.target === "section" || change.target === "clause") && headingDepth(node) > 0;
}

function placeAdded(body: Root, change: Change, n: number): boolean {
  const found = locate(body, change.target, change.new?.line);
  if (!found) return false;
  const { node, parent } = found;
  if (sectionLike(change, node)) {
    wrapOutside(parent, sectionRange(parent, node), el("ins", markProps(change, n, ["block"]), [label(change, n)]));
  } else if (node.tagName === "table" || node.tagName === "pre") {
    wrapOutside(parent, [node], el("ins", markProps(change, n, ["block"]), [label(change, n)]));
  } else {
    const cells = node.tagName === "tr" ? node.children.filter(isCell) : [node];
    for (const cell of cells) wrapInside(cell, "ins");
    claim(node, markProps(change, n), cells[0]);
    cells[0]?.children.unshift(label(change, n));
  }
  return true;
}

function placeRemoved(body: Root, old: Root, change: Change, n: number, oldToNew: LineMap): boolean {
  const found = locate(old, change.target, change.old?.line);
  if (!found || !change.old?.line) return false;
  const at = oldToNew(change.old.line);
  const { node, parent } = found;
  if (node.tagName === "tr" || node.tagName === "li") {
    const copy = detached(node);
    const cells = copy.tagName === "tr" ? copy.children.filter(isCell) : [copy];
    for (const cell of cells) wrapInside(cell, "del");
    claim(copy, markProps(change, n));
    cells[0]?.children.unshift(label(change, n));
    if (insertBeside(body, copy, at)) return true;
    return insertBlock(body, el("del", markProps(change, n, ["block"]), [label(change, n), el("div", {}, [copy])]), at);
  }
  const nodes = sectionLike(change, node) ? sectionRange(parent, node) : [node];
  return insertBlock(body, el("del", markProps(change, n, ["block"]), [label(change, n), ...nodes.map(detached)]), at);
}

/** A removed row or list item goes back into the table or list that holds the line before it, when there is one. */
function insertBeside(body: Root, copy: Element, at: number | null): boolean {
  if (at === null) return false;
  const holders = elements(body).filter((f) => f.node.tagName === copy.tagName && spans(f.node, at));
  const holder = holders[holders.length - 1];
  if (holder) {
    holder.parent.children.splice(holder.parent.children.indexOf(holder.node) + 1, 0, copy);
    return true;
  }
  if (copy.tagName !== "tr") return false;
  // The line before was the table's header: the row was the first of the body.
  const table = elements(body).find((f) => f.node.tagName === "table" && spans(f.node, at))?.node;
  const tbody = table?.children.find((c): c is Element => c.type === "element" && c.tagName === "tbody");
  if (tbody) tbody.children.unshift(copy);
  else if (table) table.children.push(el("tbody", {}, [copy]));
  return Boolean(table);
}

function insertBlock(body: Root, block: Element, at: number | null): boolean {
  if (at === null) {
    body.children.unshift(block);
    return true;
  }
  const before = blockAt(body, at);
  body.children.splice(before ? body.children.indexOf(before) + 1 : 0, 0, block);
  return true;
}

function placeChanged(body: Root, old: Root, change: Change, n: number, oldToNew: LineMap): boolean {
  const found = locate(body, change.target, change.new?.line);
  if (!found) return false;
  let { node } = found;
  if (change.target === "table-cell") node = cellOf(node, tableOf(body, node), change.column) ?? node;
  const moved = change.kind === "moved";
  const note = moved ? `from ${change.old?.path.join(" › ") || "the top"}` : "";
  // The words first (replacing a block's text), then the mark and its label around them.
  if (change.target === "link" && change.edits.length) {
    node.children.push(el("span", { className: ["was"] }, [text(" link: "), ...editNodes(change.edits)]));
  } else if (change.edits.length && change.target !== "table-row" && node.tagName !== "tr") {
    replaceInline(node, change.edits);
  } else if (change.old && change.new && change.old.text !== change.new.text && !change.edits.length) {
    const was = el("span", { className: ["was"] }, [text(" was: "), el("del", {}, [text(change.old.text)])]);
    firstCell(node).children.push(was);
  }
  const back = el("a", { href: `#change-${n}-from`, className: ["stood"] }, [text("where it stood")]);
  const stood = moved && change.old?.line ? [back, text(" ")] : [];
  if (moved && sectionLike(change, node)) {
    const range = sectionRange(found.parent, node);
    wrapOutside(found.parent, range, el("div", markProps(change, n, ["block"]), [label(change, n, note), ...stood]));
  } else {
    claim(node, markProps(change, n), firstCell(node));
    firstCell(node).children.unshift(label(change, n, note), ...stood);
  }
  if (moved) leaveMovedNote(body, old, change, n, oldToNew);
  return true;
}

function firstCell(node: Element): Element {
  return node.tagName === "tr" ? (node.children.find(isCell) ?? node) : node;
}

/** Where a moved thing stood, a line saying where it went, linked both ways. */
function leaveMovedNote(body: Root, old: Root, change: Change, n: number, oldToNew: LineMap): void {
  if (!change.old?.line) return;
  const to = change.new?.path.join(" › ") || "the top";
  const link = el("a", { href: `#change-${n}` }, [text(change.old.text.slice(0, 80))]);
  const words = [text(`${n}. moved from here to ${to}: `), link];
  const at = oldToNew(change.old.line);
  const found = locate(old, change.target, change.old.line);
  const props = { id: `change-${n}-from`, className: ["moved-note"] };
  if (found?.node.tagName === "tr") {
    if (insertBeside(body, el("tr", props, [el("td", { colSpan: 99 }, words)]), at)) return;
  } else if (found?.node.tagName === "li" && insertBeside(body, el("li", props, words), at)) return;
  insertBlock(body, el("p", props, words), at);
}
