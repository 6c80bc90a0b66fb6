// Table-driven: every envelope the seeds (and common gateways) use, given -> want.
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuntime, type Runtime } from "./render.js";

let rt: Runtime;
beforeAll(async () => {
  rt = await loadRuntime();
});

const NOW = 1_700_000_000_000;
const op = {
  id: "op",
  method: "GET",
  path: "/x",
  idempotent: true,
  errors: {
    "400": { category: "terminal", recovery: "fix-request" },
    "402": {
      category: "billing",
      recovery: "upgrade-plan",
      codes: { PLAN_LIMIT_REACHED: { category: "billing", recovery: "upgrade-plan" } },
    },
    "409": {
      category: "terminal",
      recovery: "refresh-and-retry",
      codes: { CONFLICT: { category: "terminal", recovery: "refresh-and-retry" } },
    },
    "429": {
      category: "retryable",
      recovery: "wait-and-retry",
      codes: {
        RATE_LIMITED: { category: "retryable", recovery: "wait-and-retry" },
        USAGE_LIMIT_REACHED: { category: "billing", recovery: "upgrade-plan" },
      },
    },
    "4XX": { category: "terminal", recovery: "fix-request" },
    "5XX": { category: "retryable", recovery: "retry-with-backoff" },
  },
};
const api = {
  codes: {
    PAST_DUE: { category: "billing", recovery: "update-payment" },
    TEMPORAL_UNAVAILABLE: { category: "retryable", recovery: "retry-with-backoff" },
  },
};
const JSON_CT = "application/json";

interface Case {
  name: string;
  status: number;
  body: string | object;
  contentType?: string;
  headers?: Record<string, string>;
  statusText?: string;
  op?: object;
  want: Record<string, unknown>;
}

