// How long tsc --noEmit takes on each tool's GitHub output: the cost every user of the
// generated code pays on every build. Same strict options for every tool (the ones faultline's
// output is held to), skipLibCheck on @types/node; errors are counted, not hidden.
import path from "node:path";
import { typecheckOutputs } from "../scripts/corpus/typecheck.js";
import { generatedOutput } from "./generation.js";
import { median } from "./measure.js";
import { markdownTable, ratio, seconds, type Section } from "./section.js";
import { githubSpec } from "./specs.js";
import { OPENAPI_TYPESCRIPT, TOOLS, type Tool } from "./tools.js";

interface Checked {
  ms: number;
  errors: number;
}

export const typecheckSection: Section = {
  title: "tsc --noEmit on the generated GitHub client",
  async run(ctx) {
    const spec = githubSpec();
    const dirs = new Map<Tool, string>();
    for (const tool of TOOLS) {
      const dir = await generatedOutput(ctx, spec, tool);
      if (dir) dirs.set(tool, dir);
    }
    // Runs alternate between tools (round 1 of each, then round 2, ...): a slow spell of a shared
    // machine then lands on every tool alike instead of on whichever ran during it.
    const times = new Map<Tool, number[]>([...dirs.keys()].map((tool) => [tool, []]));
    const errors = new Map<Tool, number>();
    for (let run = 1; run <= ctx.runs; run++) {
      for (const [tool, dir] of dirs) {
        const checked = await typecheckOutputs(path.dirname(dir), [dir], `tsconfig.${path.basename(dir)}.json`);
        times.get(tool)!.push(checked.ms);
        errors.set(tool, checked.errors.get(dir)?.length ?? 0);
        ctx.log(`  tsc ${tool.name} run ${run}: ${seconds(checked.ms)}, ${errors.get(tool)} errors`);
      }
    }
    const results = new Map<Tool, Checked | undefined>(
      TOOLS.map((tool) => [
        tool,
        dirs.has(tool) ? { ms: median(times.get(tool)!), errors: errors.get(tool)! } : undefined,
      ]),
    );
    const base = results.get(OPENAPI_TYPESCRIPT);
    const rows = TOOLS.map((tool) => {
      const r = results.get(tool);
      return r
        ? [tool.name, tool.output, seconds(r.ms), ratio(r.ms, base?.ms), String(r.errors)]
        : [tool.name, tool.output, "generation failed", "-", "-"];
    });
    return `Median of ${ctx.runs} run${ctx.runs === 1 ? "" : "s"}, tools alternating; strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes, NodeNext, skipLibCheck.\n\n${markdownTable(["tool", "output", "tsc --noEmit", "vs openapi-typescript", "errors"], rows)}`;
  },
};
