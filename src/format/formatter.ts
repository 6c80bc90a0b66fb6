// What generate() formats its printed files with. generate() is given one (GenerateTools) and
// never makes its own: the caller chooses where prettier runs and what is remembered. The CLI
// gives a one-shot run prettier on a worker thread, and a --watch session one formatter for the
// whole session that remembers files and pieces across saves (format-memo.ts). A test can give
// any object with this shape.
import { createPrettierFormat } from "./format.js";
import { createFormatMemo } from "./format-memo.js";

export interface Formatter {
  /**
   * One printed file in, the file as it is written out. The same text must give the same text:
   * generated output is byte-stable. Called for each file as soon as it is printed, so that
   * formatting can overlap printing the next one.
   */
  format(source: string): Promise<string>;
}

export interface FormatterOptions {
  /** Prettier on a worker thread, started by the first file (format-thread.ts). */
  worker?: boolean;
  /** Remember formatted files ("whole"), and their statements and members too ("piecewise"): for --watch. */
  memo?: "whole" | "piecewise";
}

/** Prettier with the pinned options, as the CLI uses it. */
export function createFormatter(options: FormatterOptions = {}): Formatter {
  const prettier = createPrettierFormat({ worker: options.worker ?? false });
  const format = options.memo ? createFormatMemo(prettier, { piecewise: options.memo === "piecewise" }) : prettier;
  return { format };
}
