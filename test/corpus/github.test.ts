// GitHub's description (13 MB, 1,000+ operations) is the biggest real spec we know: it must
// generate and compile under strict tsc. Speed is measured by `npm run bench`, not here.
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateInto } from "../../scripts/corpus/generate-spec.js";
import { typecheckOutputs } from "../../scripts/corpus/typecheck.js";
import { workDir } from "../breadth/support.js";

const spec = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@octokit/openapi/package.json")),
  "generated",
  "api.github.com.json",
);
const root = workDir("github");
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("GitHub's REST API description", () => {
  it("generates a client that compiles under strict tsc", async () => {
    const generated = await generateInto(spec, path.join(root, "github"));
    expect(generated.failure).toBeUndefined();
    expect(generated.operations).toBeGreaterThan(1000);
    expect(generated.errorVariants).toBeGreaterThan(1000);
    const { errors } = await typecheckOutputs(root, [generated.outDir]);
    expect(errors.get(generated.outDir)).toEqual([]);
  }, 600_000);
});
