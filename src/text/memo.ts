/**
 * A function of an object computed once per object and forgotten with it (a WeakMap): what a parsed document yields
 * (its kind, its text, its diff units) depends on that document alone, and several steps ask for it.
 */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = compute(key)));
    return value;
  };
}

/**
 * A function of a text, remembered for the texts of the last few documents: two generations of at most `size` texts,
 * the older dropped whole when the newer fills, so a lookup does no bookkeeping. Versions of one policy repeat most
 * of their blocks, and a history or a diff asks for the same texts again and again. The next caller gets the same
 * value: callers must not change it, unless it is itself a memo they all fill alike (rules/lib/regexp.ts).
 */
export function rememberedByText<V>(compute: (text: string) => V, size = 4096): (text: string) => V {
  let current = new Map<string, V>();
  let previous = new Map<string, V>();
  let generation = memoGeneration;
  return (text) => {
    if (generation !== memoGeneration) {
      [current, previous, generation] = [new Map(), new Map(), memoGeneration];
    }
    let value = current.get(text);
    if (value !== undefined) return value;
    value = previous.get(text) ?? compute(text);
    if (current.size >= size) [previous, current] = [current, new Map()];
    current.set(text, value);
    return value;
  };
}

let memoGeneration = 0;

/**
 * For benchmarks: every text memo forgets what it holds (each on its next use), so a measurement repeated in one
 * process starts as a fresh process does rather than finding every text of the run before already read.
 */
export function forgetRemembered(): void {
  memoGeneration++;
}
