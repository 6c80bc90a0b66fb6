// `faultline generate`: every target in turn (one failing spec does not stop the others), with
// a progress line at a terminal, a line per target, and the error-surface diff under it.
// --check writes nothing and exits 1 when any output is stale; --watch hands over to watch.ts.
import { SpecError } from "../diagnostics.js";
import { createGenerateTools } from "./generate-tools.js";
import { cwdOf, terminalOf, type Io } from "./io.js";
import { describeOutcome, isStale, jsonTarget, type JsonTarget } from "./outcome-text.js";
import { displayPath, runTarget, WarningsAsErrors } from "./run-target.js";
import { describeWarnings } from "./warning-text.js";
import { resolveTargets, type TargetArgs } from "./targets.js";
import { colourEnabled, createProgress, createStyle } from "./terminal.js";
import { UsageError } from "./usage-error.js";
import { runWatch } from "./watch.js";

export { runTarget, type TargetOutcome } from "./run-target.js";

/** `--mocks` alone is true, `--mocks msw` is "msw"; anything else is left for generateCommand to refuse. */
export function mocksFlag(value: unknown): unknown {
  if (value === "" || value === "true") return true;
  return value === "false" ? false : value;
}

export interface GenerateArgs extends TargetArgs {
  check: boolean;
  quiet: boolean;
  json: boolean;
  watch: boolean;
  /** Warnings are errors: the spec is refused and nothing is written. */
  strict?: boolean;
}

export async function generateCommand(args: GenerateArgs, io: Io): Promise<number> {
  if (args.watch && args.check)
    throw new UsageError("--watch and --check do not go together: --check is for CI, --watch for your editor");
  const mocks: unknown = args.mocks;
  if (mocks !== undefined && typeof mocks !== "boolean" && mocks !== "msw")
    throw new UsageError(`--mocks takes nothing or "msw", not ${JSON.stringify(mocks)}`);
  const cwd = cwdOf(io);
  const resolved = await resolveTargets(args, cwd);
  const terminal = terminalOf(io);
  const style = createStyle(colourEnabled(terminal));
  if (args.watch)
    return runWatch({
      ...resolved,
      targetArgs: args,
      cwd,
      style,
      json: args.json,
      quiet: args.quiet,
      out: io.out,
      signal: io.signal,
    });

  // One formatter for every target: its worker, once started, serves them all.
  const tools = createGenerateTools();
  const progress = createProgress(io.out, terminal.isTTY && !args.quiet && !args.json);
  const results: JsonTarget[] = [];
  let failed = false;
  let stale = false;
  for (const [i, target] of resolved.targets.entries()) {
    const label = `[${i + 1}/${resolved.targets.length}] ${displayPath(target.spec, cwd)}`;
    try {
      const outcome = await runTarget(target, {
        check: args.check,
        strict: args.strict ?? false,
        cwd,
        tools,
        onStage: (stage) => progress.show(`${label}: ${stage}...`),
      });
      progress.clear();
      // Warnings go to stderr, beside the result line; --quiet hides them (--strict would have failed).
      if (!args.json && !args.quiet) io.err(describeWarnings(outcome.spec, outcome.warnings, style));
      const isStaleNow = args.check && isStale(outcome);
      stale ||= isStaleNow;
      results.push(jsonTarget(outcome));
      // --quiet keeps problems: a stale target is reported on stderr, like an error.
      if (!args.json && (!args.quiet || isStaleNow))
        (args.quiet ? io.err : io.out)(describeOutcome(outcome, style, args.check));
    } catch (error) {
      progress.clear();
      if (error instanceof WarningsAsErrors) {
        failed = true;
        const spec = displayPath(target.spec, cwd);
        results.push({
          ok: false,
          spec,
          output: displayPath(target.output, cwd),
          error: { file: spec, problem: error.message, fix: "fix the warnings, or run without --strict" },
          warnings: error.warnings,
        });
        if (!args.json) io.err(describeWarnings(spec, error.warnings, style, true));
        continue;
      }
      if (!(error instanceof SpecError)) throw error;
      failed = true;
      results.push({
        ok: false,
        spec: displayPath(target.spec, cwd),
        output: displayPath(target.output, cwd),
        error: error.diagnostic,
      });
      io.err(`${style.red("error:")} ${error.message}\n`);
    }
  }
  if (args.json)
    io.out(`${JSON.stringify({ ok: !failed && !stale, check: args.check, stale, targets: results }, null, 2)}\n`);
  if (stale && !args.json) io.err(`generated output is stale: run \`faultline generate\` and commit the result\n`);
  return failed || stale ? 1 : 0;
}
