import { describe, expect, it } from "vitest";
import { parseApi } from "../../src/parse/index.js";

function withErrorBody(schema: unknown, extra: Record<string, unknown> = {}, contentType = "application/json") {
  return {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: {
      "/x": {
        get: {
          responses: {
            "200": { description: "ok" },
            "400": { description: "bad", content: { [contentType]: { schema } } },
          },
        },
      },
    },
    components: extra,
  };
}

function firstError(document: Record<string, unknown>) {
  return parseApi(document, "t.yaml").operations[0]!.errors[0]!;
}

const str = { type: "string" };
const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });

describe("envelope shapes", () => {
  const table: { name: string; schema: unknown; contentType?: string; want: Record<string, unknown> }[] = [
    {
      name: "bare error string",
      schema: obj({ error: str, details: obj({}) }),
      want: { shapes: ["error-string"], message: ["error"], details: ["details"] },
    },
    {
      name: "error object",
      schema: obj({ error: obj({ code: str, message: str, requestId: str, details: obj({}) }) }),
      want: {
        shapes: ["error-object"],
        code: ["error", "code"],
        message: ["error", "message"],
        requestId: ["error", "requestId"],
        details: ["error", "details"],
      },
    },
    {
      name: "ok envelope",
      schema: obj({ ok: { const: false }, error: obj({ code: str, message: str }) }),
      want: { shapes: ["ok-envelope"], code: ["error", "code"] },
    },
    {
      name: "code string beside message",
      schema: obj({ error: str, message: str, details: obj({}), request_id: str }),
      want: { shapes: ["code-string"], code: ["error"], message: ["message"], requestId: ["request_id"] },
    },
    { name: "FastAPI detail", schema: obj({ detail: str }), want: { shapes: ["fastapi-detail"], message: ["detail"] } },
    {
      name: "problem+json",
      schema: obj({ type: str, title: str, status: { type: "integer" }, detail: str }),
      contentType: "application/problem+json",
      want: { shapes: ["problem"], message: ["detail"] },
    },
    {
      name: "flat code",
      schema: obj({ code: str, message: str }),
      want: { shapes: ["flat-code"], code: ["code"], message: ["message"] },
    },
    { name: "text body", schema: str, contentType: "text/html", want: { shapes: ["text"] } },
    {
      name: "retry delay in body (seconds)",
      schema: obj({ error: obj({ code: str, retry_after: { type: "integer" } }) }),
      want: { retryAfter: { path: ["error", "retry_after"], unit: "s" } },
    },
    {
      name: "retry delay in body (ms)",
      schema: obj({ code: str, retryAfterMs: { type: "integer" } }),
      want: { retryAfter: { path: ["retryAfterMs"], unit: "ms" } },
    },
  ];
  it.each(table)("$name", ({ schema, contentType, want }) => {
    expect(firstError(withErrorBody(schema, {}, contentType)).envelope).toMatchObject(want);
  });

  it("a oneOf of the live and the planned envelope yields both shapes and the planned code path", () => {
    const schema = { oneOf: [obj({ error: str }), obj({ error: obj({ code: str, message: str }) })] };
    expect(firstError(withErrorBody(schema)).envelope).toMatchObject({
      shapes: ["error-string", "error-object"],
      code: ["error", "code"],
    });
  });
});

describe("enumerated codes", () => {
  it("reads enum, const, oneOf branches with descriptions, allOf and $refs", () => {
    const components = {
      schemas: {
        Code: {
          oneOf: [{ const: "PAST_DUE", description: "Subscription past due" }, { $ref: "#/components/schemas/More" }],
        },
        More: { enum: ["DISPUTED", "RATE_LIMITED"], "x-enum-descriptions": ["Chargeback open", "Too fast"] },
        Envelope: { allOf: [obj({ error: obj({ code: { $ref: "#/components/schemas/Code" }, message: str }) })] },
      },
    };
    const error = firstError(withErrorBody({ $ref: "#/components/schemas/Envelope" }, components));
    expect(error.codes).toEqual([
      { value: "DISPUTED", description: "Chargeback open" },
      { value: "PAST_DUE", description: "Subscription past due" },
      { value: "RATE_LIMITED", description: "Too fast" },
    ]);
  });

  it("x-faultline-codes adds codes the schema does not enumerate", () => {
    const doc = withErrorBody(obj({ error: str }));
    (doc.paths["/x"].get.responses["400"] as Record<string, unknown>)["x-faultline-codes"] = {
      GATEWAY: { category: "retryable" },
    };
    expect(firstError(doc).codes).toEqual([{ value: "GATEWAY", category: "retryable" }]);
  });

  it("survives circular schemas", () => {
    const components = {
      schemas: { Node: obj({ error: obj({ code: { enum: ["A"] } }), child: { $ref: "#/components/schemas/Node" } }) },
    };
    expect(
      firstError(withErrorBody({ $ref: "#/components/schemas/Node" }, components)).codes.map((c) => c.value),
    ).toEqual(["A"]);
  });
});

describe("operations", () => {
  const doc = (paths: Record<string, unknown>) => ({ openapi: "3.0.3", info: { title: "T", version: "1" }, paths });
  const ok = { responses: { "200": { description: "ok" } } };

  it("names operations from operationId, else method + path, uniquely and as safe identifiers", () => {
    const api = parseApi(
      doc({
        "/cases/{id}": { get: ok, delete: { ...ok, operationId: "delete" } },
        "/a": { get: { ...ok, operationId: "get-thing" } },
        "/b": { get: { ...ok, operationId: "getThing" } },
        "/c": { get: { ...ok, operationId: "*/ evil`${x}`" } },
      }),
      "t.yaml",
    );
    expect(api.operations.map((o) => o.name)).toEqual(["_delete", "evilX", "getCasesById", "getThing", "getThing2"]);
  });

  it("decides idempotency from the method, x-faultline-idempotent, and finds an idempotency-key header", () => {
    const api = parseApi(
      doc({
        "/a": {
          post: { ...ok, operationId: "a", parameters: [{ name: "Idempotency-Key", in: "header", schema: str }] },
          put: { ...ok, operationId: "b", "x-faultline-idempotent": false },
          patch: { ...ok, operationId: "c", "x-faultline-idempotent": true },
        },
      }),
      "t.yaml",
    );
    expect(api.operations.map((o) => [o.name, o.idempotent, o.idempotencyKeyHeader])).toEqual([
      ["a", false, "Idempotency-Key"],
      ["b", false, undefined],
      ["c", true, undefined],
    ]);
  });

  it("splits success and error keys, ranges and default included", () => {
    const api = parseApi(
      doc({
        "/a": {
          get: {
            responses: {
              "200": { description: "" },
              "2XX": { description: "" },
              "404": { description: "" },
              "5XX": { description: "" },
              default: { description: "" },
              "302": { description: "" },
            },
          },
        },
      }),
      "t.yaml",
    );
    const op = api.operations[0]!;
    expect(op.successes.map((s) => s.key)).toEqual(["200", "2XX"]);
    expect(op.errors.map((e) => e.key)).toEqual(["404", "5XX", "default"]);
  });
});
