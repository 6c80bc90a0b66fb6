// send() against a real server: the server's word decides replays of a POST, Retry-After: 0 is no
// hot loop, a 200 with ok: false is an error where the success schema has the flag, and every
// Result carries the rate-limit state it saw.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeClock, startFaultServer, type FaultServer } from "./fault-server.js";
import { loadRuntime, type Runtime } from "./render.js";

let rt: Runtime;
let server: FaultServer;
let clock: ReturnType<typeof fakeClock>;
beforeAll(async () => {
  rt = await loadRuntime();
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  clock = fakeClock(1_700_000_000_000);
});

const post = { id: "create", method: "POST", path: "/things", idempotent: false, errors: {} };
const send = (op: object, callOptions: object = {}, options: object = {}) =>
  rt.send(
    rt.createContext({ baseUrl: server.url, clock, random: () => 0.5, ...options }, { codes: {} }),
    op,
    (op as { method: string }).method === "POST" ? { body: { a: 1 } } : {},
    callOptions,
  );

describe("replaying a POST", () => {
  it("a 500 is not replayed; with x-should-retry: true it is", async () => {
    server.script({ status: 500, body: {} });
    expect((await send(post)).error.attempts).toBe(1);
    server.script({ status: 500, headers: { "x-should-retry": "true" }, body: {} }, { status: 201, body: { id: 1 } });
    const r = await send(post);
    expect([r.ok, r.attempts, server.requests.length]).toEqual([true, 2, 2]);
  });
  it("a 403 rate limit in disguise is replayed after its reset", async () => {
    server.script(
      {
        status: 403,
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000010" },
        body: { message: "API rate limit exceeded" },
      },
      { status: 201, body: {} },
    );
    const r = await send(post);
    expect([r.ok, clock.sleeps]).toEqual([true, [10000]]);
  });
  it("should-retry: false is never retried, even on a GET", async () => {
    server.script({ status: 503, headers: { "stripe-should-retry": "false" }, body: {} });
    const r = await send({ ...post, method: "GET", idempotent: true });
    expect([r.error.category, r.error.attempts]).toEqual(["terminal", 1]);
  });
});

it("Retry-After: 0 waits the backoff, not 0", async () => {
  server.script({ status: 429, headers: { "retry-after": "0" }, body: {} }, { status: 200, body: {} });
  await send(post);
  expect(clock.sleeps).toEqual([250]);
});

it("call options classify a code the spec never listed", async () => {
  server.script({ status: 400, body: { error: { code: "try_again_later" } } }, { status: 200, body: {} });
  const r = await send(post, {
    classify: { codes: { try_again_later: { category: "retryable", recovery: "wait-and-retry" } } },
  });
  expect([r.ok, server.requests.length]).toEqual([true, 2]);
});

describe("success that is an error", () => {
  const slack = {
    ...post,
    method: "GET",
    idempotent: true,
    okField: "ok",
    errors: { default: { category: "terminal", recovery: "fix-request", dynamic: true } },
  };
  it("ok: false on a 200 is an error with its code, where the success schema declares ok", async () => {
    server.script({ status: 200, body: { ok: false, error: "invalid_auth" } });
    const r = await send(slack);
    expect([r.ok, r.error.status, r.error.rawCode, r.error.recovery]).toEqual([
      false,
      200,
      "invalid_auth",
      "reauthenticate",
    ]);
  });
  it("ok: true is a success; without the flag declared, ok: false stays a success", async () => {
    server.script({ status: 200, body: { ok: true } });
    expect((await send(slack)).ok).toBe(true);
    server.script({ status: 200, body: { ok: false, error: "invalid_auth" } });
    expect((await send({ ...slack, okField: undefined })).ok).toBe(true);
  });
});

describe("rate-limit state on every Result", () => {
  const headers = { "x-ratelimit-limit": "100", "x-ratelimit-remaining": "99", "x-ratelimit-reset": "1700000060" };
  it("on a success", async () => {
    server.script({ status: 200, headers, body: {} });
    expect((await send(post)).rateLimit).toEqual({ limit: 100, remaining: 99, resetMs: 60000 });
  });
  it("on an error", async () => {
    server.script({ status: 400, headers: { ...headers, "x-ratelimit-remaining": "98" }, body: {} });
    expect((await send(post)).rateLimit).toEqual({ limit: 100, remaining: 98, resetMs: 60000 });
  });
  it("undefined without such headers", async () => {
    server.script({ status: 200, body: {} });
    expect((await send(post)).rateLimit).toBeUndefined();
  });
});
