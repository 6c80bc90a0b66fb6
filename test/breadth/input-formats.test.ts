// Inputs that are not one OpenAPI 3 file: Swagger 2.0 (converted by swagger2openapi) and
// descriptions split over many files with relative $refs (bundled by Redocly). Both must end in
// a client that compiles, or in a diagnostic that says which file and where.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { SpecError } from "../../src/diagnostics.js";
import { loadSpec } from "../../src/parse/load.js";
import { compileAll, generateCase, workDir, writeCase, type GeneratedCase, type SpecCase } from "./support.js";

const swagger2: SpecCase = {
  name: "swagger2",
  files: {
    "spec.yaml": `
swagger: "2.0"
info: { title: Pets, version: "1" }
basePath: /v1
consumes: [application/json]
produces: [application/json, application/xml]
paths:
  /pets/{id}:
    put:
      operationId: updatePet
      parameters:
        - { name: id, in: path, required: true, type: string }
        - { name: body, in: body, required: true, schema: { $ref: "#/definitions/Pet" } }
      responses:
        "200": { description: ok, schema: { $ref: "#/definitions/Pet" } }
        "404": { description: missing, schema: { $ref: "#/definitions/Error" } }
        "429": { description: slow down, headers: { Retry-After: { type: integer } }, schema: { $ref: "#/definitions/Error" } }
        default: { $ref: "#/responses/Unexpected" }
responses:
  Unexpected: { description: unexpected, schema: { $ref: "#/definitions/Error" } }
definitions:
  Pet: { type: object, required: [name], properties: { name: { type: string }, tags: { type: array, items: { type: string } } } }
  Error: { type: object, properties: { code: { type: string }, message: { type: string } } }
`,
  },
};

const multiFile: SpecCase = {
  name: "multi-file",
  files: {
    "openapi.yaml": `
openapi: 3.1.0
info: { title: Split, version: "1" }
paths:
  /rooms/{roomId}/join:
    $ref: ./paths/join.yaml
`,
    "paths/join.yaml": `
post:
  operationId: joinRoom
  parameters:
    - $ref: ../parameters.yaml#/roomId
  responses:
    "200": { description: joined, content: { application/json: { schema: { type: object } } } }
    "403": { $ref: ../responses/errors.yaml#/Forbidden }
    "429": { $ref: ../responses/errors.yaml#/RateLimited }
`,
    "parameters.yaml": `
roomId: { name: roomId, in: path, required: true, schema: { type: string } }
`,
    "responses/errors.yaml": `
Forbidden:
  description: not allowed
  content: { application/json: { schema: { $ref: ../schemas/error.yaml } } }
RateLimited:
  description: slow down
  content: { application/json: { schema: { $ref: ../schemas/error.yaml } } }
`,
    "schemas/error.yaml": `
type: object
required: [code]
properties:
  code: { type: string, enum: [M_FORBIDDEN, M_LIMIT_EXCEEDED] }
  message: { type: string }
  retry_after_ms: { type: integer }
`,
  },
};

let root: string;
const generated = new Map<string, GeneratedCase>();

beforeAll(async () => {
  root = workDir("inputs");
  for (const c of [swagger2, multiFile]) generated.set(c.name, await generateCase(root, c));
  await compileAll(root, [...generated.values()]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function loadError(spec: SpecCase): Promise<SpecError> {
  const error = await loadSpec(writeCase(root, spec)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpecError);
  return error as SpecError;
}

describe("Swagger 2.0", () => {
  it("is converted to OpenAPI 3 and remembered as 2.0", () => {
    const { loaded, result } = generated.get("swagger2")!;
    expect(loaded.document.openapi).toMatch(/^3\.0\./);
    expect(result.api.openapiVersion).toBe("2.0");
    expect(result.api.operations[0]!.errors.map((e) => [e.key, e.retryAfterHeader])).toEqual([
      ["404", false],
      ["429", true],
      ["default", false],
    ]);
  });

  it("produces a client that compiles, with bodies typed from the converted schemas", () => {
    const c = generated.get("swagger2")!;
    expect(c.compileErrors).toEqual([]);
    expect(c.file("types.ts")).toContain(`["responses"]["404"]["content"]["application/json"]`);
  });

  it("reports what the converter cannot convert, and where in the Swagger file", async () => {
    const spec = (parameter: string) => ({
      name: `swagger2-bad-${parameter.length}`,
      files: {
        "spec.yaml": `swagger: "2.0"\ninfo: { title: S, version: "1" }\npaths:\n  /a:\n    get:\n      parameters:\n        - ${parameter}\n      responses:\n        "200": { description: ok }\n`,
      },
    });
    const tsv = await loadError(
      spec("{ name: ids, in: query, type: array, items: { type: string }, collectionFormat: tsv }"),
    );
    expect(tsv.diagnostic).toMatchObject({
      pointer: "/paths/~1a/get/parameters/0",
      problem: expect.stringContaining("collectionFormat:tsv"),
    });
    // A dangling ref is caught before conversion, so it is reported in Swagger terms.
    const dangling = await loadError(spec(`$ref: "#/parameters/Missing"`));
    expect(dangling.diagnostic).toMatchObject({
      pointer: "/paths/~1a/get/parameters/0/$ref",
      problem: expect.stringContaining("points to nothing"),
    });
  });
});

// Schemas openapi-typescript cannot type and schemas that admit no value are typed unknown with a
// warning: test/breadth/flawed-specs.test.ts.

describe("many files with relative $refs", () => {
  it("are bundled into one document that names every file read", () => {
    const { loaded } = generated.get("multi-file")!;
    expect(loaded.files.map((f) => f.slice(f.indexOf("multi-file/") + "multi-file/".length))).toEqual([
      "openapi.yaml",
      "parameters.yaml",
      "paths/join.yaml",
      "responses/errors.yaml",
      "schemas/error.yaml",
    ]);
  });

  it("produce a client that compiles, with codes and envelope read across files", () => {
    const c = generated.get("multi-file")!;
    expect(c.compileErrors).toEqual([]);
    const forbidden = c.result.api.operations[0]!.errors[0]!;
    expect(forbidden.envelope).toMatchObject({
      code: ["code"],
      message: ["message"],
      retryAfter: { path: ["retry_after_ms"], unit: "ms" },
    });
    expect(forbidden.codes.map((code) => code.value)).toEqual(["M_FORBIDDEN", "M_LIMIT_EXCEEDED"]);
  });

  it("a $ref to a missing file names the file that holds it", async () => {
    const error = await loadError({
      name: "dangling-file",
      files: {
        "openapi.yaml": multiFile.files["openapi.yaml"],
        "paths/join.yaml": "post:\n  responses:\n    '404': { $ref: ../nowhere.yaml }\n",
      },
    });
    expect(error.message).toMatch(/join\.yaml/);
    expect(error.diagnostic.problem).toMatch(/names a file that does not exist/);
  });
});
