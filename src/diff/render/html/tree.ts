import type { Element, ElementContent, Root, RootContent } from "hast";
import type { Nodes as MdastNodes, Root as MdastRoot } from "mdast";
import { defaultSchema, sanitize } from "hast-util-sanitize";
import { toHast, type State } from "mdast-util-to-hast";

/**
 * A policy as its readers see it: mdast → hast the way unified renders Markdown, then sanitised with GitHub's schema
 * (hast-util-sanitize's default), so `javascript:` links, event attributes and unknown elements never reach the page.
 * Raw HTML is shown as text rather than parsed (parsing it would need a whole HTML parser for what is, in a policy,
 * nearly always a `<br>` or an anchor), and images become their alt text: the page must make no request at all.
 */
export function policyHast(tree: MdastRoot): Root {
  const hast = toHast(tree, { handlers: HANDLERS }) as Root;
  return sanitize(hast, { ...defaultSchema, clobberPrefix: "policy-" }) as Root;
}

const HANDLERS = {
  yaml: () => undefined,
  toml: () => undefined,
  html(_state: State, node: MdastNodes): ElementContent | undefined {
    const value = "value" in node ? String(node.value) : "";
    if (/^<!--[^]*-->$/.test(value.trim())) return undefined;
    if (/^<br\s*\/?>$/i.test(value.trim())) return { type: "element", tagName: "br", properties: {}, children: [] };
    return el("code", { className: ["raw-html"] }, [{ type: "text", value }]);
  },
  image(_state: State, node: MdastNodes): ElementContent {
    const alt = "alt" in node && node.alt ? String(node.alt) : "image";
    return el("span", { className: ["image"] }, [{ type: "text", value: `[${alt}]` }]);
  },
  imageReference(_state: State, node: MdastNodes): ElementContent {
    const alt = "alt" in node && node.alt ? String(node.alt) : "image";
    return el("span", { className: ["image"] }, [{ type: "text", value: `[${alt}]` }]);
  },
};

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
