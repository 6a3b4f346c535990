#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Only a bug of ours reaches here; user errors are turned into one-line messages by main().
    process.stderr.write(`policylint: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
