import type { FootnoteReference, Image, Link, LinkReference, Node, Parent, Root, Text } from "mdast";
import { eachNode } from "../parse/walk.js";

/**
 * Reader-visible text of inline content. Unlike `documentText` (src/parse/text.ts), which masks inline code and HTML
 * so rule patterns cannot match across them, the diff must see the words a reader sees inside code spans, and it
 * needs every link's target next to its text, so a link swap can be told apart from a wording change.
 */

export interface LinkRef {
  text: string;
  url: string;
}

export interface InlineText {
  text: string;
  links: LinkRef[];
}

export type Definitions = Map<string, string>;

export function collectDefinitions(tree: Root): Definitions {
  const defs: Definitions = new Map();
  // The first definition of an identifier wins, as in CommonMark.
  eachNode(tree, (def) => {
    if (def.type === "definition" && !defs.has(def.identifier)) defs.set(def.identifier, def.url);
  });
  return defs;
}

/** Collapses every run of whitespace (wrapping, trailing spaces, hard breaks, NBSP) into one space. */
export function normalizeSpace(text: string): string {
  // Only runs that are not already one plain space are replaced: replacing every space (one match per word) rebuilt
  // each block's text piece by piece, a tenth of a long `policylint log`'s diff. Most texts have none, and a loop
  // over char codes finds that at a fraction of what the pattern's scan of every character costs.
  return (spaced(text) ? text.replace(/[\s\u00a0\u200b]{2,}|[^\S ]|\u200b/g, " ") : text).trim();
}

/** Whether the pattern above matches: a space before more space, other whitespace, or a zero-width space. */
function spaced(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 128) continue;
    if (c === 32 ? i + 1 < text.length && isSpace(text, i + 1) : isSpace(text, i)) return true;
  }
  return false;
}

/** Whether text[i] is white space or a zero-width space; printable ASCII, the usual case, is answered at once. */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c > 32 && c < 128) return false;
  return c === 32 || SPACE.test(text[i]);
}

const SPACE = /[\s\u200b]/;

const HTML_LINK_OPEN = /^<a\b[^>]*\bhref\s*=\s*["']([^"']*)["']/i;
const HTML_LINK_CLOSE = /^<\/a\s*>$/i;
const HTML_BREAK = /^<br\s*\/?>$|^<\/br>$/i;

export function renderInline(nodes: readonly Node[], defs: Definitions, skip?: ReadonlySet<Node>): InlineText {
  let text = "";
  const links: LinkRef[] = [];
  // Raw-HTML anchors arrive as separate open and close nodes around their text.
  let htmlLink: { url: string; from: number } | null = null;

  const visit = (node: Node): void => {
    if (skip?.has(node)) return;
    switch (node.type) {
      case "text":
        text += (node as Text).value;
        return;
      case "inlineCode":
        text += (node as Text).value;
        return;
      case "break":
        text += " ";
        return;
      case "image":
      case "imageReference": {
        const alt = (node as Image).alt;
        if (alt) text += alt;
        return;
      }
      case "footnoteReference": {
        const ref = node as FootnoteReference;
        text += `[^${ref.label ?? ref.identifier}]`;
        return;
      }
      case "html": {
        const value = (node as Text).value.trim();
        const open = HTML_LINK_OPEN.exec(value);
        if (open) htmlLink = { url: open[1], from: text.length };
        else if (HTML_LINK_CLOSE.test(value) && htmlLink) {
          links.push({ text: normalizeSpace(text.slice(htmlLink.from)), url: htmlLink.url });
          htmlLink = null;
        } else if (HTML_BREAK.test(value)) text += " ";
        return;
      }
      case "link":
      case "linkReference": {
        const url = node.type === "link" ? (node as Link).url : (defs.get((node as LinkReference).identifier) ?? "");
        const from = text.length;
        for (const child of (node as Parent).children) visit(child);
        links.push({ text: normalizeSpace(text.slice(from)), url });
        return;
      }
      default:
        if ("children" in node) for (const child of (node as Parent).children) visit(child);
    }
  };
  for (const node of nodes) visit(node);
  return { text: normalizeSpace(text), links };
}

/** An autolink (`<https://…>`, a bare URL, an email) shows its target as its text. */
export function isAutolink(link: LinkRef): boolean {
  if (!link.text) return false;
  const bare = (s: string): string => s.replace(/^(?:https?:\/\/|mailto:)/i, "").replace(/\/$/, "");
  return bare(link.text) === bare(link.url);
}
