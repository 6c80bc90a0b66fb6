// Retry behaviour against a real HTTP server, with each seed's retry advice written by hand as
// ApiSpec/OperationSpec data. A fake clock records every wait, so waits are asserted exactly.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeClock, startFaultServer, type FaultServer } from "./fault-server.js";
import { loadRuntime, type Runtime } from "./render.js";

let rt: Runtime;
let server: FaultServer;
beforeAll(async () => {
  rt = await loadRuntime();
  server = await startFaultServer();
});
afterAll(() => server.close());

const NOW = 1_700_000_000_000;
let clock: ReturnType<typeof fakeClock>;
beforeEach(() => {
  clock = fakeClock(NOW);
});

const retryable5xx = { "5XX": { category: "retryable", recovery: "retry-with-backoff" } };
const get = (errors: object = retryable5xx, extra: object = {}) => ({
  id: "getThing",
  method: "GET",
  path: "/things/{id}",
  idempotent: true,
  errors,
  ...extra,
});
const client = (api: object, options: object = {}) =>
  rt.createContext({ baseUrl: server.url, clock, random: () => 0.5, ...options }, api);
const call = (
  api: object,
  op: object,
  options: object = {},
  callOptions: object = {},
  input: object = { path: { id: "t1" } },
) => rt.send(client(api, options), op, input, callOptions);
const times = (n: number, step: object) => Array.from({ length: n }, () => step);

describe("seed 000: 1s, 2s, 4s, 8s capped at 60 s, small jitter; honour Retry-After on 429", () => {
  const api = { retry: { maxRetries: 4, baseDelayMs: 1000, maxDelayMs: 60000, jitter: 0.1 }, codes: {} };
  const op = get({
    "429": { category: "retryable", recovery: "wait-and-retry" },
    "500": { category: "retryable", recovery: "retry-with-backoff" },
    "400": { category: "terminal", recovery: "fix-request" },
    "401": { category: "terminal", recovery: "reauthenticate" },
  });

  it("retries a 500 four times with exact doubling waits", async () => {
    server.script(...times(5, { status: 500, body: { error: "Internal" } }));
    const r = await call(api, op);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: "http", status: 500, attempts: 5, category: "retryable" });
    expect(server.requests).toHaveLength(5);
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000]);
  });

  it("jitter 0.1 keeps each wait within +-10% and under the cap", async () => {
    server.script(...times(9, { status: 500 }));
    // maxElapsedMs lifted: these waits add up past the 120 s default deadline.
    const low = await call({ ...api, retry: { ...api.retry, maxRetries: 8, maxElapsedMs: 1e6 } }, op, {
      random: () => 0,
    });
    expect(low.error.attempts).toBe(9);
    expect(clock.sleeps).toEqual([900, 1800, 3600, 7200, 14400, 28800, 54000, 54000]);
    clock.sleeps.length = 0;
    server.script(...times(9, { status: 500 }));
    await call({ ...api, retry: { ...api.retry, maxRetries: 8, maxElapsedMs: 1e6 } }, op, { random: () => 0.999999 });
    expect(clock.sleeps.map(Math.round)).toEqual([1100, 2200, 4400, 8800, 17600, 35200, 60000, 60000]);
  });

  it("a 429 waits exactly Retry-After, then succeeds", async () => {
    server.script(
      {
        status: 429,
        headers: { "retry-after": "7" },
        body: { error: "Rate limit exceeded", limit: 60, window_seconds: 60 },
      },
      { status: 200, body: { id: "t1" } },
    );
    const r = await call(api, op);
    expect(r).toMatchObject({ ok: true, status: 200, data: { id: "t1" }, attempts: 2 });
    expect(clock.sleeps).toEqual([7000]);
  });

  it.each([400, 401])("%i is sent once", async (status) => {
    server.script({ status, body: { error: "Unauthorized" } }, { status: 200 });
    const r = await call(api, op);
    expect(r.error).toMatchObject({ status, category: "terminal", attempts: 1 });
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });
});

