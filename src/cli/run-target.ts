// One target, start to finish: load the spec, generate in memory, compare the error surface with
// the one the output folder holds, then write (or, for --check, only plan). Shared by
// `generate`, `generate --check` and `--watch`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { SpecError, pointerOf, type SpecWarning } from "../diagnostics.js";
import { parseSurfaceJson, SURFACE_FILE } from "../report/surface-json.js";
import { generate, type GenerateResult, type GenerateTools } from "../generate.js";
import type { ApiIR } from "../ir.js";
import { isSpecUrl, shownUrl } from "../parse/fetch-root.js";
import { loadSpec, type LoadedSpec } from "../parse/load.js";
import type { Target } from "./config.js";
import { diffSurface, type SurfaceChange } from "../report/surface-diff.js";
import { planOutput, writeOutput } from "./write-output.js";

export type Stage = "loading" | "generating" | "comparing" | "writing";

export interface RunOptions {
  check: boolean;
  /** --strict: a spec with warnings is refused (WarningsAsErrors) before anything is written. */
  strict?: boolean;
  /** Paths in the outcome are shown relative to this folder. */
  cwd: string;
  /** The formatter and templates every target is generated with (generate-tools.ts). */
  tools: GenerateTools;
  onStage?: (stage: Stage) => void;
}

export interface TargetOutcome {
  spec: string;
  output: string;
  operations: number;
  errorVariants: number;
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Against the error-surface.json the output folder held before this run. */
  changes: SurfaceChange[];
  /** false when the output folder held no readable error-surface.json (first run, or older output). */
  hadSurface: boolean;
  /** Every spec file read, absolute: what --watch watches. */
  inputs: string[];
  /** Flaws faultline worked around (diagnostics.ts). */
  warnings: SpecWarning[];
  ms: number;
}

export function displayPath(file: string, cwd: string): string {
  if (isSpecUrl(file)) return shownUrl(file);
  return path.relative(cwd, file) || ".";
}

/** An `operations` override naming no operation is a typo that would silently do nothing. */
function checkOperationOverrides(target: Target, api: ApiIR, specShown: string): void {
  const names = new Set(api.operations.flatMap((op) => (op.operationId ? [op.name, op.operationId] : [op.name])));
  for (const key of Object.keys(target.overrides?.operations ?? {})) {
    if (names.has(key)) continue;
    throw new SpecError({
      file: target.origin?.file ?? specShown,
      ...(target.origin ? { pointer: `${target.origin.pointer}${pointerOf("overrides", "operations", key)}` } : {}),
      problem: `${specShown} has no operation ${JSON.stringify(key)}`,
      fix: `use an operation name or operationId from the spec: ${[...names].sort().slice(0, 8).join(", ")}${names.size > 8 ? ", ..." : ""}`,
    });
  }
}

/** Read synchronously, like the writes after it (write-output.ts says why). */
function previousSurface(output: string) {
  let text: string;
  try {
    text = readFileSync(path.join(output, SURFACE_FILE), "utf8");
  } catch {
    return undefined;
  }
  return parseSurfaceJson(text);
}

function countVariants(result: GenerateResult): number {
  return result.classified.reduce((n, op) => n + op.errors.reduce((m, e) => m + Math.max(1, e.codes.length), 0), 0);
}

/** Diagnostics name files relative to the folder the user works in, like every other path shown. */
function relativeDiagnostic(error: unknown, cwd: string): unknown {
  if (!(error instanceof SpecError) || cwd === process.cwd()) return error;
  return new SpecError({ ...error.diagnostic, file: displayPath(error.diagnostic.file, cwd) });
}

/** A target loaded and generated in memory, not yet compared or written. */
export interface PreparedTarget {
  target: Target;
  loaded: LoadedSpec;
  result: GenerateResult;
  /** Time spent so far: the outcome's `ms` adds comparing and writing. */
  ms: number;
}

/** --strict: the warnings of one spec, refused as errors. */
export class WarningsAsErrors extends Error {
  constructor(readonly warnings: SpecWarning[]) {
    super(`${warnings.length} warning${warnings.length === 1 ? "" : "s"} refused by --strict`);
    this.name = "WarningsAsErrors";
  }
}

export async function runTarget(target: Target, options: RunOptions): Promise<TargetOutcome> {
  const prepared = await prepareTarget(target, options);
  if (options.strict && prepared.result.warnings.length > 0)
    throw new WarningsAsErrors(relativeWarnings(prepared.result.warnings, options.cwd));
  return commitTarget(prepared, options);
}

function relativeWarnings(warnings: SpecWarning[], cwd: string): SpecWarning[] {
  return cwd === process.cwd() ? warnings : warnings.map((w) => ({ ...w, file: displayPath(w.file, cwd) }));
}

/** Loads and generates: reads the spec's files, writes nothing. */
export async function prepareTarget(target: Target, options: RunOptions): Promise<PreparedTarget> {
  const started = performance.now();
  try {
    options.onStage?.("loading");
    // Relative to the process, so diagnostics name the file the way the user typed it.
    const loaded = await loadSpec(
      isSpecUrl(target.spec) ? target.spec : path.relative(process.cwd(), target.spec) || target.spec,
      {
        allowRemoteRefs: target.allowRemoteRefs ?? false,
        ...(target.limits ? { limits: target.limits } : {}),
        ...(target.refRoots ? { refRoots: target.refRoots } : {}),
      },
    );
    options.onStage?.("generating");
    const result = await generate(loaded, options.tools, {
      ...(target.overrides ? { overrides: target.overrides } : {}),
      ...(target.retry ? { retry: target.retry } : {}),
      ...(target.mocks ? { mocks: target.mocks } : {}),
    });
    checkOperationOverrides(target, result.api, displayPath(target.spec, options.cwd));
    return { target, loaded, result, ms: performance.now() - started };
  } catch (error) {
    throw relativeDiagnostic(error, options.cwd);
  }
}

/** Compares the error surface with the output folder's, then writes (or, for --check, only plans). */
export async function commitTarget(prepared: PreparedTarget, options: RunOptions): Promise<TargetOutcome> {
  const started = performance.now();
  const { target, loaded, result } = prepared;
  try {
    options.onStage?.(options.check ? "comparing" : "writing");
    const before = previousSurface(target.output);
    const after = parseSurfaceJson(result.files.find((f) => f.path === SURFACE_FILE)!.contents)!;
    const writeOptions = { force: target.force ?? false };
    const summary = options.check
      ? await planOutput(target.output, result.files, writeOptions)
      : await writeOutput(target.output, result.files, undefined, writeOptions);
    return {
      spec: displayPath(target.spec, options.cwd),
      output: displayPath(target.output, options.cwd),
      operations: result.api.operations.length,
      errorVariants: countVariants(result),
      ...summary,
      changes: diffSurface(before ?? [], after),
      hadSurface: before !== undefined,
      inputs: loaded.files,
      warnings: relativeWarnings(result.warnings, options.cwd),
      ms: Math.round(prepared.ms + performance.now() - started),
    };
  } catch (error) {
    throw relativeDiagnostic(error, options.cwd);
  }
}
