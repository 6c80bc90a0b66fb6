// auth.refresh against a loopback server that accepts only the current token: called once on a
// 401 and the call replayed once (any method: a 401 means the server did not act), never twice
// per call, never on a 403, and shared by concurrent calls that all got a 401.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authFixtureData, startHandlerServer, type HandlerServer } from "./auth-fixture.js";
import { fakeClock } from "./fault-server.js";
import { loadRuntime, type Runtime } from "./render.js";

let rt: Runtime;
let data: Awaited<ReturnType<typeof authFixtureData>>;
let server: HandlerServer;
/** The token the server accepts; any other gets `rejectWith`. */
let valid: string;
let rejectWith: number;
beforeAll(async () => {
  [rt, data] = await Promise.all([loadRuntime(), authFixtureData()]);
  server = await startHandlerServer((req) =>
    String(req.headers.authorization).endsWith(` ${valid}`) ? [200, { id: "s1" }] : [rejectWith, { error: "nope" }],
  );
});
afterAll(() => server.close());

let token: string;
let refreshes: number;
beforeEach(() => {
  server.seen.length = 0;
  valid = "fresh";
  rejectWith = 401;
  token = "stale";
  refreshes = 0;
});
/** Credentials read from `token`; refresh sets it to `next` after a turn of the event loop. */
const auth = (next = "fresh", fail = false) => ({
  bearerAuth: () => token,
  basicAuth: () => token,
  refresh: async () => {
    refreshes++;
    await new Promise((resolve) => setImmediate(resolve));
    if (fail) throw new Error("refresh token revoked");
    token = next;
  },
});
const client = (a: object) => rt.createContext({ baseUrl: server.url, auth: a, clock: fakeClock() }, data.api);
const authorizations = () => server.seen.map((r) => r.headers.authorization);

describe("auth.refresh", () => {
  it("refreshes once on a 401 and replays the call with the fresh credential", async () => {
    const r = await rt.send(client(auth()), data.operations.listSecrets, {});
    expect(r).toMatchObject({ ok: true, status: 200, attempts: 2 });
    expect(refreshes).toBe(1);
    expect(authorizations()).toEqual(["Bearer stale", "Bearer fresh"]);
  });

  it("replays a POST too: a 401 means the server did not act", async () => {
    const r = await rt.send(client(auth()), data.operations.createSecret, { body: { name: "n" } });
    expect(r).toMatchObject({ ok: true, attempts: 2 });
    expect(server.seen.map((s) => [s.method, s.headers.authorization])).toEqual([
      ["POST", "Basic stale"],
      ["POST", "Basic fresh"],
    ]);
    expect(refreshes).toBe(1);
  });

  it("never refreshes twice in one call: a second 401 is the result", async () => {
    const r = await rt.send(client(auth("still-wrong")), data.operations.listSecrets, {});
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: "http", status: 401, attempts: 2 });
    expect(refreshes).toBe(1);
    expect(server.seen).toHaveLength(2);
  });

  it("never refreshes on a 403", async () => {
    rejectWith = 403;
    const r = await rt.send(client(auth()), data.operations.listSecrets, {});
    expect(r.error).toMatchObject({ kind: "http", status: 403, attempts: 1 });
    expect(refreshes).toBe(0);
    expect(server.seen).toHaveLength(1);
  });

  it("never refreshes for a 401 to a call that sent no credential (a login's wrong password)", async () => {
    const r = await rt.send(client(auth()), data.operations.health, {});
    expect(r.error).toMatchObject({ kind: "http", status: 401, attempts: 1 });
    expect(refreshes).toBe(0);
  });

  it("a refresh that throws leaves the call with its 401, resolved, not rejected", async () => {
    const r = await rt.send(client(auth("fresh", true)), data.operations.listSecrets, {});
    expect(r.error).toMatchObject({ kind: "http", status: 401, attempts: 1 });
    expect(refreshes).toBe(1);
  });

  it("concurrent calls that all get a 401 share one refresh, then all succeed", async () => {
    const ctx = client(auth());
    const results = await Promise.all(Array.from({ length: 5 }, () => rt.send(ctx, data.operations.listSecrets, {})));
    expect(results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true, true, true]);
    expect(refreshes).toBe(1);
    expect(authorizations().filter((a) => a === "Bearer stale")).toHaveLength(5);
    expect(authorizations().filter((a) => a === "Bearer fresh")).toHaveLength(5);
  });

  it("a call whose 401 arrives after another call's refresh finished replays without refreshing", async () => {
    // Call b is sent with the stale token, and its 401 held back until call a has refreshed and succeeded.
    let release!: () => void;
    const aFinished = new Promise<void>((resolve) => (release = resolve));
    const heldFetch = async (url: string, init: RequestInit) => {
      const res = await fetch(url, init);
      if (new Headers(init.headers).get("x-call") === "b") await aFinished;
      return res;
    };
    const ctx = rt.createContext({ baseUrl: server.url, auth: auth(), clock: fakeClock(), fetch: heldFetch }, data.api);
    const b = rt.send(ctx, data.operations.listSecrets, { headers: { "x-call": "b" } });
    while (server.seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const a = await rt.send(ctx, data.operations.listSecrets, {});
    release();
    expect([a.attempts, (await b).attempts]).toEqual([2, 2]);
    expect(refreshes).toBe(1);
    expect(authorizations()).toEqual(["Bearer stale", "Bearer stale", "Bearer fresh", "Bearer fresh"]);
  });
});
