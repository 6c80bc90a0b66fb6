// Each lint rule, table-driven: a spec fragment in, the exact warnings (rule and pointer) out.
// Every rule has a case that warns and a case that must stay quiet.
import { describe, expect, it } from "vitest";
import { LINT_RULES, lintApi } from "../../src/lint/rules.js";
import { parseApi } from "../../src/parse/index.js";

type Json = Record<string, unknown>;

const schema = (properties: Json) => ({ content: { "application/json": { schema: { type: "object", properties } } } });
const flatCode = (codes?: string[]) =>
  schema({ code: codes ? { type: "string", enum: codes } : { type: "string" }, message: { type: "string" } });
const errorObject = () =>
  schema({ error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } } });
const withRetryAfter = { headers: { "Retry-After": { schema: { type: "integer" } } } };

/** One GET /things operation with these responses (plus a 200); `extra` merges into the operation. */
function spec(responses: Json, extra: Json = {}, method = "get"): Json {
  return {
    openapi: "3.0.3",
    info: { title: "Lint", version: "1" },
    paths: {
      "/things": {
        [method]: { operationId: "op", responses: { "200": { description: "ok" }, ...responses }, ...extra },
      },
    },
  };
}

const R = "/paths/~1things/get/responses";

const CASES: [string, Json, [string, string][]][] = [
  ["no error responses", spec({}), [["no-error-responses", `${R}`]]],
  ["a documented error is enough for no-error-responses", spec({ "400": { description: "bad", ...flatCode() } }), []],
  [
    "429 without Retry-After",
    spec({ "429": { description: "slow down", ...flatCode() } }),
    [["retry-after-missing", `${R}/429/headers`]],
  ],
  [
    "503 without Retry-After",
    spec({ "503": { description: "down", ...flatCode() } }),
    [["retry-after-missing", `${R}/503/headers`]],
  ],
  ["429 with Retry-After", spec({ "429": { description: "slow down", ...withRetryAfter, ...flatCode() } }), []],
  [
    "429 with a retry_after body field",
    spec({
      "429": { description: "slow down", ...schema({ code: { type: "string" }, retry_after: { type: "integer" } }) },
    }),
    [],
  ],
  ["500 needs no Retry-After", spec({ "500": { description: "failed", ...flatCode() } }), []],
  ["an error without content", spec({ "404": { description: "not found" } }), [["error-without-schema", `${R}/404`]]],
  [
    "a JSON error without a schema",
    spec({ "400": { description: "bad", content: { "application/json": {} } } }),
    [["error-without-schema", `${R}/400/content/application~1json`]],
  ],
  ["a HEAD error needs no body", spec({ "404": { description: "not found" } }, {}, "head"), []],
  [
    "a code named in the description only",
    spec({
      "409": { description: "Conflict: VERSION_MISMATCH or LOCKED_BY_OTHER.", ...flatCode(["VERSION_MISMATCH"]) },
    }),
    [["undocumented-code", `${R}/409/description`]],
  ],
  [
    "codes named and enumerated",
    spec({ "409": { description: "Conflict: VERSION_MISMATCH.", ...flatCode(["VERSION_MISMATCH"]) } }),
    [],
  ],
  [
    "a code declared in x-faultline-codes",
    spec({
      "409": {
        description: "Returns QUOTA_EXCEEDED.",
        "x-faultline-codes": { QUOTA_EXCEEDED: { category: "billing" } },
        ...flatCode(),
      },
    }),
    [],
  ],
  [
    "single capitals are not codes",
    spec({ "400": { description: "Bad JSON or HTTP request, see API docs.", ...flatCode() } }),
    [],
  ],
  [
    "one envelope differs from the rest",
    spec({
      "400": { description: "bad", ...flatCode() },
      "404": { description: "none", ...flatCode() },
      "409": { description: "conflict", ...errorObject() },
    }),
    [["inconsistent-envelope", `${R}/409/content`]],
  ],
  [
    "one envelope everywhere",
    spec({ "400": { description: "bad", ...flatCode() }, "404": { description: "none", ...flatCode() } }),
    [],
  ],
  [
    "a POST without an idempotency key",
    spec({ "400": { description: "bad", ...flatCode() } }, {}, "post"),
    [["post-without-idempotency-key", "/paths/~1things/post/parameters"]],
  ],
  [
    "a POST with an Idempotency-Key header",
    spec(
      { "400": { description: "bad", ...flatCode() } },
      { parameters: [{ name: "Idempotency-Key", in: "header", schema: { type: "string" } }] },
      "post",
    ),
    [],
  ],
  [
    "a POST declared idempotent",
    spec({ "400": { description: "bad", ...flatCode() } }, { "x-faultline-idempotent": true }, "post"),
    [],
  ],
  ["a PUT is idempotent", spec({ "400": { description: "bad", ...flatCode() } }, {}, "put"), []],
];

describe("lint rules", () => {
  it.each(CASES)("%s", (_name, document, expected) => {
    expect(lintApi(parseApi(document, "spec.yaml")).map((w) => [w.rule, w.pointer])).toEqual(expected);
  });

  it("each rule, run alone (lint --rule), emits exactly the warnings of its id", () => {
    for (const [, document] of CASES) {
      const api = parseApi(document, "spec.yaml");
      const all = lintApi(api);
      for (const id of LINT_RULES.keys()) expect(lintApi(api, new Set([id]))).toEqual(all.filter((w) => w.rule === id));
    }
    const fired = new Set(CASES.flatMap(([, , expected]) => expected.map(([rule]) => rule)));
    expect([...LINT_RULES.keys()].sort()).toEqual([...fired].sort());
  });

  it("says what is wrong and how to fix it", () => {
    const [warning] = lintApi(parseApi(spec({ "429": { description: "slow down", ...flatCode() } }), "spec.yaml"));
    expect(warning).toEqual({
      rule: "retry-after-missing",
      pointer: `${R}/429/headers`,
      message:
        "GET /things: the 429 response declares no Retry-After header, so clients can only guess how long to wait",
      fix: "declare it: headers: { Retry-After: { description: seconds to wait, schema: { type: integer } } }",
    });
  });
});
