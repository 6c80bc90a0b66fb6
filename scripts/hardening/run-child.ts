// Runs reply-child.ts in a fresh node process and parses its one-line report.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ChildReport {
  outcome: string;
  /** "ok", or why JSON.stringify of the result threw. */
  logs: string;
  ms: number;
  /** Peak RSS minus RSS before the call, MB. */
  growthMB: number;
  peakMB: number;
}

const CHILD = fileURLToPath(new URL("./reply-child.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Rejects when the child fails or outlives timeoutMs (it is killed then). */
export function runChild(
  clientDir: string,
  baseUrl: string,
  operation: string,
  options: object = {},
  input: object = { path: { id: "c1" } },
  timeoutMs = 60_000,
): Promise<ChildReport> {
  const args = [
    "--import",
    "tsx",
    CHILD,
    clientDir,
    baseUrl,
    operation,
    JSON.stringify(options),
    JSON.stringify(input),
  ];
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, timeout: timeoutMs, killSignal: "SIGKILL" },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`child failed (${err.signal ?? err.code}): ${stderr.slice(-500)}`));
        resolve(JSON.parse(stdout.trim().split("\n").pop()!) as ChildReport);
      },
    ),
  );
}
