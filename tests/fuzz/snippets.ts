/**
 * The constructs the fuzzer inserts and builds documents from: what real policies contain and what broke the parser
 * or the rules before (autolink literals after an unmatched `[`, escaped e-mails, raw HTML, kramdown attribute lists,
 * ragged tables, deep nesting, permalink headings, footnotes, front matter, odd line endings and characters).
 */
import fc from "fast-check";

const word = fc.constantFrom(
  "data",
  "Privacy",
  "personal",
  "information",
  "we",
  "collect",
  "share",
  "Section",
  "3",
  "1.1",
  "Scope",
  "cookies",
  "retain",
  "30 days",
  "GDPR",
  "you",
  "may",
  "request",
  "deletion",
  "TODO",
  "[COMPANY NAME]",
  "{{company}}",
  "XXX",
  "é",
  "日本語",
  "😀",
  "\u200b",
  "\u2028",
  "\u00a0",
  "\ud800",
  "&amp;",
  "&#0;",
  "\\",
  "*",
  "_",
  "`",
  "|",
  "[",
  "]",
  "#",
);
export const words = fc.array(word, { minLength: 0, maxLength: 8 }).map((w) => w.join(" "));
const slug = fc.constantFrom("x", "scope", "section-1", "", "1-1-scope", "%20", "x y", "privacy-policy");
const depth = fc.integer({ min: 1, max: 6 });

/**
 * One snippet; some are a single line, some several (joined with \n). Weighted: deep nesting and long runs cost
 * remark up to a second a parse (its container handling is quadratic in depth, upstream), so each comes a sixth as
 * often as an ordinary construct: a case stays near a tenth of a second and 10 000 of them fit CI's time. Depth and
 * size at their extremes are tested on purpose elsewhere (tests/limits.test.ts).
 */
const COMMON = 6;
const RARE = 1;
export const snippet: fc.Arbitrary<string> = fc.oneof(
  // Bare addresses after an unmatched `[`, and e-mails where remark-gfm rebuilds text without positions.
  {
    weight: COMMON,
    arbitrary: fc
      .tuple(
        words,
        fc.constantFrom("https://example.com/a_b", "www.example.com", "privacy@example.com", "mailto:x@example.com"),
      )
      .map(([w, u]) => `[${w} ${u}`),
  },
  {
    weight: COMMON,
    arbitrary: fc.constantFrom(
      "_write to privacy@example.com_",
      "*privacy@example.com*",
      "a\\_b@example.com",
      "[see www.example.com](#x) and [www.example.org",
      "<a name=x>",
      '<a name="scope"></a>',
      "<a id=x></a>[1.1 Scope](#scope)",
      "<table><tr><td>Data</td><td>30 days</td></tr></table>",
      "<table>\n<tr><th>Name</th></tr>",
      "<script>alert('x')</script>",
      "<!-- policylint-disable -->",
      "<!-- policylint-disable-next-line no-placeholders -->",
      "<!-- policylint-enable",
      "<!--",
      "-->",
      "{: #id}",
      "{: .class #id}",
      "## Scope {#scope}",
      "| a | b |\n| - | - |",
      "| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |",
      "|---|",
      "| |\n|-|\n| |",
      "a | b\n-- | --",
      "Title\n=====",
      "Title\n-----",
      "\n=====",
      "### [](#x)1.1 Scope",
      "## [](#scope)",
      "#",
      "## ",
      "# #",
      "#### ![](x.png)",
      "# [Privacy](#privacy) **Policy**",
      "Text with a note[^1].\n\n[^1]: The note.",
      "[^1]: An orphan note.",
      "[^x]",
      "[ref][missing] and [ref]\n\n[ref]: #nowhere",
      "See Section 99 and section 2.3(b) above.",
      "See [Section 2](#no-such-section).",
      "Last updated: 2024-01-01",
      "Last updated: 31 February 2024",
      "Effective date: 2024-13-45",
      "Last Updated:",
      "**Effective:** [DATE]",
      "We collect the following:",
      "We use:",
      "**Retention.** We keep data for 30 days.",
      "1. **Scope** applies\n2. **Use** applies",
      "- **A.** one\n- **B.** two",
      "```\nunclosed fence",
      "~~~",
      "    indented code",
      "***",
      "- [ ] task\n- [x] done",
      "> ",
      "* ",
      "1.",
      "2) ",
      "\\",
      "&nbsp;",
    ),
  },
  // Deep nesting: lists, block quotes, both, and indented lists (a few hundred levels).
  { weight: RARE, arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => `${"- ".repeat(n)}deep item`) },
  { weight: RARE, arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => `${"> ".repeat(n)}deep quote`) },
  { weight: RARE, arbitrary: fc.integer({ min: 1, max: 300 }).map((n) => `${"> - 1. ".repeat(n)}deep mix`) },
  {
    weight: RARE,
    arbitrary: fc
      .integer({ min: 1, max: 60 })
      .map((n) => Array.from({ length: n }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n")),
  },
  {
    weight: RARE,
    arbitrary: fc
      .integer({ min: 1, max: 200 })
      .map((n) => Array.from({ length: n }, (_, i) => `${">".repeat(i + 1)} level ${i}`).join("\n")),
  },
  { weight: COMMON, arbitrary: fc.tuple(depth, words).map(([d, w]) => `${"#".repeat(d)} ${w}`) },
  { weight: COMMON, arbitrary: fc.tuple(depth, slug, words).map(([d, s, w]) => `${"#".repeat(d)} [](#${s})${w}`) },
  { weight: COMMON, arbitrary: fc.tuple(slug, words).map(([s, w]) => `[${w}](#${s})`) },
  // Tables: header only, ragged, many columns, empty cells.
  {
    weight: COMMON,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 6 }))
      .map(([cols, rows]) =>
        [`|${" h |".repeat(cols)}`, `|${"---|".repeat(cols)}`, ...rows.map((n) => `|${" c |".repeat(n)}`)].join("\n"),
      ),
  },
  // Front matter, valid and broken.
  {
    weight: COMMON,
    arbitrary: fc.constantFrom(
      "---\ntitle: Privacy Policy\nlast_updated: 2024-01-01\n---",
      "---\ntitle: [unclosed\n---",
      "---\n- a\n- b\n---",
      "---\n---",
      "---\ntitle: 1\n",
      "---\n: :\n---",
      "---\ntitle: &a [*a]\n---",
    ),
  },
  // Odd characters and very long lines (long enough to show a quadratic scan; remark's own cost on runs of `*_` and
  // on indented lists nested 200 deep is seconds per parse, so those stay shorter).
  {
    weight: COMMON,
    arbitrary: fc.constantFrom("\u0000", "\r", "\r\n", "\ufeff", "\u0000\u0000# NUL heading", "\t", "\u000b\u000c"),
  },
  { weight: RARE, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => "word ".repeat(n / 5)) },
  { weight: RARE, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => "a".repeat(n)) },
  { weight: RARE, arbitrary: fc.integer({ min: 100, max: 5_000 }).map((n) => "[".repeat(n)) },
  { weight: RARE, arbitrary: fc.integer({ min: 10, max: 300 }).map((n) => "*_".repeat(n)) },
  { weight: COMMON, arbitrary: words },
);

