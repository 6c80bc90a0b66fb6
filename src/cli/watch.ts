// `faultline generate --watch`: regenerate on every save of a spec, of any file it $refs, or of
// the config file, and print one line per save with the error-surface diff against the previous
// good save. A broken save prints its diagnostic and leaves the last good output in place; watch
// never exits on bad input, only when the signal aborts (SIGINT by default), with code 0.
import path from "node:path";
import { SpecError, type Diagnostic } from "../diagnostics.js";
import { inputsUnchanged } from "../parse/load.js";
import type { Target } from "./config.js";
import { DirWatchers } from "./dir-watchers.js";
import { createGenerateTools } from "./generate-tools.js";
import { jsonTarget } from "./outcome-text.js";
import { commitTarget, displayPath, prepareTarget, type TargetOutcome } from "./run-target.js";
import { SaveSettler } from "./save-settle.js";
import { formatChange, summarizeChanges } from "../report/surface-diff.js";
import { resolveTargets, type TargetArgs } from "./targets.js";
import { createStyle, type Style } from "./terminal.js";

export interface WatchOptions {
  targets: Target[];
  /** Watched too: a change re-reads the targets with `targetArgs`. */
  configFile?: string;
  targetArgs?: TargetArgs;
  cwd: string;
  out: (text: string) => void;
  /** Stops watching; without one, SIGINT does. */
  signal?: AbortSignal | undefined;
  style?: Style;
  /** One JSON object per line per regeneration. */
  json?: boolean;
  /** Only broken saves are printed. */
  quiet?: boolean;
  debounceMs?: number;
  /** After every regeneration, good or bad: tests and the latency bench wait on this. */
  onEvent?: (event: WatchEvent) => void;
}

export interface WatchEvent {
  spec: string;
  initial: boolean;
  outcome?: TargetOutcome;
  error?: Diagnostic;
  /** From the first file-system event of this save to the output written (undefined for the first run). */
  sinceSaveMs?: number;
}

interface TargetState {
  target: Target;
  inputs: string[];
  settler: SaveSettler;
  running?: Promise<void> | undefined;
  /** Past the settling of a save: an event now is the next save. */
  committing: boolean;
  again: boolean;
}

const MAX_CHANGES_SHOWN = 6;

export function watchLine(outcome: TargetOutcome, style: Style): string {
  const files =
    outcome.written.length + outcome.removed.length === 0
      ? "output unchanged"
      : `${outcome.written.length} written, ${outcome.removed.length} removed`;
  const shown = outcome.changes.slice(0, MAX_CHANGES_SHOWN).map(formatChange);
  if (outcome.changes.length > shown.length) shown.push(`+${outcome.changes.length - shown.length} more`);
  const surface = !outcome.hadSurface
    ? "first generation"
    : outcome.changes.length === 0
      ? summarizeChanges([])
      : style.yellow(`${summarizeChanges(outcome.changes)}: ${shown.join("; ")}`);
  return `${outcome.spec} -> ${outcome.output}: ${files} ${style.dim(`(${outcome.ms} ms)`)}; ${surface}\n`;
}

/**
 * Events closer than this are one save. An editor writes a file in one to three syscalls (write,
 * or truncate + write, or write-temp + rename) within a few ms, so 20 ms folds a save into one
 * regeneration. Loading and generating start when events pause for 2 ms, so the wait overlaps
 * them instead of coming first (save-settle.ts).
 */
export const DEBOUNCE_MS = 20;

const keyOf = (t: Target) => `${t.spec}\0${t.output}`;

