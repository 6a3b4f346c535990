// The CLI's exit codes and its user-error type; UsageError lives below every layer, for the git module and the library.
export { UsageError } from "../errors.js";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
