// Swagger 2.0 input: converted to OpenAPI 3.0 (swagger2openapi, as loadSpec does) and then parsed,
// so a Swagger response, parameter or extension must reach the IR as its OpenAPI 3 twin would.
import { describe, expect, test } from "vitest";
import { SpecError } from "../../src/diagnostics.js";
import type { ApiIR } from "../../src/ir.js";
import { parseApi } from "../../src/parse/index.js";
import { convertSwagger2 } from "../../src/parse/swagger2.js";
import { expectFields, FILE, type Rejection, type Spec, type TestCase } from "./given-want.js";

const ok = { "200": { description: "ok" } };
const errorSchema = {
  type: "object",
  properties: { code: { type: "string", enum: ["LIMIT", "AUTH"] }, message: { type: "string" } },
};

function swagger(operation: Spec, root: Spec = {}): Spec {
  return {
    swagger: "2.0",
    info: { title: "S", version: "1" },
    paths: { "/things": { post: { responses: ok, ...operation } } },
    ...root,
  };
}

async function convertAndParse(given: Spec): Promise<ApiIR> {
  return parseApi(await convertSwagger2(given, FILE, JSON.stringify(given)), FILE);
}

describe("Swagger 2.0 responses become error responses", () => {
  const withError = (response: Spec, root: Spec = {}, operation: Spec = {}) =>
    swagger({ ...operation, responses: { ...ok, "429": { description: "slow", ...response } } }, root);
  const tests: TestCase<Spec, Record<string, unknown>>[] = [
    [
      "a schema in definitions, served as the root's produces",
      {
        given: withError(
          { schema: { $ref: "#/definitions/Error" } },
          { produces: ["application/json"], definitions: { Error: errorSchema } },
        ),
        want: {
          media: [{ contentType: "application/json", json: true, hasSchema: true, exampleNames: [] }],
          codes: [{ value: "AUTH" }, { value: "LIMIT" }],
          envelope: { shapes: ["flat-code"], code: ["code"], message: ["message"] },
        },
      },
    ],
    [
      "the operation's produces overrides the root's",
      {
        given: withError(
          { schema: errorSchema },
          { produces: ["application/json"] },
          { produces: ["application/problem+json"] },
        ),
        want: { media: [{ contentType: "application/problem+json", json: true, hasSchema: true, exampleNames: [] }] },
      },
    ],
    [
      "a response without a schema has no body",
      { given: withError({}, { produces: ["application/json"] }), want: { media: [], envelope: { shapes: [] } } },
    ],
    [
      "response headers",
      {
        given: withError({ headers: { "Retry-After": { type: "integer" }, "X-Request-Id": { type: "string" } } }),
        want: { headers: ["retry-after", "x-request-id"], retryAfterHeader: true, requestIdHeader: "x-request-id" },
      },
    ],
    [
      "x-faultline-* on the response survive conversion",
      {
        given: withError({
          "x-faultline-category": "retryable",
          "x-faultline-codes": { SLOW: { recovery: "wait-and-retry" } },
        }),
        want: { category: "retryable", codes: [{ value: "SLOW", recovery: "wait-and-retry" }] },
      },
    ],
    [
      "a response in the root's responses map",
      {
        given: swagger(
          { responses: { ...ok, "404": { $ref: "#/responses/NotFound" } } },
          { responses: { NotFound: { description: "none here" } } },
        ),
        want: { key: "404", description: "none here", pointer: "/paths/~1things/post/responses/404" },
      },
    ],
  ];
  test.each(tests)("%s", async (_, { given, want }) => {
    expectFields((await convertAndParse(given)).operations[0]!.errors[0]!, want);
  });
});

describe("Swagger 2.0 operations, parameters and root extensions", () => {
  const tests: TestCase<Spec, Record<string, unknown>>[] = [
    [
      "a body parameter is the request body, typed by consumes",
      {
        given: swagger({
          consumes: ["application/xml", "application/json"],
          parameters: [{ name: "b", in: "body", required: true, schema: { type: "object" } }],
        }),
        want: {
          requestBody: { required: true, contentTypes: ["application/json", "application/xml"] },
          parameters: [],
        },
      },
    ],
    [
      "formData parameters are a form body",
      {
        given: swagger({
          consumes: ["multipart/form-data"],
          parameters: [{ name: "f", in: "formData", type: "file" }],
        }),
        want: {
          // A formData `type: file` is a binary field: a Blob or File in the Input.
          requestBody: {
            required: false,
            contentTypes: ["multipart/form-data"],
            binaryFields: { "multipart/form-data": ["f"] },
          },
        },
      },
    ],
    [
      "a header parameter names the idempotency key",
      {
        given: swagger({ parameters: [{ name: "Idempotency-Key", in: "header", type: "string" }] }),
        want: {
          idempotencyKeyHeader: "Idempotency-Key",
          parameters: [{ name: "Idempotency-Key", in: "header", required: false }],
        },
      },
    ],
    [
      "x-faultline-idempotent on the operation",
      {
        given: swagger({ "x-faultline-idempotent": true }),
        want: { idempotent: true, idempotentSource: "x-faultline-idempotent" },
      },
    ],
  ];
  test.each(tests)("%s", async (_, { given, want }) => {
    expectFields((await convertAndParse(given)).operations[0]!, want);
  });

  test("x-faultline-retry on the root survives conversion", async () => {
    expect(
      (
        await convertAndParse(
          swagger({}, { "x-faultline-retry": { maxRetries: 1, byStatus: { "429": { baseDelayMs: 100 } } } }),
        )
      ).retry,
    ).toStrictEqual({ maxRetries: 1, byStatus: { "429": { baseDelayMs: 100 } } });
  });
});

describe("Swagger 2.0 the converter refuses: pointed at in Swagger terms", () => {
  const tsv = { name: "ids", in: "query", type: "array", items: { type: "string" }, collectionFormat: "tsv" };
  const tests: TestCase<Spec, Rejection>[] = [
    [
      "an operation's parameter",
      {
        given: swagger({ parameters: [tsv] }),
        want: { pointer: "/paths/~1things/post/parameters/0", problem: /collectionFormat:tsv/ },
      },
    ],
    [
      "a shared parameter, at its Swagger place",
      {
        given: swagger({ parameters: [{ $ref: "#/parameters/Ids" }] }, { parameters: { Ids: tsv } }),
        want: { pointer: "/parameters/Ids", problem: /collectionFormat:tsv/ },
      },
    ],
  ];
  test.each(tests)("%s", async (_, { given, want }) => {
    const error = await convertAndParse(given).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SpecError);
    const { diagnostic } = error as SpecError;
    expect({ file: diagnostic.file, pointer: diagnostic.pointer }).toEqual({ file: FILE, pointer: want.pointer });
    expect(diagnostic.problem).toMatch(want.problem);
  });
});
