/**
 * A mistake of the user's (bad argument, missing file, bad revision): printed as one line, exit code 2, no stack.
 * Throw it from any command; the CLI's top level turns it into that message.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
