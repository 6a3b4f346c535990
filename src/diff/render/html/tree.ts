import type { Element, ElementContent, Root, RootContent } from "hast";
import type { Root as MdastRoot } from "mdast";
import { raw } from "hast-util-raw";
import { defaultSchema, sanitize } from "hast-util-sanitize";
import { toHast } from "mdast-util-to-hast";
import { VFile } from "vfile";

/**
 * A policy as its readers see it: mdast → hast the way unified renders Markdown (raw HTML re-parsed in place by
 * hast-util-raw, as rehype-raw does, with the source so every element keeps its line), then sanitised with GitHub's
 * schema (hast-util-sanitize's default): `<script>`, `javascript:` links, `on…` attributes and unknown elements never
 * reach the page. Anything that would fetch (an image, a video) becomes its alt text first: the page makes no request.
 */
export function policyHast(tree: MdastRoot, source: string): Root {
  const hast = raw(toHast(tree, { handlers: HANDLERS, allowDangerousHtml: true }), { file: new VFile(source) }) as Root;
  withoutFetches(hast);
  return sanitize(hast, { ...defaultSchema, clobberPrefix: "policy-" }) as Root;
}

// Front matter is metadata: its changes are listed apart, never rendered as text.
const HANDLERS = { yaml: () => undefined, toml: () => undefined };

function withoutFetches(parent: Parent): void {
  parent.children.forEach((child, i) => {
    if (child.type !== "element") return;
    const { src, srcSet, poster, data, alt } = child.properties;
    if (src !== undefined || srcSet !== undefined || poster !== undefined || data !== undefined) {
      const words = typeof alt === "string" && alt ? alt : child.tagName;
      parent.children[i] = { ...el("span", { className: ["image"] }, [text(`[${words}]`)]), position: child.position };
    } else withoutFetches(child);
  });
}

export function el(tagName: string, properties: Element["properties"], children: ElementContent[] = []): Element {
  return { type: "element", tagName, properties, children };
}

export function text(value: string): ElementContent {
  return { type: "text", value };
}

export type Parent = Root | Element;

export interface Found {
  node: Element;
  parent: Parent;
}

/** Every element in document order with its parent; walked afresh each time, since marking moves nodes around. */
export function elements(root: Parent): Found[] {
  const out: Found[] = [];
  const walk = (parent: Parent) => {
    for (const child of parent.children as (RootContent | ElementContent)[]) {
      if (child.type !== "element") continue;
      out.push({ node: child, parent });
      walk(child);
    }
  };
  walk(root);
  return out;
}

export function startLine(node: Element): number | undefined {
  return node.position?.start.line;
}

export function spans(node: Element, line: number): boolean {
  const p = node.position;
  return Boolean(p && p.start.line <= line && line <= p.end.line);
}

export function headingDepth(node: RootContent | ElementContent): number {
  return node.type === "element" && /^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : 0;
}

/** A heading and the blocks after it up to the next heading of the same or a higher level: its section. */
export function sectionRange(parent: Parent, heading: Element): ElementContent[] {
  const siblings = parent.children as ElementContent[];
  const start = siblings.indexOf(heading);
  const depth = headingDepth(heading);
  let end = start + 1;
  while (end < siblings.length && !(headingDepth(siblings[end]) && headingDepth(siblings[end]) <= depth)) end++;
  // Trailing whitespace text between blocks stays outside.
  while (end > start + 1 && siblings[end - 1].type === "text") end--;
  return siblings.slice(start, end);
}

export function textOf(node: ElementContent | Root): string {
  if (node.type === "text") return node.value;
  if (node.type === "element" || node.type === "root") return (node.children as ElementContent[]).map(textOf).join("");
  return "";
}

export function addClass(node: Element, ...names: string[]): void {
  const current: unknown = node.properties.className;
  const list = Array.isArray(current) ? current.map(String) : typeof current === "string" ? current.split(" ") : [];
  node.properties.className = [...list, ...names.filter((n) => !list.includes(n))];
}
