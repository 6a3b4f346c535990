import { CODES, type Code, type Declared } from "./codes.js";
import type { Finding } from "./types.js";

/**
 * Every finding is built here, from the templates its code declares in codes.ts (ESLint's `messageId` and `data`):
 * the detectors say which fact they found and with which words, codes.ts says how the sentence reads.
 */

/** The names a template's `{{name}}` placeholders use. */
type Placeholders<S> = S extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;

export type MessageId<C extends Code> = keyof Declared[C]["messages"] & string;

type Templates<C extends Code, M extends string> =
  | (M extends keyof Declared[C]["messages"] ? Declared[C]["messages"][M] : never)
  | (Declared[C] extends { readers: infer R } ? (M extends keyof R ? R[M] : never) : never);

/** What a message and its reader sentence need, checked by the compiler against the templates. */
export type FindingData<C extends Code, M extends string> = Record<Placeholders<Templates<C, M>>, string>;

/** What lets a finding cancel its counterpart on the other side of a section (see `net` in index.ts). */
export interface Facts {
  family: string;
  key: string;
  direction: "added" | "removed";
}

const PLACEHOLDER = /\{\{([\w-]+)\}\}/g;

/** A template with its placeholders filled; a placeholder without data is a bug, so it throws rather than print. */
export function fill(template: string, data: Readonly<Record<string, string>>, where: string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(data, name)) throw new Error(`${where}: no data for {{${name}}}`);
    return data[name];
  });
}

export function finding<C extends Code, M extends MessageId<C>>(
  code: C,
  id: M,
  data: FindingData<C, M>,
  facts?: Facts,
): Finding {
  const spec = CODES[code];
  const template = spec.messages[id];
  if (template === undefined) throw new Error(`${code}: no message ${id}`);
  const values = data as Readonly<Record<string, string>>;
  const found: Finding = { code, message: fill(template, values, `${code}.${id}`), ...facts };
  const reader = spec.readers?.[id];
  if (reader !== undefined) found.reader = fill(reader, values, `${code}.${id} reader`);
  return found;
}
