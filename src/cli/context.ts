import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../engine/data.js";

export const VERSION: string = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")).version;

/** Set by a command's action; commander itself only knows success or failure. */
export interface ExitState {
  code: number;
}