export async function runWatch(options: WatchOptions): Promise<number> {
  const style = options.style ?? createStyle(false);
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const { controller, release } = abortOnSigint(options.signal);
  const signal = options.signal ?? controller!.signal;
  let states = new Map<string, TargetState>();
  let configTimer: NodeJS.Timeout | undefined;
  const print = (text: string) => !options.quiet && !options.json && options.out(text);
  // The session's own formatter, kept across saves: every save after the first formats only the
  // statements and members that changed (format-memo.ts).
  const tools = createGenerateTools({ worker: true, memo: "piecewise" });

  const watchers = new DirWatchers((file) => {
    if (signal.aborted) return;
    if (file === options.configFile || file === path.dirname(options.configFile ?? "")) {
      clearTimeout(configTimer);
      configTimer = setTimeout(() => void reloadConfig(), debounceMs);
    }
    for (const state of states.values()) {
      if (!state.inputs.includes(file) && !state.inputs.some((i) => path.dirname(i) === file)) continue;
      state.settler.noteEvent();
      // While a save settles, the settler sees this event itself; once it is being written, this is the next save.
      if (!state.running) void run(state, false);
      else if (state.committing) state.again = true;
    }
  });
  const syncWatchers = () =>
    watchers.sync([
      ...[...states.values()].flatMap((s) => s.inputs),
      ...(options.configFile ? [options.configFile] : []),
    ]);

  async function regenerate(state: TargetState, initial: boolean): Promise<void> {
    const runOptions = { check: false, cwd: options.cwd, tools };
    const attempt = await state.settler.settle(
      () => prepareTarget(state.target, runOptions),
      (prepared) => inputsUnchanged(prepared.loaded),
    );
    if (!attempt) return;
    state.committing = true;
    const saveAt = state.settler.takeSaveStart();
    const spec = displayPath(state.target.spec, options.cwd);
    let event: WatchEvent;
    try {
      if ("error" in attempt) throw attempt.error;
      const outcome = await commitTarget(attempt.value, runOptions);
      state.inputs = outcome.inputs;
      syncWatchers();
      event = {
        spec,
        initial,
        outcome,
        ...(saveAt !== undefined ? { sinceSaveMs: Math.round(performance.now() - saveAt) } : {}),
      };
      print(watchLine(outcome, style));
    } catch (error) {
      const diagnostic: Diagnostic =
        error instanceof SpecError
          ? error.diagnostic
          : {
              file: spec,
              problem: `internal error: ${(error as Error)?.message ?? String(error)}`,
              fix: "please report it; watching continues",
            };
      event = { spec, initial, error: diagnostic };
      if (!options.json)
        options.out(
          `${style.red("error:")} ${error instanceof SpecError ? error.message : `${diagnostic.problem}\n  fix: ${diagnostic.fix}`}\n  keeping the last good output in ${displayPath(state.target.output, options.cwd)}\n`,
        );
    }
    state.committing = false;
    if (options.json)
      options.out(
        `${JSON.stringify(event.outcome ? { spec, initial, ok: true, target: jsonTarget(event.outcome) } : { spec, initial, ok: false, error: event.error })}\n`,
      );
    options.onEvent?.(event);
  }

  /** One regeneration at a time per target; saves during one are folded into one more. */
  async function run(state: TargetState, initial: boolean): Promise<void> {
    if (state.running) {
      state.again = true;
      return state.running;
    }
    state.running = (async () => {
      let first = initial;
      do {
        state.again = false;
        await regenerate(state, first);
        first = false;
      } while (state.again && !signal.aborted);
      // In the same tick as the last look at `again`: a save arriving later starts a new run.
      state.running = undefined;
    })();
    return state.running;
  }

  function adopt(targets: Target[]): void {
    const next = new Map<string, TargetState>();
    for (const target of targets) {
      const old = states.get(keyOf(target));
      next.set(
        keyOf(target),
        old
          ? Object.assign(old, { target })
          : { target, inputs: [target.spec], settler: new SaveSettler(debounceMs), committing: false, again: false },
      );
    }
    for (const [key, state] of states) if (!next.has(key)) state.settler.close();
    states = next;
    syncWatchers();
  }

  async function reloadConfig(): Promise<void> {
    try {
      adopt((await resolveTargets(options.targetArgs ?? {}, options.cwd, { fresh: true })).targets);
    } catch (error) {
      const diagnostic: Diagnostic =
        error instanceof SpecError
          ? error.diagnostic
          : {
              file: options.configFile ?? "",
              problem: `internal error: ${(error as Error)?.message ?? String(error)}`,
              fix: "please report it",
            };
      if (options.json) options.out(`${JSON.stringify({ config: true, ok: false, error: diagnostic })}\n`);
      else
        options.out(
          `${style.red("error:")} ${error instanceof SpecError ? error.message : diagnostic.problem}\n  keeping the previous configuration\n`,
        );
      return;
    }
    await Promise.all([...states.values()].map((s) => run(s, false)));
  }

  adopt(options.targets);
  await Promise.all([...states.values()].map((s) => run(s, true)));
  const fileCount = new Set([...states.values()].flatMap((s) => s.inputs)).size;
  print(
    `watching ${fileCount} spec file${fileCount === 1 ? "" : "s"}${options.configFile ? " and the config" : ""}; press Ctrl+C to stop\n`,
  );

  await new Promise<void>((resolve) =>
    signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true }),
  );
  clearTimeout(configTimer);
  for (const state of states.values()) state.settler.close();
  watchers.close();
  await Promise.all([...states.values()].map((s) => s.running ?? Promise.resolve()));
  release();
  print("stopped watching\n");
  return 0;
}

/** Without a caller's signal, Ctrl+C stops watching (and the process exits 0, not 130). */
function abortOnSigint(signal: AbortSignal | undefined): { controller?: AbortController; release: () => void } {
  if (signal) return { release: () => undefined };
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  return { controller, release: () => process.off("SIGINT", onSigint) };
}
