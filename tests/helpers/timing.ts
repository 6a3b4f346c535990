/**
 * The best of `tries` timings of `step` on a freshly built input (the build untimed). Scaling tests compare two such
 * times as a ratio, so a slower or busier machine does not fail them; the best of a few drops a pause for GC or JIT.
 */
export function bestTime<T>(build: () => T, step: (input: T) => void, tries = 3): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const input = build();
    const start = performance.now();
    step(input);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
