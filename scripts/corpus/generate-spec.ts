// One corpus spec: load, generate and write the client into its own folder, and count what the
// table shows. A SpecError is the expected failure for an invalid spec: its message is the row's
// result. Anything else is a faultline bug and keeps its stack.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { SpecError } from "../../src/diagnostics.js";
import { createGenerateTools } from "../../src/cli/generate-tools.js";
import { generate } from "../../src/generate.js";
import type { ClassifiedOperation } from "../../src/normalize/classify.js";
import { loadSpec } from "../../src/parse/load.js";

/** One formatter and one set of compiled templates for every spec this file generates. */
const tools = createGenerateTools();

export interface CategoryCounts {
  retryable: number;
  terminal: number;
  billing: number;
  /** Range and default keys classified by the actual status at run time. */
  byStatus: number;
}

export interface GeneratedSpec {
  spec: string;
  outDir: string;
  operations: number;
  errorVariants: number;
  categories: CategoryCounts;
  /** Bytes of schema.ts: big outputs get a tsc run of their own. */
  schemaBytes: number;
  /** Flaws worked around (warnings): the spec generated anyway. */
  warnings: number;
  ms: number;
  failure?: string;
}

/** One variant per documented code, else one per status key: the CLI's count. */
export function countVariants(classified: ClassifiedOperation[]): {
  errorVariants: number;
  categories: CategoryCounts;
} {
  const categories: CategoryCounts = { retryable: 0, terminal: 0, billing: 0, byStatus: 0 };
  let errorVariants = 0;
  for (const { errors } of classified) {
    for (const error of errors) {
      const verdicts = error.codes.length > 0 ? error.codes.map((c) => c.verdict) : [error.verdict];
      errorVariants += verdicts.length;
      for (const v of verdicts) categories[error.dynamic && error.codes.length === 0 ? "byStatus" : v.category]++;
    }
  }
  return { errorVariants, categories };
}

export async function generateInto(spec: string, outDir: string, refRoots: string[] = []): Promise<GeneratedSpec> {
  const started = performance.now();
  const empty = {
    spec,
    outDir,
    operations: 0,
    errorVariants: 0,
    categories: { retryable: 0, terminal: 0, billing: 0, byStatus: 0 },
    schemaBytes: 0,
    warnings: 0,
  };
  try {
    const loaded = await loadSpec(spec, { refRoots });
    const result = await generate(loaded, tools);
    await rm(outDir, { recursive: true, force: true });
    for (const file of result.files) {
      const target = path.join(outDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    const schemaBytes = result.files.find((f) => f.path === "schema.ts")?.contents.length ?? 0;
    return {
      ...empty,
      operations: result.api.operations.length,
      ...countVariants(result.classified),
      schemaBytes,
      warnings: result.warnings.length,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    const failure =
      error instanceof SpecError
        ? `invalid spec: ${error.message}`
        : `faultline bug: ${(error as Error).stack ?? String(error)}`;
    return { ...empty, ms: Math.round(performance.now() - started), failure };
  }
}
