import { Command, CommanderError } from "commander";
import { ConfigError } from "../config/schema.js";
import { InputLimitError } from "../parse/limits.js";
import { registerCheck } from "./check.js";
import { registerRules } from "./rules.js";
import { registerInit } from "./init.js";
import { registerDiff } from "./diff.js";
import { registerNotice } from "./notice.js";
import { registerLog } from "./log.js";
import { EXIT_USAGE, UsageError } from "./errors.js";
import { VERSION, type ExitState } from "./context.js";

export function buildProgram(exit: ExitState): Command {
  const program = new Command("policylint")
    .description(
      "Lint and semantically diff legal policies (privacy policies, terms, sub-processor lists) kept in Markdown.",
    )
    .version(VERSION, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .addHelpText(
      "after",
      `
Examples:
  $ policylint check privacy.md                  lint one policy
  $ policylint check legal/ --format sarif       lint a folder for code scanning
  $ policylint diff v1.2:privacy.md privacy.md   what changed since a release
  $ policylint diff old.md new.md -f html -o redline.html   a redline to open in a browser
  $ policylint log privacy.md                    every version in git and what it changed
  $ policylint rules                             list every rule

Exit codes: 0 clean, 1 lint errors (or too many warnings), 2 usage, configuration or input error.`,
    );
  program.configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerCheck(program, exit);
  registerRules(program);
  registerInit(program);
  registerDiff(program, exit);
  registerNotice(program);
  registerLog(program);
  return program;
}

/** Runs the CLI and returns its exit code; user mistakes become one line on stderr, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const exit: ExitState = { code: 0 };
  const program = buildProgram(exit);
  try {
    await program.parseAsync(argv);
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.code === "commander.help"
      )
        return 0;
      return EXIT_USAGE;
    }
    if (error instanceof InputLimitError) {
      process.stderr.write(`policylint: ${error.filePath}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      const prefix = error instanceof ConfigError ? "invalid configuration in " : "";
      process.stderr.write(`policylint: ${prefix}${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
