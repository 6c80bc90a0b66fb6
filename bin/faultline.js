#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` via the prepare script).
import { main } from "../dist/cli/main.js";

// A reader that stops early (`faultline report spec.yaml | head`) closes the pipe: that ends the
// output, it is not a failure worth a stack trace. Any other write error is one line and exit 1.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`error: cannot write output: ${error.message}\n`);
    process.exit(1);
  });
}

process.exitCode = await main(process.argv.slice(2));
