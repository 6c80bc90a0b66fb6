// Media Type Object (OAS 3.1 §4.8.14) of an error response, and the error envelope read from
// its schema: which fields hold the code, message, request id, details and retry delay.
import { describe, test } from "vitest";
import { expectFields, firstError, withErrorBody, withResponses, type Spec, type TestCase } from "./given-want.js";

const str = { type: "string" };
const int = { type: "integer" };
const obj = (properties: Spec) => ({ type: "object", properties });

describe("Media Type Object: what the IR says about each body", () => {
  const tests: TestCase<Spec, unknown[]>[] = [
    [
      "application/json with a schema and named examples (sorted)",
      {
        given: { "application/json": { schema: str, examples: { b: { value: "x" }, a: { value: "y" } } } },
        want: [{ contentType: "application/json", json: true, hasSchema: true, exampleNames: ["a", "b"] }],
      },
    ],
    [
      "a +json suffix is JSON",
      {
        given: { "application/vnd.api+json": { schema: str } },
        want: [{ contentType: "application/vnd.api+json", json: true, hasSchema: true, exampleNames: [] }],
      },
    ],
    [
      "a charset parameter does not hide JSON",
      {
        given: { "Application/JSON; charset=utf-8": {} },
        want: [{ contentType: "Application/JSON; charset=utf-8", json: true, hasSchema: false, exampleNames: [] }],
      },
    ],
    [
      "*/* may be JSON",
      {
        given: { "*/*": { schema: str } },
        want: [{ contentType: "*/*", json: true, hasSchema: true, exampleNames: [] }],
      },
    ],
    [
      "text/plain is not JSON; media types are sorted",
      {
        given: { "text/plain": { schema: str }, "application/json": { schema: str } },
        want: [
          { contentType: "application/json", json: true, hasSchema: true, exampleNames: [] },
          { contentType: "text/plain", json: false, hasSchema: true, exampleNames: [] },
        ],
      },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => {
    expectFields(firstError(withResponses({ "400": { description: "bad", content: given } })), { media: want });
  });
});

describe("Media Type Object: the error envelope its schema declares", () => {
  const tests: TestCase<{ schema: unknown; contentType?: string; root?: Spec }, Record<string, unknown>>[] = [
    [
      "{ error: string }",
      {
        given: { schema: obj({ error: str }) },
        want: { shapes: ["error-string"], message: ["error"], code: undefined },
      },
    ],
    [
      "{ error: { code, message } }",
      {
        given: { schema: obj({ error: obj({ code: str, message: str }) }) },
        want: { shapes: ["error-object"], code: ["error", "code"], message: ["error", "message"] },
      },
    ],
    [
      "an error object's type is its code when it has no code",
      {
        given: { schema: obj({ error: obj({ type: str, msg: str }) }) },
        want: { code: ["error", "type"], message: ["error", "msg"] },
      },
    ],
    [
      "{ ok: false, error: { code } } (ok envelope)",
      {
        given: { schema: obj({ ok: { type: "boolean" }, error: obj({ code: str }) }) },
        want: { shapes: ["ok-envelope"], code: ["error", "code"] },
      },
    ],
    [
      "{ error: CODE, message }",
      {
        given: { schema: obj({ error: str, error_description: str }) },
        want: { shapes: ["code-string"], code: ["error"], message: ["error_description"] },
      },
    ],
    [
      "{ code, message } (flat)",
      {
        given: { schema: obj({ code: int, message: str }) },
        want: { shapes: ["flat-code"], code: ["code"], message: ["message"] },
      },
    ],
    [
      "FastAPI's { detail }",
      {
        given: { schema: obj({ detail: { type: "array" } }) },
        want: { shapes: ["fastapi-detail"], message: ["detail"] },
      },
    ],
    [
      "problem+json reads detail, then title",
      {
        given: { schema: obj({ type: str, title: str }), contentType: "application/problem+json" },
        want: { shapes: ["problem"], message: ["title"] },
      },
    ],
    [
      "type and title make a problem even as plain JSON",
      {
        given: { schema: obj({ type: str, title: str, detail: str, errorCode: str }) },
        want: { shapes: ["problem"], code: ["errorCode"], message: ["detail"] },
      },
    ],
    [
      "problem+json without a schema is still a problem",
      { given: { schema: undefined, contentType: "application/problem+json" }, want: { shapes: ["problem"] } },
    ],
    ["JSON without a schema is unknown", { given: { schema: undefined }, want: { shapes: ["unknown"] } }],
    ["a text body", { given: { schema: str, contentType: "text/html" }, want: { shapes: ["text"] } }],
    [
      "a request id beside the error object",
      { given: { schema: obj({ error: obj({ code: str }), request_id: str }) }, want: { requestId: ["request_id"] } },
    ],
    [
      "details inside the error object",
      {
        given: { schema: obj({ error: obj({ code: str, errors: { type: "array" } }) }) },
        want: { details: ["error", "errors"] },
      },
    ],
    [
      "a retry delay in seconds",
      {
        given: { schema: obj({ code: str, retry_after: int }) },
        want: { retryAfter: { path: ["retry_after"], unit: "s" } },
      },
    ],
    [
      "a retry delay in milliseconds inside the error",
      {
        given: { schema: obj({ error: obj({ code: str, retryAfterMillis: int }) }) },
        want: { retryAfter: { path: ["error", "retryAfterMillis"], unit: "ms" } },
      },
    ],
    [
      "an envelope behind a $ref and an allOf",
      {
        given: {
          schema: { $ref: "#/components/schemas/Envelope" },
          root: { components: { schemas: { Envelope: { allOf: [obj({ code: str }), obj({ message: str })] } } } },
        },
        want: { shapes: ["flat-code"], code: ["code"], message: ["message"] },
      },
    ],
    [
      "a oneOf of two envelopes keeps both shapes and the one with a code leads",
      {
        given: { schema: { oneOf: [obj({ error: str }), obj({ error: obj({ code: str, message: str }) })] } },
        want: { shapes: ["error-string", "error-object"], code: ["error", "code"], message: ["error", "message"] },
      },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => {
    expectFields(firstError(withErrorBody(given.schema, given.contentType, given.root)).envelope, want);
  });

  test.each<TestCase<Spec, Record<string, unknown>>>([
    [
      "JSON and two text bodies give each shape once (text shapes are listed first)",
      {
        given: {
          "application/json": { schema: obj({ error: str }) },
          "application/xml": { schema: str },
          "text/plain": { schema: str },
        },
        want: { shapes: ["text", "error-string"] },
      },
    ],
  ])("%s", (_, { given, want }) => {
    expectFields(firstError(withResponses({ "400": { description: "bad", content: given } })).envelope, want);
  });
});
