// Formatting is part of the output's byte-stability: one pinned prettier config
// (prettier-options.ts). In this thread prettier is imported on first use: a big spec's files are
// all above generate()'s format limit and the runtime ships pre-formatted, so such a run never
// pays for it. When generate() knows early that it will format, moveFormattingToWorker() moves
// prettier to a worker thread, which imports it meanwhile (format-thread.ts).
import { startFormatThread, type FormatThread } from "./format-thread.js";
import { PRETTIER_OPTIONS } from "./prettier-options.js";

let prettier: Promise<typeof import("prettier")> | undefined;
let thread: FormatThread | undefined;
let threadTried = false;

async function formatHere(source: string): Promise<string> {
  prettier ??= import("prettier");
  return (await prettier).format(source, PRETTIER_OPTIONS);
}

export function format(source: string): Promise<string> {
  return thread ? thread.format(source) : formatHere(source);
}

/** Start the format worker, once per process (it then serves every later run, e.g. each --watch save). */
export function moveFormattingToWorker(): void {
  if (threadTried) return;
  threadTried = true;
  thread = startFormatThread(formatHere);
}
