import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { parseDocument } from "../../../parse/document.js";
import type { Change, DiffResult, DocumentInfo } from "../../types.js";
import { placeOf, plural, TARGET_LABEL } from "../common.js";
import { markedDocument } from "./document.js";
import { editNodes, label, markProps } from "./marks.js";
import { CSS, SCRIPT, contentSecurityPolicy } from "./style.js";
import { el, text } from "./tree.js";

/**
 * `policylint diff --format html`: one self-contained page, a redline a reviewer can sign off. With both versions'
 * texts, the new version is shown as its readers see it with every change marked in place; with the result alone
 * (the JSON contract is enough), every change is listed with its words struck and inserted. Either way the change
 * list beside it links to each mark.
 */
export function renderHtml(result: DiffResult, texts?: { old: string; new: string }): string {
  let body: ElementContent[] = [];
  let apart = result.changes.map((_, i) => i);
  if (texts) {
    const marked = markedDocument(result, {
      old: parseDocument(texts.old, result.old.file),
      new: parseDocument(texts.new, result.new.file),
    });
    body = marked.body.children as ElementContent[];
    apart = marked.apart;
  }
  const main = el("main", { id: "document", ariaLabel: "The new version with its changes marked" }, [
    ...(apart.length ? [apartBox(result.changes, apart, Boolean(texts))] : []),
    ...body,
  ]);
  const page: Root = {
    type: "root",
    children: [
      { type: "doctype" },
      el("html", { lang: "en" }, [
        el("head", {}, [
          el("meta", { charSet: "utf-8" }),
          el("meta", { httpEquiv: ["Content-Security-Policy"], content: contentSecurityPolicy() }),
          el("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
          el("title", {}, [text(`Redline: ${result.old.file} → ${result.new.file}`)]),
          el("style", {}, [text(CSS)]),
        ]),
        el("body", {}, [changeList(result), main, el("script", {}, [text(SCRIPT)])]),
      ]),
    ],
  };
  return `${toHtml(page)}\n`;
}

function changeList(result: DiffResult): Element {
  const summary = result.summary ?? { material: 0, substantive: 0, editorial: 0 };
  const problems = result.problems ?? [];
  return el("nav", { id: "changes", ariaLabel: "Changes" }, [
    el("h1", { className: ["title"] }, [text("Redline")]),
    el("dl", { className: ["versions"] }, [
      ...version("Old version", result.old),
      ...version("New version", result.new),
    ]),
    el("p", { className: ["summary"] }, [
      text(`${plural(result.changes.length, "change")}: ${summary.material} material, `),
      text(`${summary.substantive} substantive, ${summary.editorial} editorial`),
    ]),
    ...(problems.length
      ? [
          el(
            "div",
            { className: ["problems"], role: "note" },
            problems.map((p) => el("p", {}, [el("strong", {}, [text(p.code)]), text(`: ${p.message}`)])),
          ),
        ]
      : []),
    el("fieldset", {}, [
      el("legend", {}, [text("Show in this list")]),
      ...(["material", "substantive", "editorial"] as const).flatMap((s) => [
        el("label", {}, [
          el("input", { type: "checkbox", id: `show-${s}`, checked: true }),
          text(` ${s} (${summary[s]}) `),
        ]),
      ]),
    ]),
    el("p", { className: ["hint"] }, [text("Keys: n or j for the next change, p or k for the previous one.")]),
    el(
      "ol",
      { className: ["list"] },
      result.changes.map((c, i) => listItem(c, i + 1)),
    ),
  ]);
}

function version(name: string, info: DocumentInfo): ElementContent[] {
  const stated = info.stated ? `stated date: ${info.stated.text}` : "no stated date";
  return [el("dt", {}, [text(name)]), el("dd", {}, [el("code", {}, [text(info.file)]), text(` (${stated})`)])];
}

function listItem(change: Change, n: number): Element {
  const significance = change.significance ?? "editorial";
  return el("li", { className: [`sig-${significance}`] }, [
    el("a", { href: `#change-${n}` }, [
      el("span", { className: ["sig"] }, [text(significance)]),
      text(` ${change.kind} ${TARGET_LABEL[change.target]}${change.row ? `: ${change.row}` : ""}`),
    ]),
    el("span", { className: ["where"] }, [text(placeOf(change))]),
    ...((change.reasons ?? []).length
      ? [
          el(
            "ul",
            { className: ["reasons"] },
            (change.reasons ?? []).map((r) => el("li", {}, [text(r.message)])),
          ),
        ]
      : []),
  ]);
}

/** Changes with no place in the rendered text: shown here with their words, so every change has its mark. */
function apartBox(changes: readonly Change[], indexes: number[], withText: boolean): Element {
  const title = withText ? "Changes outside the text (front matter, or not found in it)" : "Changes";
  return el("section", { className: ["apart"], ariaLabel: title }, [
    el("h2", {}, [text(title)]),
    ...indexes.map((i) => {
      const c = changes[i];
      const words = c.edits.length
        ? editNodes(c.edits)
        : [
            ...(c.old ? [el("del", {}, [text(c.old.content ?? c.old.text)])] : []),
            ...(c.new ? [text(" "), el("ins", {}, [text(c.new.content ?? c.new.text)])] : []),
          ];
      const where = c.field ? `front matter ${c.field}: ` : `${placeOf(c)}: `;
      return el("p", markProps(c, i + 1), [label(c, i + 1), text(where), ...words]);
    }),
  ]);
}
