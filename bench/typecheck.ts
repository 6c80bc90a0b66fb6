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
    const results = new Map<Tool, Checked | undefined>();
    for (const tool of TOOLS) {
      const dir = await generatedOutput(ctx, spec, tool);
      if (!dir) {
        results.set(tool, undefined);
        continue;
      }
      const times: number[] = [];
      let errors = 0;
      for (let run = 1; run <= ctx.runs; run++) {
        const checked = await typecheckOutputs(path.dirname(dir), [dir], `tsconfig.${path.basename(dir)}.json`);
        times.push(checked.ms);
        errors = checked.errors.get(dir)?.length ?? 0;
        ctx.log(`  tsc ${tool.name} run ${run}: ${seconds(checked.ms)}, ${errors} errors`);
      }
      results.set(tool, { ms: median(times), errors });
    }
    const base = results.get(OPENAPI_TYPESCRIPT);
    const rows = TOOLS.map((tool) => {
      const r = results.get(tool);
      return r ? [tool.name, tool.output, seconds(r.ms), ratio(r.ms, base?.ms), String(r.errors)] : [tool.name, tool.output, "generation failed", "-", "-"];
    });
    return `Median of ${ctx.runs} run${ctx.runs === 1 ? "" : "s"}; strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes, NodeNext, skipLibCheck.\n\n${markdownTable(["tool", "output", "tsc --noEmit", "vs openapi-typescript", "errors"], rows)}`;
  },
};
