import { createRequire } from "node:module";
import type * as Refa from "refa";
import type * as Scslre from "scslre";

/**
 * Whether a regular expression can take super-linear time, by static analysis: scslre (the analysis behind
 * eslint-plugin-regexp's no-super-linear-backtracking and no-super-linear-move) finds quantifiers that can share a
 * run of one repeated character, and refa's automata find alternatives of a repeated group that can match the same
 * text (`(\w|\d)+`), which scslre does not look for. Both answer in milliseconds and the same way on every machine,
 * so a configuration is accepted or refused alike everywhere. Neither sees attacks built from a repeated word
 * ("Acme Inc. Acme Inc. …"); tests/regex-timing.test.ts times the project's own patterns on such text.
 *
 * The libraries are loaded on first use, by require at run time: a configuration without patterns of its own, the
 * usual case, pays nothing at start-up, and the CLI bundle stays as small as it was.
 */

let libraries: { analyse: typeof Scslre.analyse; refa: typeof Refa } | undefined;

function load(): NonNullable<typeof libraries> {
  if (!libraries) {
    const require = createRequire(import.meta.url);
    libraries = { analyse: (require("scslre") as typeof Scslre).analyse, refa: require("refa") as typeof Refa };
  }
  return libraries;
}

/** Why the pattern can take super-linear time on some text, or null when neither analysis finds a way. */
export function superLinearReason(pattern: RegExp): string | null {
  const { analyse, refa } = load();
  const literal = { source: pattern.source, flags: pattern.flags };
  const reports = analyse(literal, { maxReports: 8 }).reports;
  // The worst first: exponential backtracking, then polynomial backtracking, then a match retried at every position.
  const exponential = reports.find((r) => r.exponential);
  if (exponential) return describe(exponential);
  const overlap = overlappingAlternatives(refa, literal);
  if (overlap) return overlap;
  const report = reports.find((r) => r.type !== "Move") ?? reports[0];
  return report ? describe(report) : null;
}

function describe(report: Scslre.Report): string {
  const run = `a run of ${JSON.stringify(report.character.pick)}`;
  const growth = report.exponential ? "exponential" : "polynomial";
  switch (report.type) {
    case "Self":
      return (
        `"${report.quant.raw}" inside "${report.parentQuant.raw}" can split ${run} ` +
        `in many ways (${growth} backtracking)`
      );
    case "Trade":
      return `"${report.startQuant.raw}" and "${report.endQuant.raw}" can each take ${run} (${growth} backtracking)`;
    case "Move":
      return (
        `"${report.quant.raw}" is tried again from every character of ${run} ` +
        `(quadratic time; anchor it, e.g. with \\b or a lookbehind)`
      );
  }
}

/** `(a|a)*`, `(\w|\d)+`: a repeated group whose alternatives match a common text can take each of them, 2ⁿ ways. */
function overlappingAlternatives(refa: typeof Refa, literal: { source: string; flags: string }): string | null {
  const parser = refa.JS.Parser.fromLiteral(literal);
  const language = (alternative: Refa.JS.ParsableElement) => {
    const { expression, maxCharacter } = parser.parseElement(alternative, {
      assertions: "ignore",
      backreferences: "disable",
    });
    const nfa = refa.NFA.fromRegex(expression, { maxCharacter });
    nfa.withoutEmptyWord();
    return nfa;
  };
  let found: string | null = null;
  const visit = (node: object): void => {
    if (found) return;
    const n = node as {
      type: string;
      max?: number;
      raw: string;
      element?: { type: string; alternatives?: { raw: string }[] };
    };
    const alternatives = n.element?.alternatives;
    if (n.type === "Quantifier" && n.max! > 1 && alternatives && alternatives.length > 1) {
      const languages = alternatives.map((a) => language(a as Refa.JS.ParsableElement));
      for (let i = 0; i < languages.length && !found; i++) {
        for (let j = i + 1; j < languages.length && !found; j++) {
          if (!refa.isDisjointWith(languages[i], languages[j])) {
            found =
              `"${alternatives[i].raw}" and "${alternatives[j].raw}" in "${n.raw}" ` +
              `can match the same text (exponential backtracking)`;
          }
        }
      }
    }
    for (const key of ["alternatives", "elements", "element"] as const) {
      const child = (node as Record<string, unknown>)[key];
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child === "object") visit(child);
    }
  };
  visit(parser.ast.pattern);
  return found;
}
