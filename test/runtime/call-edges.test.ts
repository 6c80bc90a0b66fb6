// Two edges of one call: a caller's signal that fires while the async headers() function runs,
// and an empty Idempotency-Key, which must count as no key at all.
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

const api = { retry: { maxRetries: 3, baseDelayMs: 10, jitter: "none" }, codes: {} };
const get = { id: "getThing", method: "GET", path: "/things", idempotent: true, errors: {} };

it("an abort while headers() is still resolving sends nothing and comes back aborted", async () => {
  server.script({ status: 200 });
  const ac = new AbortController();
  const headers = async () => {
    ac.abort();
    await new Promise((r) => setTimeout(r, 10));
    return { authorization: "Bearer t" };
  };
  const ctx = rt.createContext({ baseUrl: server.url, headers, clock: fakeClock() }, api);
  const r = await rt.send(ctx, get, {}, { signal: ac.signal });
  expect(r.error).toMatchObject({ kind: "aborted", category: "terminal" });
  expect(server.requests).toHaveLength(0);
});

describe("an empty idempotency key is no key", () => {
  const post = {
    id: "create",
    method: "POST",
    path: "/things",
    idempotent: false,
    idempotencyKeyHeader: "Idempotency-Key",
    errors: { "5XX": { category: "retryable", recovery: "retry-with-backoff" } },
  };
  const ctx = () => rt.createContext({ baseUrl: server.url, clock: fakeClock() }, api);

  it.each(["", "   "])("call.idempotencyKey %j: a generated key is sent, the same on every attempt", async (key) => {
    server.script({ status: 503 }, { status: 201 });
    const r = await rt.send(ctx(), post, { body: {} }, { idempotencyKey: key });
    expect(r).toMatchObject({ ok: true, attempts: 2 });
    const sent = server.requests.map((q) => q.headers["idempotency-key"]);
    expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent).toEqual([sent[0], sent[0]]);
  });

  it("an empty Idempotency-Key header from the input is replaced by a generated key", async () => {
    server.script({ status: 503 }, { status: 201 });
    const r = await rt.send(ctx(), post, { body: {}, headers: { "Idempotency-Key": "" } }, {});
    expect(r).toMatchObject({ ok: true, attempts: 2 });
    const sent = server.requests.map((q) => q.headers["idempotency-key"]);
    expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent).toEqual([sent[0], sent[0]]);
  });
});
