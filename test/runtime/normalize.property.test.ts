// normalizeHttpError is total: for any status, headers and body it returns a well-formed HttpError.
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { loadRuntime, type Runtime } from "./render.js";

let rt: Runtime;
beforeAll(async () => {
  rt = await loadRuntime();
});

const CATEGORIES = ["retryable", "terminal", "billing"];
const RECOVERIES = [
  "retry-with-backoff",
  "wait-and-retry",
  "fix-request",
  "reauthenticate",
  "check-permissions",
  "check-resource",
  "refresh-and-retry",
  "upgrade-plan",
  "update-payment",
  "use-another-payment-method",
  "contact-support",
  "none",
];

const retryAfter = fc.oneof(
  fc.constantFrom(
    "0",
    "1",
    "-5",
    "1.5",
    " 30 ",
    "1e400",
    "9".repeat(400),
    "Infinity",
    "NaN",
    "",
    "soon",
    "Wed, 21 Oct 2015 07:28:00 GMT",
    "Fri, 31 Dec 9999 23:59:59 GMT",
    "Thu, 01 Jan 1970 00:00:00 GMT",
    "12:00:00",
    "99:99:99 x",
  ),
  fc.integer({ min: -1e6, max: 1e12 }).map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.string(),
);
const headerName = fc.oneof(
  fc.constantFrom(
    "Retry-After",
    "retry-after-ms",
    "X-Request-Id",
    "request-id",
    "x-amzn-RequestId",
    "Content-Type",
    "Set-Cookie",
    "__proto__",
    "constructor",
  ),
  fc.string(),
);
const headers = fc.dictionary(headerName, fc.oneof(retryAfter, fc.string()), { maxKeys: 6 });

const anyValue = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string());
const envelope = fc.oneof(
  fc.record({ error: anyValue, message: anyValue, details: anyValue, request_id: anyValue }, { requiredKeys: [] }),
  fc.record({
    error: fc.record(
      { code: anyValue, message: anyValue, requestId: anyValue, details: anyValue },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ ok: fc.constant(false), error: fc.record({ code: anyValue, message: anyValue }, { requiredKeys: [] }) }),
  fc.record({
    detail: fc.oneof(
      fc.string(),
      fc.array(fc.record({ loc: anyValue, msg: anyValue, type: anyValue }, { requiredKeys: [] })),
      fc.jsonValue(),
    ),
  }),
  fc.record(
    { type: anyValue, title: anyValue, status: anyValue, detail: anyValue, instance: anyValue, code: anyValue },
    { requiredKeys: [] },
  ),
  fc.record({ errors: fc.array(fc.jsonValue()), fault: fc.jsonValue() }, { requiredKeys: [] }),
);
const bodyText = fc.oneof(
  fc.json(),
  envelope.map((e) => JSON.stringify(e)),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc
    .string()
    .map((s) => `<html><head><title>${s}</title></head><body><h1>${s}</h1><script>${s}</script></body></html>`),
  fc.string().map((s) => `<${s}`),
  fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)) + "{"),
  fc
    .tuple(fc.integer({ min: 1000, max: 100000 }), fc.constantFrom("x", " ", "<b>", "{", "é"))
    .map(([n, c]) => c.repeat(n)),
  fc.constantFrom("", " ", "null", "true", "0", '""', '"   "', "[]", "{}", '{"error":null}', '{"message":"   "}'),
);
const contentType = fc.option(
  fc.constantFrom(
    "application/json",
    "application/problem+json",
    "text/html; charset=utf-8",
    "text/plain",
    "application/octet-stream",
    "",
    "json",
    "weird/<>",
  ),
  { nil: undefined },
);
const classification = fc.record({
  category: fc.constantFrom("retryable", "terminal", "billing"),
  recovery: fc.constantFrom(...RECOVERIES.slice(0, -1)),
});
const codes = fc.dictionary(
  fc.oneof(fc.constantFrom("RATE_LIMITED", "NOT_FOUND", "__proto__", "toString"), fc.string()),
  classification,
  { maxKeys: 3 },
);
const rule = fc.record(
  {
    category: classification.map((c) => c.category),
    recovery: classification.map((c) => c.recovery),
    codes,
    notProcessed: fc.boolean(),
  },
  { requiredKeys: ["category", "recovery"] },
);
const errors = fc.dictionary(
  fc.oneof(fc.constantFrom("400", "404", "429", "500", "503", "4XX", "5XX", "default"), fc.string()),
  rule,
  { maxKeys: 5 },
);
const path = fc.array(fc.oneof(fc.constantFrom("error", "code", "message", "detail", "__proto__"), fc.string()), {
  maxLength: 3,
});
const envelopeHint = fc.record(
  {
    code: path,
    message: path,
    requestId: path,
    details: path,
    retryAfter: fc.record({ path, unit: fc.constantFrom("s", "ms") }),
  },
  { requiredKeys: [] },
);
const op = fc.record(
  {
    id: fc.string(),
    method: fc.constant("GET"),
    path: fc.constant("/x"),
    idempotent: fc.boolean(),
    errors,
    envelope: envelopeHint,
  },
  { requiredKeys: ["id", "method", "path", "idempotent", "errors"] },
);

