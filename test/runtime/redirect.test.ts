// Redirects against two real loopback servers on different ports, i.e. two origins: the second
// must never see a credential or a request body the client meant for the first.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeClock, startFaultServer, type FaultServer } from "./fault-server.js";
import { loadRuntime, type Runtime } from "./render.js";

let rt: Runtime;
let home: FaultServer;
let other: FaultServer;
beforeAll(async () => {
  rt = await loadRuntime();
  [home, other] = await Promise.all([startFaultServer(), startFaultServer()]);
});
afterAll(() => Promise.all([home.close(), other.close()]));
beforeEach(() => other.script({ status: 200, body: { from: "other" } }));

const api = { retry: { maxRetries: 2, baseDelayMs: 1, jitter: "none" }, codes: {} };
const get = { id: "getThing", method: "GET", path: "/things/1", idempotent: true, errors: {} };
const post = {
  id: "makeThing",
  method: "POST",
  path: "/things",
  idempotent: false,
  errors: {},
  idempotencyKeyHeader: "Idempotency-Key",
};
const secrets = {
  "x-api-key": "KEY-SECRET",
  authorization: "Bearer TOKEN-SECRET",
  cookie: "sid=COOKIE-SECRET",
  "private-token": "PT-SECRET",
};
const client = (options: object = {}) =>
  rt.createContext({ baseUrl: home.url, clock: fakeClock(), headers: async () => secrets, ...options }, api);
const input = { headers: { "x-tenant-token": "INPUT-SECRET", accept: "application/json" } };

describe("a redirect to another origin", () => {
  it.each([301, 302, 303, 307, 308])(
    "%i on a GET is followed without any credential the caller set",
    async (status) => {
      home.script({ status, headers: { location: `${other.url}/landing?x=1` } });
      const r = await rt.send(client(), get, input);
      expect(r).toMatchObject({ ok: true, data: { from: "other" }, attempts: 1 });
      expect(other.requests).toHaveLength(1);
      const seen = other.requests[0]!;
      expect(seen.path).toBe("/landing?x=1");
      expect(JSON.stringify(seen.headers)).not.toMatch(/SECRET/);
      expect(seen.headers.accept).toBe("application/json");
    },
  );

  it.each([307, 308])(
    "%i on a POST is not followed: the body and credentials stay home, the redirect is the result",
    async (status) => {
      home.script({ status, headers: { location: `${other.url}/steal` } });
      const r = await rt.send(client(), post, { body: { password: "BODY-SECRET" } });
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ kind: "http", status, attempts: 1 });
      expect(r.error.headers.location).toBe(`${other.url}/steal`);
      expect(other.requests).toHaveLength(0);
    },
  );

  it("303 after a POST becomes a GET without the body or credentials", async () => {
    home.script({ status: 303, headers: { location: `${other.url}/result` } });
    const r = await rt.send(client(), post, { body: { password: "BODY-SECRET" } });
    expect(r).toMatchObject({ ok: true, data: { from: "other" } });
    expect(other.requests[0]).toMatchObject({ method: "GET", path: "/result", body: "" });
    expect(JSON.stringify(other.requests[0]!.headers)).not.toMatch(/SECRET|idempotency/i);
  });

  it("credentials stripped on the way out stay stripped when a later hop comes back", async () => {
    other.script({ status: 302, headers: { location: `${home.url}/back` } });
    home.script({ status: 302, headers: { location: `${other.url}/away` } }, { status: 200, body: { back: true } });
    const r = await rt.send(client(), get, input);
    expect(r).toMatchObject({ ok: true, data: { back: true } });
    expect(home.requests.map((q) => q.path)).toEqual(["/things/1", "/back"]);
    expect(JSON.stringify(home.requests[1]!.headers)).not.toMatch(/SECRET/);
  });

  it("a redirect to a non-http scheme is returned, not followed", async () => {
    home.script({ status: 302, headers: { location: "data:text/plain,hello" } });
    const r = await rt.send(client(), get);
    expect(r.error).toMatchObject({ kind: "http", status: 302, attempts: 1 });
  });
});

describe("a redirect within the origin", () => {
  it("307 keeps method, body and credentials", async () => {
    home.script({ status: 307, headers: { location: "/things/moved" } }, { status: 201, body: { id: 1 } });
    const r = await rt.send(client(), post, { body: { name: "n" } });
    expect(r).toMatchObject({ ok: true, status: 201, data: { id: 1 } });
    const [first, second] = home.requests;
    expect(second).toMatchObject({ method: "POST", path: "/things/moved", body: '{"name":"n"}' });
    expect(second!.headers["x-api-key"]).toBe("KEY-SECRET");
    expect(second!.headers["idempotency-key"]).toBe(first!.headers["idempotency-key"]);
  });

  it("a redirect loop stops after 5 hops and comes back as the last redirect", async () => {
    home.script({ status: 302, headers: { location: "/things/1" } });
    const r = await rt.send(client(), get);
    expect(r.error).toMatchObject({ kind: "http", status: 302, category: "terminal", attempts: 1 });
    expect(home.requests).toHaveLength(6);
  });
});

it("a browser's opaque redirect (its target hidden) is a terminal failure that says so", async () => {
  // What a browser's fetch gives for redirect: "manual"; Node's undici returns the 3xx itself.
  const opaque = async () =>
    ({
      type: "opaqueredirect",
      status: 0,
      ok: false,
      statusText: "",
      headers: new Headers(),
      body: null,
    }) as unknown as Response;
  const r = await rt.send(client({ fetch: opaque }), get);
  expect(r.error).toMatchObject({ kind: "http", status: 0, category: "terminal", attempts: 1 });
  expect(r.error.message).toMatch(/redirect/i);
});
