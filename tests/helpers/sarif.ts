import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import AjvModule from "ajv-draft-04";
import formatsModule from "ajv-formats";

const require = createRequire(import.meta.url);
// The OASIS SARIF 2.1.0 (rtm.5) schema as Microsoft publishes it with its SARIF tooling.
const SARIF_SCHEMA = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

/** Schema errors of a SARIF log ([] when valid). `unicodeRegExp: false`: one of the schema's patterns is not valid in unicode mode. */
// Both are CommonJS modules whose export is `default`; Node's ESM import gives the module object itself.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;

export function validateSarif(log: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, "utf8")));
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
