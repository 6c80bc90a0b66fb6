// What a command may touch of its process: injectable so tests run the real CLI in a temp
// folder, as a terminal or not, and can stop --watch.
import type { TerminalInfo } from "./terminal.js";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Default process.cwd(): config lookup and relative paths start here. */
  cwd?: string;
  /** Default process.stdout.isTTY: progress and colour only for a terminal. */
  isTTY?: boolean;
  /** Default process.env (NO_COLOR). */
  env?: Record<string, string | undefined>;
  /** Ends --watch; without one, SIGINT does. */
  signal?: AbortSignal;
}

export function cwdOf(io: Io): string {
  return io.cwd ?? process.cwd();
}

export function terminalOf(io: Io): TerminalInfo {
  return { isTTY: io.isTTY ?? process.stdout.isTTY === true, env: io.env ?? process.env };
}
