// Loaded with `node --require` into each benchmarked command: on exit it writes the process's peak resident memory
// (worker threads included, they share the process) to the file named by POLICYLINT_BENCH_RSS.
const { appendFileSync } = require("node:fs");
const target = process.env.POLICYLINT_BENCH_RSS;
if (target) process.on("exit", () => appendFileSync(target, `${process.resourceUsage().maxRSS}\n`));