describe("seed 002: 429 waits Retry-After and retries once; 5xx 1,2,4,8,16 s", () => {
  const api = {
    retry: {
      maxRetries: 5,
      baseDelayMs: 1000,
      maxDelayMs: 16000,
      jitter: "none",
      byStatus: { "429": { maxRetries: 1 } },
    },
    codes: { PLAN_LIMIT_REACHED: { category: "billing", recovery: "upgrade-plan" } },
  };
  const op = get({
    "400": {
      category: "terminal",
      recovery: "fix-request",
      codes: { VALIDATION_ERROR: { category: "terminal", recovery: "fix-request" } },
    },
    "402": {
      category: "billing",
      recovery: "upgrade-plan",
      codes: { PLAN_LIMIT_REACHED: { category: "billing", recovery: "upgrade-plan" } },
    },
    "429": { category: "retryable", recovery: "wait-and-retry" },
    "5XX": { category: "retryable", recovery: "retry-with-backoff" },
  });
  const envelope = (code: string) => ({ error: { code, message: "m", requestId: "req_1" } });

  it("429 twice: one wait of exactly Retry-After, one retry", async () => {
    server.script(...times(3, { status: 429, headers: { "retry-after": "3" }, body: envelope("RATE_LIMITED") }));
    const r = await call(api, op);
    expect(r.error).toMatchObject({
      status: 429,
      rawCode: "RATE_LIMITED",
      retryAfterMs: 3000,
      attempts: 2,
      requestId: "req_1",
    });
    expect(clock.sleeps).toEqual([3000]);
  });

  it("5xx: waits 1, 2, 4, 8, 16 s then gives up", async () => {
    server.script(...times(7, { status: 503, body: envelope("UPSTREAM_UNAVAILABLE") }));
    const r = await call(api, op);
    expect(r.error).toMatchObject({ status: 503, statusKey: "5XX", attempts: 6 });
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it("402 PLAN_LIMIT_REACHED (billing) and 400 (terminal) are sent once", async () => {
    server.script({ status: 402, body: envelope("PLAN_LIMIT_REACHED") });
    expect((await call(api, op)).error).toMatchObject({
      category: "billing",
      recovery: "upgrade-plan",
      code: "PLAN_LIMIT_REACHED",
      attempts: 1,
    });
    server.script({ status: 400, body: envelope("VALIDATION_ERROR") });
    expect((await call(api, op)).error).toMatchObject({ category: "terminal", code: "VALIDATION_ERROR", attempts: 1 });
    expect(clock.sleeps).toEqual([]);
  });
});

describe("seed 004: at most 3 retries on 5xx; billing never retried", () => {
  const api = {
    retry: { byStatus: { "5XX": { maxRetries: 3, baseDelayMs: 1000, jitter: "none" } } },
    codes: {
      DISPUTED: { category: "billing", recovery: "update-payment" },
      PAST_DUE: { category: "billing", recovery: "update-payment" },
    },
  };
  const op = get({
    "402": { category: "billing", recovery: "update-payment" },
    "403": {
      category: "billing",
      recovery: "upgrade-plan",
      codes: { API_NOT_ALLOWED: { category: "billing", recovery: "upgrade-plan" } },
    },
    "429": { category: "retryable", recovery: "wait-and-retry" },
    "500": { category: "retryable", recovery: "contact-support" },
  });

  it("500 x5: 4 attempts", async () => {
    server.script(
      ...times(5, {
        status: 500,
        headers: { "x-request-id": "rid-9" },
        body: { error: { code: "INTERNAL_ERROR", message: "boom" } },
      }),
    );
    const r = await call(api, op);
    expect(r.error).toMatchObject({ attempts: 4, requestId: "rid-9", code: "INTERNAL_ERROR" });
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
  });

  it.each(["DISPUTED", "PAST_DUE"])("402 %s: billing, sent once", async (code) => {
    server.script({ status: 402, body: { error: { code, message: "blocked" } } });
    expect((await call(api, op)).error).toMatchObject({
      category: "billing",
      recovery: "update-payment",
      code,
      attempts: 1,
    });
  });

  it("403 API_NOT_ALLOWED: billing, sent once", async () => {
    server.script({ status: 403, body: { error: { code: "API_NOT_ALLOWED", message: "Free tier" } } });
    expect((await call(api, op)).error).toMatchObject({ category: "billing", recovery: "upgrade-plan", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });
});

describe("seed 001: POST /cases is never sent twice unless the server surely did not act", () => {
  const api = {
    retry: { maxRetries: 4, baseDelayMs: 1000, jitter: "none" },
    codes: { USAGE_LIMIT_REACHED: { category: "billing", recovery: "upgrade-plan" } },
  };
  const createCase = {
    id: "createCase",
    method: "POST",
    path: "/cases",
    idempotent: false,
    errors: {
      "400": {
        category: "terminal",
        recovery: "fix-request",
        codes: { INVALID_REQUEST: { category: "terminal", recovery: "fix-request" } },
      },
      "429": {
        category: "retryable",
        recovery: "wait-and-retry",
        notProcessed: true,
        codes: { USAGE_LIMIT_REACHED: { category: "billing", recovery: "upgrade-plan" } },
      },
      "5XX": { category: "retryable", recovery: "retry-with-backoff" },
    },
    envelope: { code: ["error", "code"], message: ["error", "message"] },
  };
  const post = (callOptions: object = {}, op: object = createCase) =>
    call(api, op, {}, callOptions, { body: { title: "help" } });

  it("a 500 is returned after one request", async () => {
    server.script(
      { status: 500, body: { ok: false, error: { code: "INTERNAL_ERROR", message: "queue failed" } } },
      { status: 201, body: { ok: true } },
    );
    const r = await post();
    expect(r.error).toMatchObject({
      kind: "http",
      status: 500,
      category: "retryable",
      attempts: 1,
      rawCode: "INTERNAL_ERROR",
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: "POST", path: "/cases", body: '{"title":"help"}' });
    expect(server.requests[0]!.headers["content-type"]).toBe("application/json");
  });

  it("a dropped connection is returned after one request", async () => {
    server.script({ reset: true }, { status: 201, body: { ok: true } });
    const r = await post();
    expect(r.error).toMatchObject({ kind: "network", category: "retryable", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("a gateway 429 with a text/plain body is retried", async () => {
    server.script(
      { status: 429, headers: { "content-type": "text/plain" }, body: "Too Many Requests" },
      { status: 201, body: { ok: true, data: { id: "c1" } } },
    );
    const r = await post();
    expect(r).toMatchObject({ ok: true, status: 201, data: { ok: true, data: { id: "c1" } }, attempts: 2 });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([1000]);
  });

  it("USAGE_LIMIT_REACHED (429, billing) is sent once", async () => {
    server.script({ status: 429, body: { ok: false, error: { code: "USAGE_LIMIT_REACHED", message: "cap" } } });
    expect((await post()).error).toMatchObject({
      category: "billing",
      recovery: "upgrade-plan",
      code: "USAGE_LIMIT_REACHED",
      attempts: 1,
    });
  });

  const keyed = { ...createCase, idempotencyKeyHeader: "Idempotency-Key" };
  it("with an idempotency key header, 500s and resets are retried with the SAME key", async () => {
    server.script({ status: 503 }, { reset: true }, { status: 500 }, { status: 201, body: { ok: true } });
    const r = await post({}, keyed);
    expect(r).toMatchObject({ ok: true, attempts: 4 });
    const keys = server.requests.map((q) => q.headers["idempotency-key"]);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
  });

  it("each logical call gets its own key; call.idempotencyKey is used as given", async () => {
    server.script({ status: 201 });
    await post({}, keyed);
    const first = server.requests[0]!.headers["idempotency-key"];
    server.script({ status: 500 }, { status: 201 });
    await post({ idempotencyKey: "my-key-1" }, keyed);
    expect(server.requests.map((q) => q.headers["idempotency-key"])).toEqual(["my-key-1", "my-key-1"]);
    expect(first).not.toBe("my-key-1");
  });
});

describe("server-requested waits", () => {
  const api = { retry: { maxRetries: 3, baseDelayMs: 100, jitter: "none", maxRetryAfterMs: 60000 }, codes: {} };
  const op = get({
    "429": { category: "retryable", recovery: "wait-and-retry" },
    "503": { category: "retryable", recovery: "retry-with-backoff" },
  });

  it("Retry-After above maxRetryAfterMs is returned at once with retryAfterMs set", async () => {
    server.script({ status: 429, headers: { "retry-after": "120" } }, { status: 200 });
    const r = await call(api, op);
    expect(r.error).toMatchObject({ status: 429, retryAfterMs: 120000, attempts: 1 });
    expect(clock.sleeps).toEqual([]);
  });

  it("an HTTP-date Retry-After is waited for relative to the clock", async () => {
    server.script(
      { status: 503, headers: { "retry-after": new Date(NOW + 5000).toUTCString() } },
      { status: 200, body: "fine", headers: { "content-type": "text/plain" } },
    );
    const r = await call(api, op);
    expect(r).toMatchObject({ ok: true, data: "fine", attempts: 2 });
    expect(clock.sleeps).toEqual([5000]);
  });

  it("retry-after-ms is honoured; without a server delay, backoff is used", async () => {
    server.script({ status: 503, headers: { "retry-after-ms": "250" } }, { status: 503 }, { status: 204 });
    const r = await call(api, op);
    expect(r).toMatchObject({ ok: true, status: 204, data: undefined, attempts: 3 });
    expect(clock.sleeps).toEqual([250, 200]);
  });

  it("maxElapsedMs: a wait that would cross the deadline is not started", async () => {
    server.script(...times(20, { status: 503 }));
    const r = await call(
      { retry: { maxRetries: 10, baseDelayMs: 1000, jitter: "none", maxElapsedMs: 5000 }, codes: {} },
      op,
    );
    expect(r.error).toMatchObject({ status: 503, attempts: 3 });
    expect(clock.sleeps).toEqual([1000, 2000]);
  });
});

describe("abort and timeout (real clock)", () => {
  const api = { retry: { maxRetries: 3, baseDelayMs: 100, jitter: "none" }, codes: {} };
  const op = get();
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

  it("abort during a backoff sleep returns aborted at once, leaving no timer behind", async () => {
    server.script({ status: 503, headers: { "retry-after": "30" } }, { status: 200 });
    const before = timers();
    const ac = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ac.abort(), 50);
    const r = await call(api, op, { clock: rt.systemClock }, { signal: ac.signal });
    expect(r.error).toMatchObject({ kind: "aborted", category: "terminal", recovery: "none", attempts: 1 });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(timers()).toBeLessThanOrEqual(before); // the 30 s sleep timer is gone (others may have ended too)
  });

  it("abort during a slow response returns aborted; an aborted signal sends nothing", async () => {
    server.script({ status: 200, delayMs: 5000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const r = await call(api, op, { clock: rt.systemClock }, { signal: ac.signal });
    expect(r.error).toMatchObject({ kind: "aborted", attempts: 1 });
    server.script({ status: 200 });
    const again = await call(api, op, {}, { signal: AbortSignal.abort() });
    expect(again.error).toMatchObject({ kind: "aborted", attempts: 0 });
    expect(server.requests).toHaveLength(0);
  });

  it("a per-attempt timeout gives the timeout variant; idempotent calls retry it", async () => {
    server.script({ status: 200, delayMs: 3000 });
    const r = await call({ retry: { maxRetries: 0 }, codes: {} }, op, { timeoutMs: 50 });
    expect(r.error).toMatchObject({ kind: "timeout", category: "retryable", attempts: 1 });
    server.script({ status: 200, delayMs: 3000 }, { status: 200, body: { late: false } });
    const r2 = await call(api, op, {}, { timeoutMs: 50 });
    // Under load a 50 ms timeout may fire before an attempt reaches the server, so count >= 2.
    expect(r2).toMatchObject({ ok: true, data: { late: false } });
    expect(r2.attempts).toBeGreaterThanOrEqual(2);
  });

  it("a timed-out POST without a key is not retried", async () => {
    server.script({ status: 201, delayMs: 3000 });
    const post = { id: "create", method: "POST", path: "/things", idempotent: false, errors: {} };
    const r = await rt.send(client(api, { timeoutMs: 50 }), post, { body: {} });
    expect(r.error).toMatchObject({ kind: "timeout", attempts: 1 });
    // At most once: a loaded machine may time out before the request even arrives.
    expect(server.requests.length).toBeLessThanOrEqual(1);
  });
});

describe("what bounds an attempt in flight", () => {
  // Following an AbortSignal costs undici ~10% of a fast call, so a first attempt gets a timer only
  // when something asked for a bound: a caller signal, timeoutMs, or a maxElapsedMs set anywhere.
  const op = get();
  const slow = { status: 200, delayMs: 3000 };

  it.each([
    ["the API's retry advice", { retry: { maxElapsedMs: 50 }, codes: {} }, op, {}, {}],
    ["the operation's retry advice", { codes: {} }, { ...op, retry: { maxElapsedMs: 50 } }, {}, {}],
    ["the client options", { codes: {} }, op, { retry: { maxElapsedMs: 50 } }, {}],
    ["the call options", { codes: {} }, op, {}, { retry: { maxElapsedMs: 50 } }],
  ])(
    "a maxElapsedMs set in %s ends a slow first attempt as a timeout",
    async (_where, api, operation, options, callOptions) => {
      server.script(slow);
      const r = await call(api, operation, options, callOptions);
      expect(r.error).toMatchObject({ kind: "timeout", category: "retryable", attempts: 1 });
    },
  );

  it("the default 120 s deadline ends a slow retry as a timeout", async () => {
    server.script({ status: 503 }, slow);
    // The fake clock waits 119.95 s, leaving the second attempt 50 ms of the default deadline.
    const r = await call({ retry: { baseDelayMs: 119_950, maxDelayMs: 200_000, jitter: "none" }, codes: {} }, op);
    expect(r.error).toMatchObject({ kind: "timeout", attempts: 2 });
    expect(clock.sleeps).toEqual([119_950]);
  });

  it.each([
    ["nothing is set", false, {}, {}],
    ["the call has a signal", true, {}, { signal: new AbortController().signal }],
    ["the client sets timeoutMs", true, { timeoutMs: 60_000 }, {}],
    ["the call sets timeoutMs", true, {}, { timeoutMs: 60_000 }],
    ["the client sets maxElapsedMs", true, { retry: { maxElapsedMs: 120_000 } }, {}],
  ])(
    "when %s, the first attempt carries a signal: %s; a retry always does",
    async (_when, armed, options, callOptions) => {
      const signals: unknown[] = [];
      const recording = (url: string, init: RequestInit) => (signals.push(init.signal), fetch(url, init));
      server.script({ status: 503 }, { status: 200 });
      const r = await call({ codes: {} }, op, { fetch: recording, ...options }, callOptions);
      expect(r).toMatchObject({ ok: true, attempts: 2 });
      expect(signals.map((s) => s instanceof AbortSignal)).toEqual([armed, true]);
    },
  );
});

describe("policy precedence: call > client > op > api > default", () => {
  const op503 = (retry?: object) =>
    get({ "503": { category: "retryable", recovery: "retry-with-backoff" } }, retry ? { retry } : {});
  const attempts = async (api: object, op: object, options: object = {}, callOptions: object = {}) => {
    server.script({ status: 503 });
    return (await call(api, op, options, callOptions)).error.attempts;
  };
  it("each layer overrides the one below", async () => {
    expect(await attempts({ codes: {} }, op503())).toBe(3); // default maxRetries 2
    expect(await attempts({ retry: { maxRetries: 1 }, codes: {} }, op503())).toBe(2);
    expect(await attempts({ retry: { maxRetries: 1 }, codes: {} }, op503({ maxRetries: 4 }))).toBe(5);
    expect(
      await attempts({ retry: { maxRetries: 1 }, codes: {} }, op503({ maxRetries: 4 }), { retry: { maxRetries: 0 } }),
    ).toBe(1);
    expect(
      await attempts(
        { retry: { maxRetries: 1 }, codes: {} },
        op503({ maxRetries: 4 }),
        { retry: { maxRetries: 0 } },
        { retry: { maxRetries: 3 } },
      ),
    ).toBe(4);
  });
  it("byStatus applies at its own layer", async () => {
    const api = {
      retry: { maxRetries: 1, byStatus: { "5XX": { maxRetries: 3 }, "503": { maxRetries: 2 } } },
      codes: {},
    };
    expect(await attempts(api, op503())).toBe(3); // exact "503" beats "5XX"
    expect(await attempts(api, op503({ maxRetries: 4 }))).toBe(5); // op.retry beats api byStatus
    expect(await attempts(api, op503({ maxRetries: 4, byStatus: { "5XX": { maxRetries: 0 } } }))).toBe(1);
  });

  it("resolvePolicy merges field by field", () => {
    const api = {
      retry: { baseDelayMs: 1000, byStatus: { "429": { maxRetries: 1, jitter: "none" }, "4XX": { maxRetries: 9 } } },
      codes: {},
    };
    const op = { retry: { maxDelayMs: 5000, byStatus: { "4XX": { baseDelayMs: 7 } } } };
    expect(rt.resolvePolicy(api, op, { maxElapsedMs: 1 }, { maxRetries: 5 }, 429)).toEqual({
      ...rt.DEFAULT_RETRY_POLICY,
      baseDelayMs: 7,
      maxDelayMs: 5000,
      maxElapsedMs: 1,
      maxRetries: 5,
      jitter: "none",
    });
    expect(rt.resolvePolicy(api, op, undefined, undefined, 418)).toMatchObject({ maxRetries: 9, baseDelayMs: 7 });
    expect(rt.resolvePolicy(api, op, undefined, undefined)).toEqual({
      ...rt.DEFAULT_RETRY_POLICY,
      baseDelayMs: 1000,
      maxDelayMs: 5000,
    });
    expect(rt.resolvePolicy(undefined, undefined)).toEqual(rt.DEFAULT_RETRY_POLICY);
    expect(rt.DEFAULT_RETRY_POLICY).toEqual({
      maxRetries: 2,
      baseDelayMs: 500,
      maxDelayMs: 30000,
      maxElapsedMs: 120000,
      maxRetryAfterMs: 60000,
      jitter: "full",
    });
  });
});

describe("requests", () => {
  it("encodes path params, repeats array query keys, skips undefined, merges headers", async () => {
    server.script({ status: 200, body: [1, 2] });
    const op = { id: "list", method: "GET", path: "/a/{x}/b/{y}", idempotent: true, errors: {} };
    const ctx = client({ codes: {} }, { headers: async () => ({ authorization: "Bearer t", "x-a": "client" }) });
    const r = await rt.send(ctx, op, {
      path: { x: "a b/c", y: 7 },
      query: { tag: ["p", "q"], n: 1, skip: undefined },
      headers: { "X-A": "input", "x-b": undefined },
    });
    expect(r).toMatchObject({ ok: true, data: [1, 2], attempts: 1 });
    const q = server.requests[0]!;
    expect(q.path).toBe("/a/a%20b%2Fc/b/7?tag=p&tag=q&n=1");
    expect(q.headers).toMatchObject({ authorization: "Bearer t", "x-a": "input" });
    expect(q.headers["x-b"]).toBeUndefined();
    await expect(rt.send(ctx, op, { path: { x: 1 } })).rejects.toThrow(/missing path parameter "y"/);
  });

  it("a path value of . or .. stays a segment and cannot climb out of the base path", async () => {
    server.script({ status: 200 });
    const op = { id: "file", method: "GET", path: "/files/{name}/raw", idempotent: true, errors: {} };
    const ctx = client({ codes: {} }, { baseUrl: `${server.url}/v1` });
    for (const name of ["..", "."]) {
      await expect(rt.send(ctx, op, { path: { name } })).rejects.toThrow(/may not be "\." or "\.\."/);
    }
    await rt.send(ctx, op, { path: { name: "..." } });
    await rt.send(ctx, op, { path: { name: "%2e%2e" } }); // a literal value: encoded, not resolved
    expect(server.requests.map((r) => r.path)).toEqual(["/v1/files/.../raw", "/v1/files/%252e%252e/raw"]);
  });

  it("form-urlencoded and multipart bodies", async () => {
    server.script({ status: 204 });
    const form = {
      id: "f",
      method: "POST",
      path: "/f",
      idempotent: false,
      errors: {},
      requestContentType: "application/x-www-form-urlencoded",
    };
    await rt.send(client({ codes: {} }), form, { body: { a: "1", b: ["x", "y"], c: undefined } });
    expect(server.requests[0]).toMatchObject({ body: "a=1&b=x&b=y" });
    expect(server.requests[0]!.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    server.script({ status: 204 });
    await rt.send(
      client({ codes: {} }),
      { ...form, requestContentType: "multipart/form-data" },
      { body: { name: "n", file: new Blob(["hello"]) } },
    );
    expect(server.requests[0]!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(server.requests[0]!.body).toContain("hello");
    server.script({ status: 204 });
    await rt.send(client({ codes: {} }), { ...form, requestContentType: "text/csv" }, { body: "a,b\n1,2" });
    expect(server.requests[0]).toMatchObject({ body: "a,b\n1,2" });
    expect(server.requests[0]!.headers["content-type"]).toBe("text/csv");
  });

  it("success headers are lower-case without credentials, and show in JSON and spreads", async () => {
    server.script({
      status: 200,
      headers: { "X-Request-Id": "r1", "Set-Cookie": "sid=SETCOOKIESECRET" },
      body: { id: 1 },
    });
    const r = await call({ codes: {} }, get());
    expect(r.headers).toMatchObject({ "x-request-id": "r1", "content-type": "application/json" });
    expect(JSON.stringify(r)).not.toContain("SETCOOKIESECRET");
    expect(JSON.parse(JSON.stringify(r)).headers).toEqual(r.headers);
    expect({ ...r }.headers).toEqual(r.headers);
    expect(r.headers).toBe(r.headers); // read twice, cleaned once
  });

  it("a malformed baseUrl throws when the client is made; trailing slashes are dropped", async () => {
    expect(() => rt.createContext({ baseUrl: "not a url" }, { codes: {} })).toThrow(TypeError);
    server.script({ status: 200 });
    await rt.send(client({ codes: {} }, { baseUrl: `${server.url}/v1//` }), get(), {
      path: { id: "t 1" },
      query: { q: "a&b" },
    });
    expect(server.requests[0]!.path).toBe("/v1/things/t%201?q=a%26b");
  });

  it("a refused connection is a network error, retried for GET", async () => {
    const dead = await startFaultServer();
    const url = dead.url;
    await dead.close();
    const ctx = rt.createContext({ baseUrl: url, clock, random: () => 0 }, { codes: {} });
    const r = await rt.send(ctx, get(), { path: { id: 1 } });
    expect(r.error).toMatchObject({ kind: "network", attempts: 3, status: undefined });
    expect(r.error.message).toMatch(/^Network error: /);
  });
});
