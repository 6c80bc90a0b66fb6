// Responses Object and Response Object (OAS 3.1 §4.8.16-17): which keys become errors or
// successes, how they are spelled in the IR, and what a Response object's headers and
// x-faultline-* extensions add.
import { describe, test } from "vitest";
import {
  expectFields,
  expectRejection,
  onlyOperation,
  withResponses,
  type Rejection,
  type Spec,
  type TestCase,
} from "./given-want.js";

const ok = { "200": { description: "ok" } };
const bad = (extra: Spec = {}) => ({ description: "bad", ...extra });
const header = { schema: { type: "string" } };

describe("Responses Object: which keys are errors", () => {
  const tests: TestCase<Spec, { errors: unknown[]; successes: unknown[] }>[] = [
    [
      "an exact 4xx code",
      { given: { ...ok, "404": bad() }, want: { errors: [["404", "404", 404]], successes: [["200", "200", 200]] } },
    ],
    [
      "a lower-case range keeps its spelling in specKey",
      {
        given: { ...ok, "4xx": bad() },
        want: { errors: [["4XX", "4xx", undefined]], successes: [["200", "200", 200]] },
      },
    ],
    [
      "DEFAULT in capitals is the default response",
      {
        given: { ...ok, DEFAULT: bad() },
        want: { errors: [["default", "DEFAULT", undefined]], successes: [["200", "200", 200]] },
      },
    ],
    [
      "a 2XX range is a success without a status",
      { given: { "2XX": { description: "ok" } }, want: { errors: [], successes: [["2XX", "2XX", undefined]] } },
    ],
    [
      "1XX and 3XX are neither",
      { given: { ...ok, "101": bad(), "304": bad() }, want: { errors: [], successes: [["200", "200", 200]] } },
    ],
    [
      "x- keys are extensions, not responses",
      { given: { ...ok, "x-note": { description: "n" } }, want: { errors: [], successes: [["200", "200", 200]] } },
    ],
    [
      "errors come in order: exact codes, then ranges, then default",
      {
        given: { ...ok, default: bad(), "5XX": bad(), "500": bad(), "4XX": bad(), "404": bad(), "400": bad() },
        want: {
          errors: [
            ["400", "400", 400],
            ["404", "404", 404],
            ["4XX", "4XX", undefined],
            ["500", "500", 500],
            ["5XX", "5XX", undefined],
            ["default", "default", undefined],
          ],
          successes: [["200", "200", 200]],
        },
      },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => {
    const operation = onlyOperation(withResponses(given));
    const keys = (list: { key: string; specKey: string; status?: number }[]) =>
      list.map((r) => [r.key, r.specKey, r.status]);
    expectFields({ errors: keys(operation.errors), successes: keys(operation.successes) }, want);
  });
});

describe("Response Object: an error response's fields", () => {
  const tests: TestCase<Spec, Record<string, unknown>>[] = [
    [
      "pointer and description",
      { given: bad(), want: { pointer: "/paths/~1things/get/responses/400", description: "bad" } },
    ],
    ["a missing description is empty text", { given: {}, want: { description: "" } }],
    [
      "header names are lower-cased and sorted",
      {
        given: bad({ headers: { "X-Rate-Limit": header, "Cache-Control": header } }),
        want: { headers: ["cache-control", "x-rate-limit"], retryAfterHeader: false },
      },
    ],
    ["a Retry-After header", { given: bad({ headers: { "Retry-After": header } }), want: { retryAfterHeader: true } }],
    [
      "a Retry-After-Ms header",
      { given: bad({ headers: { "retry-after-ms": header } }), want: { retryAfterHeader: true } },
    ],
    [
      "a request id header",
      { given: bad({ headers: { "X-Request-Id": header } }), want: { requestIdHeader: "x-request-id" } },
    ],
    [
      "no request id header among others",
      { given: bad({ headers: { "X-Powered-By": header } }), want: { requestIdHeader: undefined } },
    ],
    [
      "x-faultline-category and x-faultline-recovery",
      {
        given: bad({ "x-faultline-category": "billing", "x-faultline-recovery": "update-payment" }),
        want: { category: "billing", recovery: "update-payment" },
      },
    ],
    [
      "without extensions there is no category",
      { given: bad(), want: { category: undefined, recovery: undefined, notProcessed: false } },
    ],
    ["x-faultline-not-processed", { given: bad({ "x-faultline-not-processed": true }), want: { notProcessed: true } }],
  ];
  test.each(tests)("%s", (_, { given, want }) => {
    expectFields(onlyOperation(withResponses({ ...ok, "400": given })).errors[0]!, want);
  });

  test.each<TestCase<Spec, Record<string, unknown>>>([
    [
      "a $ref'd response is followed; the pointer stays at the operation",
      {
        given: { components: { responses: { Bad: bad({ description: "shared" }) } } },
        want: { pointer: "/paths/~1things/get/responses/400", description: "shared" },
      },
    ],
  ])("%s", (_, { given, want }) => {
    expectFields(
      onlyOperation(withResponses({ ...ok, "400": { $ref: "#/components/responses/Bad" } }, given)).errors[0]!,
      want,
    );
  });
});

describe("Response Object: a success body that can say failure", () => {
  const body = (properties: Spec) => ({
    description: "ok",
    content: { "application/json": { schema: { type: "object", properties } } },
  });
  const tests: TestCase<Spec, Record<string, unknown>>[] = [
    [
      "a boolean ok field (Slack's { ok: false, error })",
      { given: body({ ok: { type: "boolean" }, error: { type: "string" } }), want: { okField: "ok" } },
    ],
    [
      "a boolean success field",
      { given: body({ success: { type: "boolean" }, data: { type: "object" } }), want: { okField: "success" } },
    ],
    [
      "an ok field that is not a boolean says nothing",
      { given: body({ ok: { type: "string" } }), want: { okField: undefined } },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => {
    expectFields(onlyOperation(withResponses({ "200": given })).successes[0]!, want);
  });
});

describe("Responses Object: refused", () => {
  const where = "/paths/~1things/get/responses";
  const tests: TestCase<Spec, Rejection>[] = [
    [
      "a key that is no status code",
      { given: { ...ok, "600": bad() }, want: { pointer: `${where}/600`, problem: /"600" is not a status code/ } },
    ],
    [
      "an unknown category",
      {
        given: { ...ok, "400": bad({ "x-faultline-category": "fatal" }) },
        want: { pointer: `${where}/400/x-faultline-category`, problem: /"fatal"; expected one of retryable/ },
      },
    ],
    [
      "an unknown recovery",
      {
        given: { ...ok, "400": bad({ "x-faultline-recovery": "pray" }) },
        want: { pointer: `${where}/400/x-faultline-recovery`, problem: /"pray"; expected one of/ },
      },
    ],
    [
      "a $ref to nothing",
      {
        given: { ...ok, "400": { $ref: "#/components/responses/Missing" } },
        want: { pointer: `${where}/400/$ref`, problem: /points to nothing/ },
      },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => expectRejection(withResponses(given), want));

  test("an operation without responses", () => {
    expectRejection(
      { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: { "/things": { get: {} } } },
      { pointer: where, problem: /no `responses`/ },
    );
  });
});
