// One cold run of a command: a fresh process, wall time and peak resident memory. Peak memory
// comes from GNU time (-v) when it is installed, which counts the largest process of the tree;
// otherwise from polling /proc/<pid>/status (VmHWM of the top process only).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const GNU_TIME = "/usr/bin/time";

export interface RunResult {
  wallMs: number;
  /** Peak resident set size in MiB, undefined if it could not be read. */
  peakMiB: number | undefined;
  ok: boolean;
  /** Last lines of output, for a failed run. */
  tail: string;
}

export interface RunOptions {
  cwd: string;
  timeoutMs: number;
}

export async function measure(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const timed = existsSync(GNU_TIME);
  const [file, argv] = timed ? [GNU_TIME, ["-v", command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let polledKiB = 0;
  child.stdout.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  child.stderr.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  const poll = timed ? undefined : setInterval(() => (polledKiB = Math.max(polledKiB, vmHwmKiB(child.pid) ?? 0)), 25);
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const wallMs = performance.now() - started;
  clearTimeout(timer);
  if (poll) clearInterval(poll);
  const gnuKiB = /Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1];
  const exit = timed ? Number(/Exit status: (\d+)/.exec(output)?.[1] ?? code) : code;
  const kib = gnuKiB ? Number(gnuKiB) : polledKiB || undefined;
  return {
    wallMs,
    peakMiB: kib === undefined ? undefined : kib / 1024,
    ok: exit === 0,
    tail: output
      .replace(/\n\s*Command being timed:[\s\S]*$/, "")
      .trim()
      .split("\n")
      .slice(-4)
      .join("\n"),
  };
}

function vmHwmKiB(pid: number | undefined): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
