// Regression cases for messy specs: each case is written to disk (loadSpec reads files, and
// multi-file cases need real relative paths), generated, and the outputs of a whole test file
// are type-checked by one strict tsc run (tsc start-up is ~1 s; one run per case would dominate).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createGenerateTools } from "../../src/cli/generate-tools.js";
import { generate, type GenerateResult } from "../../src/generate.js";
import { loadSpec, type LoadedSpec } from "../../src/parse/load.js";
import { typecheckOutputs } from "../../scripts/corpus/typecheck.js";

/** One formatter and one set of compiled templates for every spec this file generates. */
const tools = createGenerateTools();

export interface SpecCase {
  name: string;
  /** File name -> contents (an object is written as JSON). The first file is the root. */
  files: Record<string, unknown>;
}

export interface GeneratedCase {
  loaded: LoadedSpec;
  result: GenerateResult;
  dir: string;
  file: (name: string) => string;
  /** tsc diagnostics for this case's output, filled in by compileAll. */
  compileErrors: string[];
}

export function workDir(label: string): string {
  return mkdtempSync(path.join(tmpdir(), `faultline-${label}-`));
}

export function writeCase(root: string, spec: SpecCase): string {
  const specDir = path.join(root, "specs", spec.name);
  for (const [name, contents] of Object.entries(spec.files)) {
    const target = path.join(specDir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, typeof contents === "string" ? contents : JSON.stringify(contents, null, 2));
  }
  return path.join(specDir, Object.keys(spec.files)[0]!);
}

export async function generateCase(root: string, spec: SpecCase): Promise<GeneratedCase> {
  const loaded = await loadSpec(writeCase(root, spec));
  const result = await generate(loaded, tools);
  const dir = path.join(root, "out", spec.name);
  for (const f of result.files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.contents);
  }
  const file = (name: string) => result.files.find((f) => f.path === name)?.contents ?? "";
  return { loaded, result, dir, file, compileErrors: [] };
}

/** One tsc run over every case's output; each case gets its own diagnostics. */
export async function compileAll(root: string, cases: GeneratedCase[]): Promise<void> {
  const { errors } = await typecheckOutputs(
    root,
    cases.map((c) => c.dir),
  );
  for (const c of cases) c.compileErrors = errors.get(c.dir) ?? [];
}

/** A minimal OpenAPI 3.0 document around one operation's responses. */
export function oneOperation(
  responses: Record<string, unknown>,
  components: Record<string, unknown> = {},
  openapi = "3.0.3",
) {
  return {
    openapi,
    info: { title: "Messy", version: "1" },
    paths: {
      "/things/{id}": {
        get: {
          operationId: "getThing",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses,
        },
      },
    },
    components,
  };
}

export const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