it("never throws and always returns a well-formed HttpError (10,000 cases)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 100, max: 599 }),
      headers,
      bodyText,
      contentType,
      op,
      codes,
      fc.option(fc.string(), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 4102444800000 }), { nil: undefined }),
      (status, hdrs, text, ct, operation, apiCodes, statusText, nowMs) => {
        const e = rt.normalizeHttpError({
          status,
          headers: hdrs,
          bodyText: text,
          op: operation,
          api: { codes: apiCodes },
          attempts: 1,
          ...(ct === undefined ? {} : { contentType: ct }),
          ...(statusText === undefined ? {} : { statusText }),
          ...(nowMs === undefined ? {} : { nowMs }),
        });
        expect(e.kind).toBe("http");
        expect(e.status).toBe(status);
        expect(CATEGORIES).toContain(e.category);
        expect(RECOVERIES).toContain(e.recovery);
        expect(typeof e.message).toBe("string");
        expect(e.message.trim().length).toBeGreaterThan(0);
        expect(e.message.length).toBeLessThanOrEqual(rt.MAX_MESSAGE);
        if (e.retryAfterMs !== undefined) expect(Number.isFinite(e.retryAfterMs) && e.retryAfterMs >= 0).toBe(true);
        for (const k of ["code", "rawCode", "requestId"]) expect(["undefined", "string"]).toContain(typeof e[k]);
        if (e.code !== undefined) expect(e.code).toBe(e.rawCode);
        expect(typeof e.statusKey).toBe("string");
        expect(e.statusKey === "undocumented" || Object.hasOwn(operation.errors, e.statusKey)).toBe(true);
        for (const [k, v] of Object.entries(e.headers)) {
          expect(k).toBe(k.toLowerCase());
          expect(typeof v).toBe("string");
          expect(k).not.toMatch(/cookie/);
        }
        expect(() => JSON.stringify(e)).not.toThrow();
      },
    ),
    { numRuns: 10_000 },
  );
}, 120_000);

it("never throws for malformed inputs from plain JS callers", () => {
  const bad = [null, undefined, 42, "x", [], {}];
  for (const h of bad)
    for (const b of bad)
      for (const o of [null, undefined, {}, { errors: null }])
        for (const statusText of [undefined, 7, {}, "  "]) {
          const e = rt.normalizeHttpError({
            status: 503,
            headers: h,
            bodyText: b,
            op: o,
            api: b,
            attempts: 0,
            statusText,
          });
          expect(e).toMatchObject({
            kind: "http",
            category: "retryable",
            message: b === "x" ? "x" : statusText === 7 ? "7" : "HTTP 503",
          });
        }
});

it("stays fast on hostile HTML (no quadratic regex blow-up)", () => {
  for (const unit of ["<", "<script", "<title", "<style>", "<a ", "\t"]) {
    const t0 = performance.now();
    const e = rt.normalizeHttpError({
      status: 502,
      headers: { "content-type": "text/html" },
      bodyText: unit.repeat(1_000_000 / unit.length),
      op: { id: "x", errors: {} },
      api: { codes: {} },
      attempts: 1,
    });
    expect(e.message.length).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(1000);
  }
});
