// --json and --quiet, the same on every command: --json prints one JSON document on stdout
// (`ok` first, also when the command fails), --quiet prints only problems.
import type { Argv } from "yargs";
import type { Diagnostic } from "../diagnostics.js";

export function withOutputFlags<T>(y: Argv<T>): Argv<T & { quiet: boolean; json: boolean }> {
  return y
    .option("quiet", {
      alias: "q",
      type: "boolean",
      default: false,
      describe: "print only problems (errors, stale output; lint: its warnings)",
    })
    .option("json", {
      type: "boolean",
      default: false,
      describe: "print one machine-readable JSON document on stdout",
    });
}

/** What --json prints when a command stops on an error before it could print its own result. */
export function jsonFailure(error: Diagnostic | { problem: string; fix: string }, usage = false): string {
  return `${JSON.stringify({ ok: false, ...(usage ? { usage: true } : {}), error }, null, 2)}\n`;
}
