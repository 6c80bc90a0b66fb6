// Credentials sent with a request must never end up in an error (result or thrown), whatever failed.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeClock, startFaultServer, type FaultServer } from "./fault-server.js";
import { loadRuntime, type Runtime } from "./render.js";

let rt: Runtime;
let server: FaultServer;
beforeAll(async () => {
  rt = await loadRuntime();
  server = await startFaultServer();
});
afterAll(() => server.close());

const SECRETS = ["sk_live_AUTHSECRET", "APIKEYSECRET", "COOKIESECRET", "SETCOOKIESECRET", "IDEMSECRET"];
const op = {
  id: "createThing",
  method: "POST",
  path: "/things/{id}",
  idempotent: false,
  idempotencyKeyHeader: "Idempotency-Key",
  errors: {
    "401": { category: "terminal", recovery: "reauthenticate" },
    "5XX": { category: "retryable", recovery: "retry-with-backoff" },
  },
};
const api = { retry: { maxRetries: 1, baseDelayMs: 1 }, codes: {} };

function expectNoSecret(value: unknown) {
  const views = [
    JSON.stringify(value),
    inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    String(value),
  ];
  if (value instanceof Error) views.push(value.stack ?? "", value.message);
  for (const view of views) for (const secret of SECRETS) expect(view).not.toContain(secret);
}

describe("credentials never reach errors", () => {
  // Call options are built per test: an AbortSignal.timeout made up front would fire before the test.
  const failures: [string, object, () => object][] = [
    [
      "401 from the server",
      {
        status: 401,
        body: { error: { code: "UNAUTHORIZED", message: "bad key" } },
        headers: { "set-cookie": "sid=SETCOOKIESECRET" },
      },
      () => ({}),
    ],
    [
      "500 with a set-cookie",
      { status: 500, headers: { "Set-Cookie": "a=SETCOOKIESECRET; HttpOnly", "x-request-id": "r1" } },
      () => ({}),
    ],
    ["connection reset", { reset: true }, () => ({})],
    ["timeout", { status: 200, delayMs: 2000 }, () => ({ timeoutMs: 30 })],
    ["abort", { status: 200, delayMs: 2000 }, () => ({ signal: AbortSignal.timeout(30) })],
  ];
  it.each(failures)("%s", async (_name, step, callOptions) => {
    server.script(step);
    const ctx = rt.createContext(
      {
        baseUrl: server.url,
        clock: fakeClock(),
        headers: async () => ({ Authorization: "Bearer sk_live_AUTHSECRET", "x-api-key": "APIKEYSECRET" }),
      },
      api,
    );
    const r = await rt.send(
      ctx,
      op,
      { path: { id: 1 }, headers: { cookie: "session=COOKIESECRET" }, body: { a: 1 } },
      { idempotencyKey: "IDEMSECRET", ...callOptions() },
    );
    expect(r.ok).toBe(false);
    // The request really carried them, so their absence below means something.
    expect(server.requests[0]!.headers).toMatchObject({
      authorization: "Bearer sk_live_AUTHSECRET",
      "x-api-key": "APIKEYSECRET",
      cookie: "session=COOKIESECRET",
    });
    expectNoSecret(r);
    expectNoSecret(r.error);
    let thrown: unknown;
    try {
      rt.unwrap(r);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(rt.FaultlineError);
    expectNoSecret(thrown);
  });

  it("response headers that look like credentials are dropped too", () => {
    const e = rt.normalizeHttpError({
      status: 500,
      headers: {
        "Set-Cookie": "x=SETCOOKIESECRET",
        Authorization: "Bearer sk_live_AUTHSECRET",
        "X-Api-Key": "APIKEYSECRET",
        "x-ok": "1",
      },
      bodyText: "",
      op,
      api,
      attempts: 1,
    });
    expect(e.headers).toEqual({ "x-ok": "1" });
    expectNoSecret(e);
  });
});

describe("FaultlineError and unwrap", () => {
  const httpError = () =>
    rt.normalizeHttpError({
      status: 402,
      headers: { "x-request-id": "req_7", "retry-after": "5" },
      op,
      api,
      attempts: 2,
      nowMs: 0,
      bodyText: JSON.stringify({
        error: { code: "PLAN_LIMIT_REACHED", message: "Upgrade to add bots", details: { limit: 3 } },
      }),
    });

  it("unwrap returns the data of a success", () => {
    expect(rt.unwrap({ ok: true, status: 200, data: { id: 1 }, headers: {}, attempts: 1 })).toEqual({ id: 1 });
    expect(rt.unwrap({ ok: true, status: 204, data: undefined, headers: {}, attempts: 1 })).toBeUndefined();
  });

  it("unwrap throws a FaultlineError carrying every field of the error", () => {
    const error = httpError();
    let thrown: unknown;
    try {
      rt.unwrap({ ok: false, error });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(rt.FaultlineError);
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown.name).toBe("FaultlineError");
    expect(thrown.message).toBe("Upgrade to add bots");
    expect(thrown).toMatchObject({
      kind: "http",
      status: 402,
      code: "PLAN_LIMIT_REACHED",
      category: "billing",
      recovery: "upgrade-plan",
      requestId: "req_7",
      retryAfterMs: 5000,
      details: { limit: 3 },
      attempts: 2,
      operation: "createThing",
      statusKey: "undocumented",
    });
    expect(thrown.body).toEqual({
      error: { code: "PLAN_LIMIT_REACHED", message: "Upgrade to add bots", details: { limit: 3 } },
    });
    expect(JSON.parse(JSON.stringify(thrown))).toMatchObject({ kind: "http", code: "PLAN_LIMIT_REACHED" });
    expect(thrown.stack).toContain("FaultlineError: Upgrade to add bots");
  });

  it("transport errors become FaultlineErrors too", () => {
    const error = {
      kind: "network",
      category: "retryable",
      recovery: "retry-with-backoff",
      message: "Network error: ECONNRESET",
      attempts: 1,
      operation: "x",
      status: undefined,
      code: undefined,
      rawCode: undefined,
      requestId: undefined,
      retryAfterMs: undefined,
      details: undefined,
      body: undefined,
    };
    const e = new rt.FaultlineError(error);
    expect(e).toMatchObject({
      kind: "network",
      status: undefined,
      category: "retryable",
      message: "Network error: ECONNRESET",
    });
  });
});
