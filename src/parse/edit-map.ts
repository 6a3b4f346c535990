import { EditMap } from "micromark-util-edit-map";

/**
 * micromark 4.0.3 closes every list and block quote with an EditMap whose `consume` copies the whole event list of
 * the document so far, to change only its last few events. That makes parsing quadratic in the number of containers
 * a text closes: 400 KB of short lists between paragraphs took 83 s to parse instead of 9 s, and a 10 MB policy spent
 * 27 of its 104 s there. This `consume` makes the same edits and leaves the events before the first one in place.
 *
 * A replaced method rather than a fork or patch-package: it changes no output (the edits and their order are the
 * library's own; tests/integrations/edit-map.test.ts checks both against each other), it reaches the library build
 * as well as the bundled CLI, and the package is pinned to the version whose internals (`map`, `index`) it relies
 * on. Drop it when micromark fixes `consume` upstream.
 */
type Change = [at: number, remove: number, add: unknown[]];
interface EditMapInternals {
  map: Change[];
  index: Map<number, Change>;
}

export const originalConsume = EditMap.prototype.consume;

export function linearConsume(this: EditMapInternals, events: unknown[]): undefined {
  const { map } = this;
  map.sort((a, b) => a[0] - b[0]);
  if (map.length === 0) return;
  // Each change's tail and additions, last change first; the events before the first change stay where they are.
  const pieces: unknown[][] = [];
  for (let i = map.length - 1; i >= 0; i--) {
    const [at, remove, add] = map[i];
    pieces.push(events.slice(at + remove), add);
    events.length = at;
  }
  for (let i = pieces.length - 1; i >= 0; i--) for (const event of pieces[i]) events.push(event);
  map.length = 0;
  this.index.clear();
}

EditMap.prototype.consume = linearConsume as unknown as typeof EditMap.prototype.consume;
