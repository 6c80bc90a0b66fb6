// Generate every spec and type-check the outputs, as a pipeline: the main thread generates the
// next spec while tsc checks the previous batch in a child process, so both cores stay busy.
// Small outputs are checked together (one tsc start-up for many specs); a big one alone.
import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { generateInto, type GeneratedSpec } from "./generate-spec.js";
import { typecheckOutputs } from "./typecheck.js";

export interface CorpusRow extends GeneratedSpec {
  /** Wall time of the tsc run that checked this output (shared by its batch). */
  tscMs: number;
  batchSize: number;
  ok: boolean;
}

export interface CorpusOptions {
  /** Every output goes in a numbered folder under here. */
  workDir: string;
  onRow?: (row: CorpusRow) => void;
  /** Folders a spec's $ref'd files may live in besides its own (the folders named on the command line). */
  refRoots?: string[];
  /** Parallel tsc processes while generation runs (default: cores - 1, at least 1); all cores after. */
  tscJobs?: number;
}

const BATCH_BYTES = 3_000_000;
const BATCH_SPECS = 40;

export async function runCorpus(specs: string[], options: CorpusOptions): Promise<CorpusRow[]> {
  mkdirSync(options.workDir, { recursive: true });
  const rows: CorpusRow[] = [];
  const finish = (row: CorpusRow) => {
    rows.push(row);
    options.onRow?.(row);
  };
  // One core generates while tsc runs on the others; once generation is done, tsc gets them all.
  let jobs = options.tscJobs ?? Math.max(1, availableParallelism() - 1);
  const running = new Set<Promise<void>>();
  let batch: GeneratedSpec[] = [];
  let batchBytes = 0;
  let batchNumber = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const members = batch;
    batch = [];
    batchBytes = 0;
    while (running.size >= jobs) await Promise.race(running);
    const job = typecheckOutputs(
      options.workDir,
      members.map((m) => m.outDir),
      `tsconfig.batch${++batchNumber}.json`,
    ).then(({ errors, ms }) => {
      for (const m of members) {
        const problems = errors.get(m.outDir) ?? [];
        const failure =
          problems.length > 0
            ? `does not compile (${problems.length} errors):\n${problems.slice(0, 5).join("\n")}`
            : undefined;
        finish({ ...m, tscMs: ms, batchSize: members.length, ok: !failure, ...(failure ? { failure } : {}) });
      }
    });
    const tracked: Promise<void> = job.finally(() => running.delete(tracked));
    running.add(tracked);
  };

  for (const [i, spec] of specs.entries()) {
    const slug = path
      .basename(spec)
      .replace(/\.[^.]+$/, "")
      .replace(/[^A-Za-z0-9._-]+/g, "-");
    const generated = await generateInto(
      spec,
      path.join(options.workDir, `${String(i + 1).padStart(4, "0")}-${slug}`),
      options.refRoots ?? [],
    );
    if (generated.failure) {
      finish({ ...generated, tscMs: 0, batchSize: 0, ok: false });
      continue;
    }
    if (generated.schemaBytes > BATCH_BYTES / 2) {
      // Alone, so its tsc starts now and its result does not wait for smaller neighbours.
      const small = batch;
      batch = [generated];
      await flush();
      batch = small;
      batchBytes = small.reduce((n, s) => n + s.schemaBytes, 0);
      continue;
    }
    batch.push(generated);
    batchBytes += generated.schemaBytes;
    if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_SPECS) await flush();
  }
  jobs = Math.max(jobs, availableParallelism());
  await flush();
  await Promise.all(running);
  return rows;
}
