// Whole CLI runs, cold (a new process and an empty output folder each time), median of the runs,
// tools interleaved run by run so background noise spreads over all of them. Ratios are against
// openapi-typescript, which writes types only, measured in the same run.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { measure, median, type RunResult } from "./measure.js";
import { markdownTable, ratio, seconds, type BenchContext, type Section } from "./section.js";
import { benchSpecs, type BenchSpec } from "./specs.js";
import { OPENAPI_TYPESCRIPT, TOOLS, toolVersion, type Tool } from "./tools.js";

const TIMEOUT_MS = 15 * 60_000;

interface Summary {
  wallMs: number;
  peakMiB: number | undefined;
  failure?: string;
}

const slug = (text: string) => text.replace(/\W+/g, "-").replace(/^-|-$/g, "");

/** Where a tool's output for a spec is left after the runs, for later sections to read. */
export function outputDir(ctx: BenchContext, spec: BenchSpec, tool: Tool): string {
  return path.join(ctx.workDir, "generation", slug(spec.label), slug(tool.name));
}

/** The tool's output for the spec: the generation section's, or generated now if that section did not run. */
export async function generatedOutput(ctx: BenchContext, spec: BenchSpec, tool: Tool): Promise<string | undefined> {
  const out = outputDir(ctx, spec, tool);
  if (existsSync(out)) return out;
  return (await runTool(ctx, tool, spec, 1)).ok ? out : undefined;
}

async function runTool(ctx: BenchContext, tool: Tool, spec: BenchSpec, run: number): Promise<RunResult> {
  const out = outputDir(ctx, spec, tool);
  rmSync(out, { recursive: true, force: true });
  const result = await measure(process.execPath, tool.args(spec.file, out), {
    cwd: ctx.workDir,
    timeoutMs: TIMEOUT_MS,
  });
  ctx.log(
    `  ${spec.label} ${tool.name} run ${run}: ${seconds(result.wallMs)}, ${result.peakMiB?.toFixed(0) ?? "?"} MiB${result.ok ? "" : " FAILED"}`,
  );
  return result;
}

function summarize(results: RunResult[]): Summary {
  const failed = results.find((r) => !r.ok);
  if (failed) return { wallMs: NaN, peakMiB: undefined, failure: failed.tail.split("\n").pop() ?? "failed" };
  const peaks = results.map((r) => r.peakMiB).filter((p): p is number => p !== undefined);
  return { wallMs: median(results.map((r) => r.wallMs)), peakMiB: peaks.length > 0 ? median(peaks) : undefined };
}

async function benchSpec(ctx: BenchContext, spec: BenchSpec): Promise<string> {
  const runs = new Map<Tool, RunResult[]>(TOOLS.map((t) => [t, []]));
  for (let run = 1; run <= ctx.runs; run++) {
    for (const tool of TOOLS) runs.get(tool)!.push(await runTool(ctx, tool, spec, run));
  }
  const summaries = new Map(TOOLS.map((t) => [t, summarize(runs.get(t)!)]));
  const base = summaries.get(OPENAPI_TYPESCRIPT)!;
  const rows = TOOLS.map((tool) => {
    const s = summaries.get(tool)!;
    if (s.failure) return [tool.name, tool.output, "failed", "-", "-", "-"];
    return [
      tool.name,
      tool.output,
      seconds(s.wallMs),
      ratio(s.wallMs, base.wallMs),
      s.peakMiB === undefined ? "?" : `${s.peakMiB.toFixed(0)} MiB`,
      s.peakMiB === undefined ? "-" : ratio(s.peakMiB, base.peakMiB),
    ];
  });
  return `### ${spec.label}\n\n${markdownTable(["tool", "writes", "wall (median)", "vs openapi-typescript", "peak RSS (median)", "vs openapi-typescript"], rows)}`;
}

export const generationSection: Section = {
  title: "Generation: whole CLI, cold",
  async run(ctx) {
    const parts = [
      `Median of ${ctx.runs} run${ctx.runs === 1 ? "" : "s"} per tool and spec. Versions: ${TOOLS.map((t) => `${t.name} ${toolVersion(t)}`).join(", ")}.`,
    ];
    for (const spec of benchSpecs()) {
      ctx.log(`generation: ${spec.label}`);
      parts.push(await benchSpec(ctx, spec));
    }
    return parts.join("\n\n");
  },
};
