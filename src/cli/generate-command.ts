// `faultline generate`: load, generate, write (or --check). Bad input becomes a diagnostic and
// exit 1; the output folder is written only after the whole client was generated in memory.
import path from "node:path";
import { generate } from "../generate.js";
import { loadSpec } from "../parse/load.js";
import { planOutput, writeOutput } from "./write-output.js";
import type { Target } from "./config.js";

export interface GenerateFlags {
  check: boolean;
  allowRemoteRefs: boolean;
}

export interface TargetOutcome {
  spec: string;
  output: string;
  operations: number;
  errorVariants: number;
  written: string[];
  unchanged: string[];
  removed: string[];
  ms: number;
}

export async function runTarget(target: Target, flags: GenerateFlags): Promise<TargetOutcome> {
  const started = performance.now();
  const loaded = await loadSpec(target.spec, { allowRemoteRefs: flags.allowRemoteRefs });
  const result = await generate(loaded, target.overrides ? { overrides: target.overrides } : {});
  const summary = flags.check ? await planOutput(target.output, result.files) : await writeOutput(target.output, result.files);
  return {
    spec: path.relative(process.cwd(), target.spec) || target.spec,
    output: path.relative(process.cwd(), target.output) || target.output,
    operations: result.api.operations.length,
    errorVariants: result.classified.reduce((n, op) => n + op.errors.reduce((m, e) => m + Math.max(1, e.codes.length), 0), 0),
    ...summary,
    ms: Math.round(performance.now() - started),
  };
}
