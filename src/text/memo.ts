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
