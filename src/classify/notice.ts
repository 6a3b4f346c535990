import { CODES, significanceOf } from "./codes.js";
import type { ClassifiedResult } from "./index.js";
import type { Finding } from "./types.js";

/**
 * The draft of a material-change notice (an e-mail or an in-app message): each material change in words a reader
 * understands, grouped by the section it is in, the date the new version takes effect, and a link to the full
 * policy. A draft for the author to review, never sent as is: the link is a placeholder until `--url` is given.
 */

export type NoticeFormat = "markdown" | "text" | "html";

export interface NoticeInput {
  result: ClassifiedResult;
  findings: Map<string, Finding[]>;
  /** The policy's name as its readers know it ("Privacy Policy"); null for "policy". */
  title: string | null;
  effective: string;
  url: string | null;
}

export const URL_PLACEHOLDER = "[LINK TO THE FULL POLICY]";
/** What a notice says when no effective date is given and the new version states none. */
export const DATE_PLACEHOLDER = "[EFFECTIVE DATE]";

export interface NoticeGroup {
  section: string;
  items: string[];
}

/** The material changes as reader sentences, grouped by section in document order (one sentence said once). */
export function noticeGroups(result: ClassifiedResult, findings: Map<string, Finding[]>): NoticeGroup[] {
  const groups = new Map<string, NoticeGroup>();
  for (const change of result.changes) {
    if (change.significance !== "material") continue;
    const section = change.section?.title ?? change.path[change.path.length - 1] ?? "General";
    const group = groups.get(section) ?? { section, items: [] };
    groups.set(section, group);
    for (const f of findings.get(change.id) ?? []) {
      if (significanceOf(f.code) !== "material") continue;
      const sentence = f.reader ?? `${CODES[f.code]?.notice ?? "Changed"}: ${f.message}.`;
      if (!group.items.includes(sentence)) group.items.push(sentence);
    }
  }
  return [...groups.values()].filter((g) => g.items.length);
}

export function renderNotice(input: NoticeInput, format: NoticeFormat): string {
  const groups = noticeGroups(input.result, input.findings);
  const policy = input.title ? `our ${input.title}` : "our policy";
  const name = input.title ?? "policy";
  if (!groups.length) {
    const none =
      `There are no material changes between ${input.result.old.file} and ${input.result.new.file}, ` +
      "so no notice of material changes is needed.";
    return format === "html" ? `<p>${html(none)}</p>\n` : `${none}\n`;
  }
  const heading = `Updates to ${policy}`;
  const intro = `We are updating ${policy}. The changes take effect on ${input.effective}. Here is what is changing:`;
  const link = input.url ?? URL_PLACEHOLDER;
  const questions = "If you have questions about these changes, please contact us.";
  const outro = `You can read the full updated ${name} at ${link}. ${questions}`;
  if (format === "html") {
    const anchor = input.url ? `<a href="${html(input.url)}">${html(input.url)}</a>` : html(URL_PLACEHOLDER);
    return [
      `<h1>${html(heading)}</h1>`,
      `<p>${html(intro)}</p>`,
      ...groups.flatMap((g) => [
        `<h2>${html(g.section)}</h2>`,
        "<ul>",
        ...g.items.map((i) => `  <li>${html(i)}</li>`),
        "</ul>",
      ]),
      `<p>You can read the full updated ${html(name)} at ${anchor}. ${questions}</p>`,
      "",
    ].join("\n");
  }
  if (format === "text") {
    return [
      heading,
      "",
      intro,
      "",
      ...groups.flatMap((g) => [g.section, ...g.items.map((i) => `  - ${i}`), ""]),
      outro,
      "",
    ].join("\n");
  }
  const mdLink = input.url ? `<${input.url}>` : URL_PLACEHOLDER.replace(/[[\]]/g, "\\$&");
  return [
    `# ${md(heading)}`,
    "",
    md(intro),
    "",
    ...groups.flatMap((g) => [`## ${md(g.section)}`, "", ...g.items.map((i) => `- ${md(i)}`), ""]),
    `You can read the full updated ${md(name)} at ${mdLink}. ${questions}`,
    "",
  ].join("\n");
}

export function html(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Escapes what would render as markup; a notice quotes policy text, which may hold any character. */
function md(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^([^\S\n\r\u2028\u2029]*)(\d+)([.)])(?=\s)/gm, "$1$2\\$3")
    .replace(/^([^\S\n\r\u2028\u2029]*)([#+-])(?=\s)/gm, "$1\\$2");
}
