// Paths, Path Item and Operation Objects (OAS 3.1 §4.8.8-10): one OperationIR per method, its
// name, parameters, request body and whether a failed attempt may be replayed.
import { describe, test } from "vitest";
import {
  document,
  expectFields,
  expectRejection,
  onlyOperation,
  parse,
  type Rejection,
  type Spec,
  type TestCase,
} from "./given-want.js";

const responses = { "200": { description: "ok" } };
const op = (extra: Spec = {}) => ({ responses, ...extra });
const header = (name: string, required = false) => ({ name, in: "header", required, schema: { type: "string" } });

describe("Operation Object: may a failed attempt be replayed", () => {
  const tests: TestCase<{ method: string; operation: Spec }, Record<string, unknown>>[] = [
    [
      "GET is idempotent by its method",
      { given: { method: "get", operation: op() }, want: { idempotent: true, idempotentSource: "method" } },
    ],
    [
      "DELETE is too",
      { given: { method: "delete", operation: op() }, want: { idempotent: true, idempotentSource: "method" } },
    ],
    [
      "POST is not",
      { given: { method: "post", operation: op() }, want: { idempotent: false, idempotentSource: "method" } },
    ],
    [
      "PATCH is not",
      { given: { method: "patch", operation: op() }, want: { idempotent: false, idempotentSource: "method" } },
    ],
    [
      "x-faultline-idempotent: true makes a POST replayable",
      {
        given: { method: "post", operation: op({ "x-faultline-idempotent": true }) },
        want: { idempotent: true, idempotentSource: "x-faultline-idempotent" },
      },
    ],
    [
      "x-faultline-idempotent: false overrides a PUT",
      {
        given: { method: "put", operation: op({ "x-faultline-idempotent": false }) },
        want: { idempotent: false, idempotentSource: "x-faultline-idempotent" },
      },
    ],
    [
      "an Idempotency-Key header parameter",
      {
        given: { method: "post", operation: op({ parameters: [header("Idempotency-Key")] }) },
        want: { idempotencyKeyHeader: "Idempotency-Key", idempotent: false },
      },
    ],
    [
      "X-Idempotency-Key and idempotency_key spellings",
      {
        given: { method: "post", operation: op({ parameters: [header("x-idempotency_key")] }) },
        want: { idempotencyKeyHeader: "x-idempotency_key" },
      },
    ],
    [
      "a query parameter of that name is no key header",
      {
        given: { method: "post", operation: op({ parameters: [{ name: "Idempotency-Key", in: "query" }] }) },
        want: { idempotencyKeyHeader: undefined },
      },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => {
    expectFields(onlyOperation(document({ "/things": { [given.method]: given.operation } })), want);
  });
});

describe("Operation Object: names, ids and pointers", () => {
  const tests: TestCase<Spec, unknown[]>[] = [
    [
      "operationId in camelCase",
      {
        given: { "/a": { get: op({ operationId: "List-all_things" }) } },
        want: [["listAllThings", "List-all_things", "/paths/~1a/get"]],
      },
    ],
    [
      "no operationId: method + path, parameters as By",
      {
        given: { "/cases/{caseId}/notes": { post: op() } },
        want: [["postCasesByCaseIdNotes", undefined, "/paths/~1cases~1{caseId}~1notes/post"]],
      },
    ],
    [
      "an operationId that is a reserved word is prefixed",
      { given: { "/a": { get: op({ operationId: "delete" }) } }, want: [["_delete", "delete", "/paths/~1a/get"]] },
    ],
    [
      "an operationId starting with a digit is prefixed",
      { given: { "/a": { get: op({ operationId: "2fa" }) } }, want: [["_2fa", "2fa", "/paths/~1a/get"]] },
    ],
    [
      "names that collide after camelCase get a suffix",
      {
        given: { "/a": { get: op({ operationId: "get_thing" }) }, "/b": { get: op({ operationId: "getThing" }) } },
        want: [
          ["getThing", "get_thing", "/paths/~1a/get"],
          ["getThing2", "getThing", "/paths/~1b/get"],
        ],
      },
    ],
    [
      "a name the runtime exports is taken",
      { given: { "/a": { get: op({ operationId: "request" }) } }, want: [["request2", "request", "/paths/~1a/get"]] },
    ],
    [
      "operations are sorted by name",
      {
        given: { "/z": { get: op({ operationId: "alpha" }) }, "/a": { get: op({ operationId: "omega" }) } },
        want: [
          ["alpha", "alpha", "/paths/~1z/get"],
          ["omega", "omega", "/paths/~1a/get"],
        ],
      },
    ],
    [
      "x- keys in paths and path items are skipped",
      {
        given: { "x-internal": { get: op() }, "/a": { get: op({ operationId: "one" }), "x-note": op() } },
        want: [["one", "one", "/paths/~1a/get"]],
      },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => {
    expectFields(
      { operations: parse(document(given)).operations.map((o) => [o.name, o.operationId, o.pointer]) },
      { operations: want },
    );
  });
});

describe("Operation Object: parameters, body and descriptive fields", () => {
  const tests: TestCase<{ pathItem: Spec; root?: Spec }, Record<string, unknown>>[] = [
    [
      "path-level parameters apply; the operation overrides the same name and location",
      {
        given: {
          pathItem: {
            parameters: [header("X-Tenant"), { name: "limit", in: "query" }],
            get: op({ parameters: [{ name: "limit", in: "query", required: true }] }),
          },
        },
        want: {
          parameters: [
            { name: "X-Tenant", in: "header", required: false },
            { name: "limit", in: "query", required: true },
          ],
        },
      },
    ],
    [
      "a path parameter is always required",
      {
        given: { pathItem: { get: op({ parameters: [{ name: "id", in: "path" }] }) } },
        want: { parameters: [{ name: "id", in: "path", required: true }] },
      },
    ],
    [
      "a parameter in an unknown location is left out",
      { given: { pathItem: { get: op({ parameters: [{ name: "x", in: "body" }] }) } }, want: { parameters: [] } },
    ],
    [
      "a $ref'd parameter is followed",
      {
        given: {
          pathItem: { get: op({ parameters: [{ $ref: "#/components/parameters/Key" }] }) },
          root: { components: { parameters: { Key: header("Idempotency-Key", true) } } },
        },
        want: {
          parameters: [{ name: "Idempotency-Key", in: "header", required: true }],
          idempotencyKeyHeader: "Idempotency-Key",
        },
      },
    ],
    [
      "a request body: required flag and content types, sorted",
      {
        given: {
          pathItem: {
            post: op({ requestBody: { required: true, content: { "text/csv": {}, "application/json": {} } } }),
          },
        },
        want: { requestBody: { required: true, contentTypes: ["application/json", "text/csv"] } },
      },
    ],
    ["no request body", { given: { pathItem: { get: op() } }, want: { requestBody: undefined } }],
    [
      "summary, description, deprecated and string tags",
      {
        given: {
          pathItem: { get: op({ summary: "S", description: "D", deprecated: true, tags: ["cases", 7, "notes"] }) },
        },
        want: { summary: "S", description: "D", deprecated: true, tags: ["cases", "notes"] },
      },
    ],
    [
      "without them: not deprecated, no tags",
      {
        given: { pathItem: { get: op() } },
        want: { summary: undefined, description: undefined, deprecated: false, tags: [] },
      },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => {
    expectFields(onlyOperation(document({ "/things/{id}": given.pathItem }, given.root)), want);
  });
});

describe("Paths and Operation Objects: refused", () => {
  const tests: TestCase<Spec, Rejection>[] = [
    [
      "paths that is not a map",
      {
        given: { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: [] },
        want: { pointer: "/paths", problem: /`paths` is not a map/ },
      },
    ],
    [
      "a document without info",
      { given: { openapi: "3.1.0", paths: {} }, want: { pointer: "/info", problem: /`info` is missing/ } },
    ],
    [
      "x-faultline-idempotent that is not a boolean",
      {
        given: document({ "/a": { post: op({ "x-faultline-idempotent": "yes" }) } }),
        want: { pointer: "/paths/~1a/post/x-faultline-idempotent", problem: /is "yes"/ },
      },
    ],
    [
      "an operationId used twice",
      {
        given: document({ "/a": { get: op({ operationId: "same" }) }, "/b": { get: op({ operationId: "same" }) } }),
        want: { pointer: "/paths/~1b/get/operationId", problem: /"same" is already used at #\/paths\/~1a\/get/ },
      },
    ],
    [
      "a parameter $ref to nothing",
      {
        given: document({ "/a": { get: op({ parameters: [{ $ref: "#/components/parameters/Nope" }] }) } }),
        want: { pointer: "/paths/~1a/get/parameters/0/$ref", problem: /points to nothing/ },
      },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => expectRejection(given, want));
});
