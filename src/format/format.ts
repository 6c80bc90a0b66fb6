// Prettier with the one pinned config (prettier-options.ts): part of the output's byte-stability.
// Each call of createPrettierFormat() is its own formatter, holding its own prettier import and
// worker: nothing here is shared between callers. Prettier is imported on first use, so a run
// whose files are all above generate()'s format limit (a big spec) never pays for it.
import { startFormatThread, type FormatThread } from "./format-thread.js";
import { PRETTIER_OPTIONS } from "./prettier-options.js";

/** One file's text in, the same file formatted out. */
export type FormatText = (source: string) => Promise<string>;

export interface PrettierFormatOptions {
  /**
   * Format on a worker thread (format-thread.ts), started by the first file: prettier's import
   * and cold start then overlap this thread printing the next files. Where no worker can run, or
   * there is no second core, formatting stays in this thread.
   */
  worker?: boolean;
}

export function createPrettierFormat(options: PrettierFormatOptions = {}): FormatText {
  let prettier: Promise<typeof import("prettier")> | undefined;
  const formatHere: FormatText = async (source) => {
    prettier ??= import("prettier");
    return (await prettier).format(source, PRETTIER_OPTIONS);
  };
  if (!options.worker) return formatHere;
  let thread: FormatThread | undefined;
  let started = false;
  return (source) => {
    if (!started) {
      started = true;
      thread = startFormatThread(formatHere);
    }
    return thread ? thread.format(source) : formatHere(source);
  };
}
