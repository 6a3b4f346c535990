import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import type { Code, Construct, Effects, Event, State, Token, TokenizeContext } from "micromark-util-types";

/**
 * micromark-extension-gfm-autolink-literal 2.1.0 refuses an autolink literal (`www.`, `http`, an e-mail) that starts
 * after an unbalanced `[` or `![` of the same paragraph. It finds out by walking back over the paragraph's events
 * until it meets such a label or a token it marked on an earlier walk, and it marks a token only when the answer was
 * "no". One `[` that is never closed therefore makes every later word start walk back over the whole paragraph: a
 * fuzzed 40 KB paragraph took 7 s to parse and 26 s to check (fixtures/fuzz/generated-edit-ce4a5acf1f).
 *
 * The guard below answers the same question first and remembers a "yes" as well: the token at the end of the events
 * is tied to the label it found and that label's place, and a later walk that reaches the token trusts the tie only
 * while that label is still at its place and still unbalanced (`_balanced` only ever turns true; a label that a link
 * consumed leaves the events). When the answer is "yes" the library's tokenizer is not called (it would refuse at its
 * first character, the same way); when it is "no" the guard has already marked the end, so the library's own walk
 * stops at once.
 *
 * A wrapped `tokenize` rather than a fork, like edit-map.ts: the constructs are the library's module-level objects that
 * remark-gfm combines, so replacing their method reaches every parse (and the bundled CLI); the package is pinned to
 * the version whose internals (`_gfmAutolinkLiteralWalkedInto`, the start-state refusal) this relies on. Drop it when
 * upstream remembers the "yes" itself (the defect is reported with the same analysis in agent-sanitizer#391).
 */
interface Tie {
  label: Token;
  index: number;
}

const ties = new WeakMap<Token, Tie>();

function isUnbalancedLabel(token: Token): boolean {
  return (token.type === "labelLink" || token.type === "labelImage") && !token._balanced;
}

function tie(events: Event[], label: Token, index: number): void {
  ties.set(events[events.length - 1][1], { label, index });
}

/** Whether an unbalanced label precedes the end of `events`: what the library's `previousUnbalanced` answers. */
export function unbalancedLabelBefore(events: Event[]): boolean {
  let index = events.length;
  while (index--) {
    const token = events[index][1];
    if (isUnbalancedLabel(token)) {
      tie(events, token, index);
      return true;
    }
    // The library's own "no" mark: nothing unbalanced was before this token then, and labels only get balanced.
    if (token._gfmAutolinkLiteralWalkedInto) break;
    const known = ties.get(token);
    if (known && isUnbalancedLabel(known.label) && events[known.index]?.[1] === known.label) {
      tie(events, known.label, known.index);
      return true;
    }
  }
  if (events.length > 0) events[events.length - 1][1]._gfmAutolinkLiteralWalkedInto = true;
  return false;
}

function guarded(construct: Construct): Construct["tokenize"] {
  const tokenize = construct.tokenize;
  const previous = construct.previous;
  return function (this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const start = tokenize.call(this, effects, ok, nok);
    return (code: Code) => {
      // Only where the library would ask: after a character an autolink of this kind may follow.
      if (previous?.call(this, this.previous) && unbalancedLabelBefore(this.events)) return nok(code);
      return start(code);
    };
  };
}

/** The library's autolink constructs (e-mail, www, protocol), each once. */
export function autolinkConstructs(): Construct[] {
  const found = new Set<Construct>();
  for (const entry of Object.values(gfmAutolinkLiteral().text ?? {})) {
    for (const construct of Array.isArray(entry) ? entry : [entry]) if (construct) found.add(construct);
  }
  return [...found];
}

/** Each construct's own `tokenize`, for tests that hold the guarded parse to the library's. */
export const libraryTokenizers = new Map<Construct, Construct["tokenize"]>();
/** The guarded `tokenize` that replaced each. */
export const guardedTokenizers = new Map<Construct, Construct["tokenize"]>();

for (const construct of autolinkConstructs()) {
  libraryTokenizers.set(construct, construct.tokenize);
  guardedTokenizers.set(construct, guarded(construct));
  construct.tokenize = guardedTokenizers.get(construct)!;
}