const cases: Case[] = [
  // seed 000: bare error string
  {
    name: "bare error string (sentence) with details",
    status: 400,
    body: { error: "Invalid input", details: { fieldErrors: { customer_email: ["Invalid email"] }, formErrors: [] } },
    want: {
      message: "Invalid input",
      code: undefined,
      rawCode: undefined,
      details: { fieldErrors: { customer_email: ["Invalid email"] }, formErrors: [] },
      statusKey: "400",
      category: "terminal",
    },
  },
  {
    name: "bare error string with extra fields, Retry-After header",
    status: 429,
    body: { error: "Rate limit exceeded", limit: 60, window_seconds: 60 },
    headers: { "Retry-After": "60" },
    want: {
      message: "Rate limit exceeded",
      rawCode: undefined,
      retryAfterMs: 60000,
      category: "retryable",
      recovery: "wait-and-retry",
    },
  },
  {
    name: "bare error string on 404 (undocumented falls to 4XX)",
    status: 404,
    body: { error: "Not found" },
    want: { message: "Not found", statusKey: "4XX", category: "terminal" },
  },
  // seed 000 planned / 002 / 004: nested error object
  {
    name: "nested error with requestId and details",
    status: 402,
    body: {
      error: { code: "PLAN_LIMIT_REACHED", message: "Bots limit 3", requestId: "req_42", details: { limit: 3 } },
    },
    want: {
      code: "PLAN_LIMIT_REACHED",
      rawCode: "PLAN_LIMIT_REACHED",
      message: "Bots limit 3",
      requestId: "req_42",
      details: { limit: 3 },
      category: "billing",
      recovery: "upgrade-plan",
    },
  },
  {
    name: "nested error with request_id",
    status: 503,
    body: { error: { code: "TEMPORAL_UNAVAILABLE", message: "down", request_id: "r-1" } },
    want: { code: "TEMPORAL_UNAVAILABLE", requestId: "r-1", statusKey: "5XX", category: "retryable" },
  },
  {
    name: "public widget shape: code only",
    status: 409,
    body: { error: { code: "CONFLICT" } },
    statusText: "Conflict",
    want: { code: "CONFLICT", message: "Conflict", recovery: "refresh-and-retry" },
  },
  {
    name: "lower snake code",
    status: 400,
    body: {
      error: {
        code: "validation_error",
        message: "The customer_email field is required.",
        details: { customer_email: "Required" },
      },
    },
    want: {
      code: "validation_error",
      message: "The customer_email field is required.",
      details: { customer_email: "Required" },
    },
  },
  // seed 001: {ok:false, error:{code,message}}
  {
    name: "ok:false envelope, documented billing code at 429",
    status: 429,
    body: { ok: false, error: { code: "USAGE_LIMIT_REACHED", message: "Plan cap" } },
    want: { code: "USAGE_LIMIT_REACHED", message: "Plan cap", category: "billing", recovery: "upgrade-plan" },
  },
  {
    name: "enumerated codes, unknown code: code undefined, rule's class",
    status: 429,
    body: { ok: false, error: { code: "SOMETHING_NEW", message: "x" } },
    want: { code: undefined, rawCode: "SOMETHING_NEW", category: "retryable", recovery: "wait-and-retry" },
  },
  {
    name: "enumerated codes, code known to api.codes: its class",
    status: 402,
    body: { error: { code: "PAST_DUE", message: "pay" } },
    want: { code: undefined, rawCode: "PAST_DUE", category: "billing", recovery: "update-payment" },
  },
  {
    name: "rule without codes, code known to api.codes",
    status: 400,
    body: { error: { code: "PAST_DUE" } },
    want: { code: "PAST_DUE", category: "billing", recovery: "update-payment" },
  },
  {
    name: "rule without codes, unknown code: kept, rule's class",
    status: 500,
    body: { error: { code: "INTERNAL_ERROR", message: "oops" } },
    want: { code: "INTERNAL_ERROR", category: "retryable", recovery: "retry-with-backoff" },
  },
  // seed 003: {error:"CODE", message, details, request_id}
  {
    name: "error string is a code",
    status: 400,
    body: { error: "INVALID_PAYLOAD", message: "Payload is invalid", details: { field: "name" }, request_id: "abc" },
    want: { code: "INVALID_PAYLOAD", message: "Payload is invalid", details: { field: "name" }, requestId: "abc" },
  },
  {
    name: "error string is a snake code, details null",
    status: 402,
    body: { error: "quota_exceeded", message: "Max inboxes reached", details: null, request_id: null },
    want: {
      code: undefined,
      rawCode: "quota_exceeded",
      message: "Max inboxes reached",
      requestId: undefined,
      category: "billing",
    },
  },
  // FastAPI
  {
    name: "FastAPI detail string",
    status: 404,
    body: { detail: "Inbox not found" },
    want: { message: "Inbox not found", code: undefined, details: undefined },
  },
  {
    name: "FastAPI validation list",
    status: 422,
    body: {
      detail: [
        { loc: ["body", "name"], msg: "field required", type: "value_error.missing" },
        { loc: ["body", "age"], msg: "not an int", type: "type_error" },
      ],
    },
    want: {
      message: "field required; not an int",
      details: [
        { loc: ["body", "name"], msg: "field required", type: "value_error.missing" },
        { loc: ["body", "age"], msg: "not an int", type: "type_error" },
      ],
      statusKey: "4XX",
    },
  },
  // RFC 9457
  {
    name: "problem+json with type URI",
    status: 403,
    contentType: "application/problem+json",
    body: {
      type: "https://example.com/probs/out-of-credit",
      title: "You do not have enough credit.",
      status: 403,
      detail: "Your balance is 30, but that costs 50.",
      instance: "/account/12345/msgs/abc",
      balance: 30,
    },
    // The type's words ("out of credit") are the vocabulary's billing words: the caller's own credit.
    want: {
      rawCode: "out-of-credit",
      message: "Your balance is 30, but that costs 50.",
      details: { balance: 30 },
      category: "billing",
      recovery: "upgrade-plan",
      reason: "vocabulary",
    },
  },
  {
    name: "problem+json with code extension, title only",
    status: 429,
    contentType: "application/problem+json; charset=utf-8",
    body: { type: "about:blank", title: "Too Many Requests", status: 429, code: "RATE_LIMITED" },
    headers: { "Retry-After": "2" },
    want: { code: "RATE_LIMITED", message: "Too Many Requests", retryAfterMs: 2000 },
  },
  {
    name: "problem+json about:blank, no code",
    status: 400,
    contentType: "application/problem+json",
    body: { type: "about:blank", title: "Bad Request", status: 400 },
    want: { rawCode: undefined, message: "Bad Request", details: undefined },
  },
  // non-JSON
  {
    name: "HTML gateway page",
    status: 502,
    contentType: "text/html",
    body: "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
    want: { message: "502 Bad Gateway", rawCode: undefined, category: "retryable" },
  },
  {
    name: "HTML without title, with script",
    status: 503,
    contentType: "text/html",
    body: "<body><script>var x = '<b>';</script><p>Service\n  temporarily   <b>down</b></p></body>",
    want: { message: "Service temporarily down" },
  },
  {
    name: "plain text gateway 429",
    status: 429,
    contentType: "text/plain",
    body: "Too Many Requests\n",
    want: { message: "Too Many Requests", category: "retryable", body: "Too Many Requests\n" },
  },
  {
    name: "empty body falls back to status text",
    status: 503,
    body: "",
    statusText: "Service Unavailable",
    want: { message: "Service Unavailable", body: undefined },
  },
  { name: "empty body, no status text", status: 503, body: "   ", want: { message: "HTTP 503" } },
  {
    name: "invalid JSON under JSON content type",
    status: 500,
    contentType: JSON_CT,
    body: '{"error": {"code": "X',
    want: { message: '{"error": {"code": "X', rawCode: undefined, body: '{"error": {"code": "X' },
  },
  {
    name: "JSON array body",
    status: 400,
    body: [1, 2],
    statusText: "Bad Request",
    want: { message: "Bad Request", body: [1, 2] },
  },
  {
    name: "errors array (JSON:API style)",
    status: 400,
    body: { errors: [{ code: "BAD_FIELD", message: "name is bad" }] },
    want: { code: "BAD_FIELD", message: "name is bad", details: [{ code: "BAD_FIELD", message: "name is bad" }] },
  },
  // request ids and delays from headers
  {
    name: "x-amzn-requestid header",
    status: 500,
    body: "",
    headers: { "X-Amzn-RequestId": "amz-1" },
    want: { requestId: "amz-1" },
  },
  {
    name: "request-id header; retry-after-ms beats Retry-After",
    status: 503,
    body: "",
    headers: { "request-id": "r9", "retry-after-ms": "1500", "retry-after": "9" },
    want: { requestId: "r9", retryAfterMs: 1500 },
  },
  {
    name: "HTTP-date Retry-After",
    status: 503,
    body: "",
    headers: { "retry-after": new Date(NOW + 30000).toUTCString() },
    want: { retryAfterMs: 30000 },
  },
  {
    name: "past HTTP-date Retry-After is 0",
    status: 503,
    body: "",
    headers: { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" },
    want: { retryAfterMs: 0 },
  },
  {
    name: "garbage Retry-After ignored",
    status: 503,
    body: "",
    headers: { "retry-after": "soon 1" },
    want: { retryAfterMs: undefined },
  },
  // undocumented statuses: defaults
  ...(
    [
      [401, "terminal", "reauthenticate"],
      [402, "billing", "upgrade-plan"],
      [403, "terminal", "check-permissions"],
      [404, "check-resource"],
      [408, "retryable", "retry-with-backoff"],
      [409, "terminal", "refresh-and-retry"],
      [410, "terminal", "check-resource"],
      [412, "terminal", "refresh-and-retry"],
      [418, "terminal", "fix-request"],
      [425, "retryable", "retry-with-backoff"],
      [429, "retryable", "wait-and-retry"],
      [500, "retryable", "retry-with-backoff"],
      [501, "terminal", "contact-support"],
      [502, "retryable", "retry-with-backoff"],
      [503, "retryable", "retry-with-backoff"],
      [504, "retryable", "retry-with-backoff"],
    ] as const
  )
    .filter((c) => c.length === 3)
    .map(([status, category, recovery]) => ({
      name: `undocumented ${status}`,
      status,
      body: "",
      op: { ...op, errors: {} },
      want: { statusKey: "undocumented", category, recovery, message: `HTTP ${status}` },
    })),
  {
    name: "undocumented 404 defaults",
    status: 404,
    body: "",
    op: { ...op, errors: {} },
    want: { statusKey: "undocumented", category: "terminal", recovery: "check-resource" },
  },
  {
    name: "'default' key used when no exact or range key",
    status: 418,
    body: "",
    op: { ...op, errors: { default: { category: "terminal", recovery: "contact-support" } } },
    want: { statusKey: "default", recovery: "contact-support" },
  },
];

describe("normalizeHttpError envelopes", () => {
  it.each(cases)("$name", (c) => {
    const body = typeof c.body === "string" ? c.body : JSON.stringify(c.body);
    const contentType = c.contentType ?? (typeof c.body === "string" ? undefined : JSON_CT);
    const e = rt.normalizeHttpError({
      status: c.status,
      headers: { ...(contentType ? { "Content-Type": contentType } : {}), ...c.headers },
      bodyText: body,
      op: c.op ?? op,
      api,
      attempts: 1,
      nowMs: NOW,
      ...(c.statusText ? { statusText: c.statusText } : {}),
    });
    expect(e).toMatchObject({ kind: "http", status: c.status, attempts: 1, operation: "op" });
    for (const [k, v] of Object.entries(c.want)) expect([k, e[k]]).toEqual([k, v]);
  });
});

describe("envelope hint", () => {
  const hinted = {
    ...op,
    envelope: {
      code: ["fault", "kind"],
      message: ["fault", "text"],
      requestId: ["meta", "trace"],
      details: ["fault", "extra"],
      retryAfter: { path: ["fault", "wait"], unit: "s" },
    },
  };
  const norm = (body: object, o: object = hinted, headers: object = {}) =>
    rt.normalizeHttpError({
      status: 429,
      headers: { "content-type": JSON_CT, ...headers },
      bodyText: JSON.stringify(body),
      op: o,
      api,
      attempts: 2,
    });

  it("reads fields where the hint says", () => {
    const e = norm({
      fault: { kind: "RATE_LIMITED", text: "slow down", extra: [1], wait: 12 },
      meta: { trace: "t-1" },
    });
    expect(e).toMatchObject({
      code: "RATE_LIMITED",
      message: "slow down",
      details: [1],
      requestId: "t-1",
      retryAfterMs: 12000,
      attempts: 2,
    });
  });
  it("ms unit, string value; a header beats the body", () => {
    const ms = { ...hinted, envelope: { ...hinted.envelope, retryAfter: { path: ["fault", "wait"], unit: "ms" } } };
    expect(norm({ fault: { wait: "250" } }, ms).retryAfterMs).toBe(250);
    expect(norm({ fault: { wait: 250 } }, ms, { "retry-after": "1" }).retryAfterMs).toBe(1000);
  });
  it("falls back to recognised shapes when the body does not match the hint", () => {
    expect(norm({ error: { code: "RATE_LIMITED", message: "gateway" } })).toMatchObject({
      code: "RATE_LIMITED",
      message: "gateway",
    });
  });
});

describe("headers and pure helpers", () => {
  it("keeps response headers lower-cased, without set-cookie", () => {
    const e = rt.normalizeHttpError({
      status: 500,
      headers: { "X-Thing": "1", "Set-Cookie": "sid=secret" },
      bodyText: "",
      op,
      api,
      attempts: 1,
    });
    expect(e.headers).toEqual({ "x-thing": "1" });
  });
  it("accepts a Headers instance", () => {
    const e = rt.normalizeHttpError({
      status: 500,
      headers: new Headers({ "X-Request-Id": "q" }),
      bodyText: "",
      op,
      api,
      attempts: 1,
    });
    expect(e).toMatchObject({ requestId: "q", headers: { "x-request-id": "q" } });
  });
  it("bounds long messages", () => {
    const e = rt.normalizeHttpError({
      status: 500,
      headers: {},
      bodyText: JSON.stringify({ error: { message: "x".repeat(5000) } }),
      op,
      api,
      attempts: 1,
    });
    expect(e.message).toHaveLength(rt.MAX_MESSAGE);
  });
  it("parseRetryAfter and backoffDelay", () => {
    expect(rt.parseRetryAfter({ "retry-after": "1.5" }, 0)).toBe(1500);
    expect(rt.parseRetryAfter({ "retry-after": "-1" }, 0)).toBeUndefined();
    expect(rt.parseRetryAfter({}, 0)).toBeUndefined();
    const p = { ...rt.DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 10000 };
    expect([0, 1, 2, 3, 4].map((i) => rt.backoffDelay(i, { ...p, jitter: "none" }, () => 0.5))).toEqual([
      1000, 2000, 4000, 8000, 10000,
    ]);
    expect(rt.backoffDelay(2, { ...p, jitter: "full" }, () => 0.25)).toBe(1000);
    expect(rt.backoffDelay(2, { ...p, jitter: "equal" }, () => 0.5)).toBe(3000);
    expect(rt.backoffDelay(2, { ...p, jitter: 0.2 }, () => 0)).toBe(3200);
  });
});

describe("range and default keys", () => {
  const ranged = {
    id: "op",
    method: "GET",
    path: "/x",
    idempotent: true,
    errors: {
      "4XX": {
        category: "terminal",
        recovery: "fix-request",
        dynamic: true,
        codes: { QUOTA_EXCEEDED: { category: "billing", recovery: "upgrade-plan" } },
      },
      default: { category: "terminal", recovery: "contact-support", dynamic: true },
      "5XX": { category: "terminal", recovery: "contact-support" },
    },
  };
  const norm = (status: number, body: object = {}) =>
    rt.normalizeHttpError({
      status,
      headers: { "content-type": JSON_CT },
      bodyText: JSON.stringify(body),
      op: ranged,
      api: { codes: {} },
      attempts: 1,
    });

  it.each([
    [401, "4XX", "terminal", "reauthenticate"],
    [404, "4XX", "terminal", "check-resource"],
    [429, "4XX", "retryable", "wait-and-retry"],
    [302, "default", "terminal", "fix-request"],
  ])("a dynamic key classifies %i by the actual status", (status, statusKey, category, recovery) => {
    expect(norm(status)).toMatchObject({ statusKey, category, recovery });
  });
  it("a documented code under a dynamic key keeps its own verdict", () => {
    expect(norm(429, { error: { code: "QUOTA_EXCEEDED" } })).toMatchObject({
      statusKey: "4XX",
      code: "QUOTA_EXCEEDED",
      category: "billing",
    });
  });
  it("a range key with an explicit verdict keeps it", () => {
    expect(norm(503)).toMatchObject({ statusKey: "5XX", category: "terminal", recovery: "contact-support" });
  });
});