/** A whole document built from the constructs, with the separators real files use. */
export const generatedDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(snippet, fc.constantFrom("\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "")), {
      minLength: 0,
      maxLength: 25,
    }),
    fc.boolean(),
  )
  .map(([parts, bom]) => (bom ? "\ufeff" : "") + parts.map(([s, sep]) => s + sep).join(""));

/** One edit of a list of lines; positions are taken modulo the length, so any integer is valid and shrinks well. */
export type Mutation =
  | { kind: "delete" | "duplicate" | "truncate"; at: number; cut: number }
  | { kind: "swap"; at: number; other: number }
  | { kind: "insert"; at: number; text: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("delete" as const, "duplicate" as const, "truncate" as const),
    at: fc.nat(),
    cut: fc.nat(),
  }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: snippet }),
);

export function applyMutations(lines: string[], mutations: Mutation[]): string[] {
  const out = [...lines];
  for (const m of mutations) {
    const at = out.length ? m.at % out.length : 0;
    if (m.kind === "insert") out.splice(at, 0, ...m.text.split("\n"));
    else if (!out.length) continue;
    else if (m.kind === "delete") out.splice(at, 1);
    else if (m.kind === "duplicate") out.splice(at, 0, out[at]);
    else if (m.kind === "truncate") out[at] = out[at].slice(0, m.cut % (out[at].length + 1));
    else if (m.kind === "swap") {
      const other = m.other % out.length;
      [out[at], out[other]] = [out[other], out[at]];
    }
  }
  return out;
}

/** Whole-text transforms applied after the line edits. */
export type Ending = "lf" | "crlf" | "cr" | "bom" | "nul" | "none";
export const ending: fc.Arbitrary<Ending> = fc.constantFrom("none", "none", "none", "lf", "crlf", "cr", "bom", "nul");

export function applyEnding(text: string, kind: Ending, at: number): string {
  switch (kind) {
    case "crlf":
      return text.replace(/\r?\n/g, "\r\n");
    case "cr":
      return text.replace(/\r?\n/g, "\r");
    case "bom":
      return `\ufeff${text}`;
    case "nul": {
      const i = text.length ? at % text.length : 0;
      return `${text.slice(0, i)}\u0000${text.slice(i)}`;
    }
    default:
      return text;
  }
}
