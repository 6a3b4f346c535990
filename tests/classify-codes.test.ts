import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { CODES } from "../src/classify/codes.js";
import { fill, finding } from "../src/classify/finding.js";
import { PHRASE_DATA } from "../src/classify/phrases.js";

/**
 * Each classifier finding is declared once: its sentences live with its code in src/classify/codes.ts and every
 * finding is built by finding() from them. The compiler says which code and message id each call can pass (a
 * variable such as `kind` is the union of the codes it may hold), so the test sees every pair the classifier builds.
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const FILES = globSync(["src/classify/*.ts"], { cwd: ROOT, absolute: true }).sort();
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

interface Call {
  site: string;
  codes: string[];
  ids: string[];
}

function scan(): { calls: Call[]; inline: string[] } {
  const program = ts.createProgram(FILES, {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const literals = (node: ts.Node): string[] => {
    const type = checker.getTypeAtLocation(node);
    return (type.isUnion() ? type.types : [type]).map((t) =>
      t.isStringLiteral() ? t.value : `<${checker.typeToString(t)}>`,
    );
  };
  const calls: Call[] = [];
  const inline: string[] = [];
  for (const file of FILES) {
    const source = program.getSourceFile(file)!;
    const site = (node: ts.Node) =>
      `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText() === "finding") {
        calls.push({ site: site(node), codes: literals(node.arguments[0]), ids: literals(node.arguments[1]) });
      }
      // A reason written out by hand: a code beside a sentence (a date problem, with its severity, is not a reason).
      if (ts.isObjectLiteralExpression(node) && path.basename(file) !== "finding.ts") {
        const named = (name: string) => node.properties.find((p) => p.name?.getText() === name);
        const message = named("message");
        const written = message && ts.isPropertyAssignment(message) && !ts.isIdentifier(message.initializer);
        if (named("code") && written && !named("severity")) inline.push(site(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { calls, inline };
}

const { calls, inline } = scan();

/**
 * The reasons found by their phrases alone (data/materiality.json `phraseReasons`): phrases.ts builds them with the
 * side whose phrases came or went as the message id, so each side with phrases is a use of `code.side`.
 */
function phraseCalls(): Call[] {
  const data = JSON.parse(readFileSync(path.join(ROOT, "data/materiality.json"), "utf8")) as {
    phraseReasons?: Record<string, Record<string, string[]> | string>;
  };
  return Object.entries(data.phraseReasons ?? {})
    .filter(([code]) => !code.startsWith("$"))
    .map(([code, sides]) => ({
      site: `data/materiality.json phraseReasons.${code}`,
      codes: [code],
      ids: Object.entries(sides)
        .filter(([, phrases]) => phrases.length)
        .map(([side]) => side),
    }));
}

describe("reason codes and their sentences (src/classify/codes.ts)", () => {
  it("are the only way the classifier builds a reason", () => {
    expect(inline).toEqual([]);
    expect(calls.length).toBeGreaterThan(50);
  });

  it("declare every message each finding() call can ask for, and every declared message is asked for", () => {
    const undeclared: string[] = [];
    const used = new Set<string>();
    for (const call of [...calls, ...phraseCalls()]) {
      for (const code of call.codes) {
        for (const id of call.ids) {
          used.add(`${code}.${id}`);
          if (CODES[code]?.messages[id] === undefined) undeclared.push(`${call.site} ${code}.${id}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
    const declared = Object.entries(CODES).flatMap(([code, spec]) =>
      Object.keys(spec.messages).map((id) => `${code}.${id}`),
    );
    expect(declared.filter((m) => !used.has(m))).toEqual([]);
  });

  it("name in phraseReasons only declared codes, whose sentences use only the data the phrase detector passes", () => {
    const phrased = phraseCalls();
    expect(phrased.length).toBeGreaterThan(0);
    expect(phrased.map((c) => c.codes[0]).filter((code) => !Object.hasOwn(CODES, code))).toEqual([]);
    const unfilled: string[] = [];
    for (const { codes, ids } of phrased) {
      const spec = CODES[codes[0]];
      for (const id of ids) {
        for (const template of [spec?.messages[id], spec?.readers?.[id]]) {
          for (const [, name] of template?.matchAll(PLACEHOLDER) ?? []) {
            if (!(PHRASE_DATA as readonly string[]).includes(name)) unfilled.push(`${codes[0]}.${id}: {{${name}}}`);
          }
        }
      }
    }
    expect(unfilled).toEqual([]);
  });

  it("give every code a message, and a reader sentence only beside a message of the same id", () => {
    for (const [code, spec] of Object.entries(CODES)) {
      expect(Object.keys(spec.messages).length, code).toBeGreaterThan(0);
      for (const id of Object.keys(spec.readers ?? {})) expect(spec.messages[id], `${code} reader ${id}`).toBeDefined();
    }
  });

  it("name placeholders as words, each template filled from one data object", () => {
    for (const [code, spec] of Object.entries(CODES)) {
      for (const template of [...Object.values(spec.messages), ...Object.values(spec.readers ?? {})]) {
        for (const [, name] of template.matchAll(PLACEHOLDER)) expect(name, `${code}: ${template}`).toMatch(/^[\w-]+$/);
        expect(template.replace(PLACEHOLDER, ""), `${code}: ${template}`).not.toMatch(/\{\{|\}\}/);
      }
    }
  });

  it("fill every placeholder, and throw on one without data instead of printing it", () => {
    expect(fill("adds {{what}}{{why}}", { what: "“cookies”", why: "" }, "t")).toBe("adds “cookies”");
    // Policy words that look like a placeholder are printed as they are, not filled again.
    expect(fill("adds {{what}}", { what: "{{why}}" }, "t")).toBe("adds {{why}}");
    expect(() => fill("adds {{what}}{{why}}", { what: "x" }, "new-data-category.row")).toThrow(
      "new-data-category.row: no data for {{why}}",
    );
    const data = { recipient: "“Acme”", extra: "", name: "Acme", purpose: "", where: "", receives: "" };
    expect(finding("new-recipient", "added", data, { family: "recipient", key: "acme", direction: "added" })).toEqual({
      code: "new-recipient",
      message: "adds the recipient “Acme”",
      family: "recipient",
      key: "acme",
      direction: "added",
      reader: "We now share your information with Acme.",
    });
    const { receives: _, ...missing } = data;
    expect(() => finding("new-recipient", "added", missing as typeof data)).toThrow(
      "new-recipient.added reader: no data for {{receives}}",
    );
  });
});
