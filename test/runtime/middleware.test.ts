// createClient({ middleware }) and a call's { middleware } against a loopback server: hooks run in
// order (the client's, then the call's) with their documented arguments, onRequest may replace
// the request, and a hook that throws ends the call with a typed error naming the hook.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authFixtureData } from "./auth-fixture.js";
import { fakeClock, startFaultServer, type FaultServer } from "./fault-server.js";
import { loadRuntime, type Runtime } from "./render.js";

let rt: Runtime;
let data: Awaited<ReturnType<typeof authFixtureData>>;
let server: FaultServer;
beforeAll(async () => {
  [rt, data, server] = await Promise.all([loadRuntime(), authFixtureData(), startFaultServer()]);
});
afterAll(() => server.close());

let log: unknown[];
beforeEach(() => {
  log = [];
});
type Args = {
  request?: Request;
  response?: Response;
  operation: string;
  attempt?: number;
  delayMs?: number;
  error?: { kind: string; status?: number };
};
/** A middleware that logs every hook it sees, with the arguments that matter. */
const logging = (name: string) => ({
  onRequest: ({ request, operation, attempt }: Args) =>
    void log.push([
      name,
      "onRequest",
      operation,
      attempt,
      request!.method,
      new URL(request!.url).pathname,
      request!.headers.get("authorization"),
    ]),
  onResponse: ({ response, operation, attempt }: Args) =>
    void log.push([name, "onResponse", operation, attempt, response!.status]),
  onRetry: ({ operation, attempt, delayMs, error }: Args) =>
    void log.push([name, "onRetry", operation, attempt, delayMs, error!.status]),
  onError: ({ operation, error }: Args) => void log.push([name, "onError", operation, error!.kind, error!.status]),
});
const client = (middleware: object[]) =>
  rt.createContext(
    {
      baseUrl: server.url,
      auth: { bearerAuth: "tok" },
      middleware,
      clock: fakeClock(),
      random: () => 0.5,
      retry: { jitter: "none", baseDelayMs: 1000 },
    },
    data.api,
  );
const listSecrets = (middleware: object[], call: object = {}) =>
  rt.send(client(middleware), data.operations.listSecrets, {}, call);

describe("middleware order and arguments", () => {
  it("runs the client's middleware in order, then the call's, on every attempt and retry", async () => {
    server.script({ status: 503, body: { error: "busy" } }, { status: 200, body: { id: "s1" } });
    const r = await listSecrets([logging("a"), logging("b")], { middleware: [logging("call")] });
    expect(r.ok).toBe(true);
    const each = (hook: string, ...rest: unknown[]) => ["a", "b", "call"].map((n) => [n, hook, "listSecrets", ...rest]);
    expect(log).toEqual([
      ...each("onRequest", 1, "GET", "/secrets", "Bearer tok"),
      ...each("onResponse", 1, 503),
      ...each("onRetry", 2, 1000, 503),
      ...each("onRequest", 2, "GET", "/secrets", "Bearer tok"),
      ...each("onResponse", 2, 200),
    ]);
  });

  it("onError sees the final error once; a success calls no onError", async () => {
    server.script({ status: 403, body: { error: "no" } });
    const r = await listSecrets([logging("a")], { middleware: [logging("call")] });
    expect(r.error.status).toBe(403);
    expect(log.filter((l) => (l as string[])[1] === "onError")).toEqual([
      ["a", "onError", "listSecrets", "http", 403],
      ["call", "onError", "listSecrets", "http", 403],
    ]);
  });

  it("onRequest may return a new Request: the next middleware sees it, and it is what is sent", async () => {
    server.script({ status: 201, body: { id: "s2" } });
    const sign = {
      onRequest: ({ request }: Args) =>
        new Request(request!, {
          headers: { ...Object.fromEntries(request!.headers), "x-signature": "sig" },
          body: '{"name":"signed"}',
        }),
    };
    const seen: string[] = [];
    const after = {
      onRequest: async ({ request }: Args) =>
        void seen.push(request!.headers.get("x-signature")!, await request!.clone().text()),
    };
    const r = await rt.send(client([sign, after]), data.operations.createSecret, { body: { name: "plain" } });
    expect(r.ok).toBe(true);
    expect(seen).toEqual(["sig", '{"name":"signed"}']);
    expect(server.requests.map((q) => [q.method, q.headers["x-signature"], q.body])).toEqual([
      ["POST", "sig", '{"name":"signed"}'],
    ]);
  });

  it("onRequest may change the request's headers in place", async () => {
    server.script({ status: 200, body: {} });
    await listSecrets([{ onRequest: ({ request }: Args) => request!.headers.set("x-trace", "t-1") }]);
    expect(server.requests[0]!.headers["x-trace"]).toBe("t-1");
  });
});

describe("a middleware that throws", () => {
  const boom = new Error("middleware bug");
  const script: Record<string, object[]> = {
    onRequest: [{ status: 200, body: {} }],
    onResponse: [{ status: 200, body: {} }],
    onRetry: [
      { status: 503, body: {} },
      { status: 200, body: {} },
    ],
    onError: [{ status: 404, body: { error: "gone" } }],
  };
  const sentBefore: Record<string, number> = { onRequest: 0, onResponse: 1, onRetry: 1, onError: 1 };

  it.each(Object.keys(script))(
    "in %s: a terminal middleware error naming the hook, later middleware skipped",
    async (hook) => {
      server.script(...(script[hook] as never[]));
      const thrower = { [hook]: async () => Promise.reject(boom) };
      const r = await listSecrets([thrower, logging("later")]);
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({
        kind: "middleware",
        hook,
        cause: boom,
        category: "terminal",
        operation: "listSecrets",
        status: undefined,
      });
      expect(r.error.message).toBe(`${hook} threw: middleware bug`);
      expect(server.requests).toHaveLength(sentBefore[hook]!);
      expect(log.filter((l) => (l as string[])[1] === hook)).toEqual([]);
    },
  );

  it("a synchronous throw is caught as well, and unwrap turns it into a FaultlineError", async () => {
    server.script({ status: 200, body: {} });
    const r = await listSecrets([
      {
        onResponse: () => {
          // A hook that throws a non-Error is what this test is about.
          // eslint-disable-next-line @typescript-eslint/only-throw-error
          throw "not even an Error";
        },
      },
    ]);
    expect(r.error).toMatchObject({ kind: "middleware", hook: "onResponse", cause: "not even an Error" });
    expect(() => rt.unwrap(r)).toThrow(rt.FaultlineError);
  });
});
