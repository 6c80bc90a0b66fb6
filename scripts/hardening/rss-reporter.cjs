// Preloaded into the CLI under measurement (node --require): on exit, the main thread writes the
// process's peak resident set size (worker threads included: one process) to FAULTLINE_RSS_FILE.
const { writeFileSync } = require("node:fs");
const { isMainThread } = require("node:worker_threads");

const file = process.env.FAULTLINE_RSS_FILE;
if (isMainThread && file) {
  process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
}
