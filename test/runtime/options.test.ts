// Options are the caller's: a bad one is a bug in the caller's code, so it throws a TypeError at
// createContext (client options) or from send (call options), as a missing path parameter does.
// A NaN or negative bound must never silently turn a bound off.
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
const api = { codes: {} };
const op = { id: "getThing", method: "GET", path: "/things", idempotent: true, errors: {} };
const make = (options: object) => rt.createContext({ baseUrl: server.url, clock: fakeClock(), ...options }, api);

describe("a baseUrl with credentials in it", () => {
  it.each(["http://u:s3cr3t-PASS@127.0.0.1:9", "https://s3cr3t-PASS@api.example.com/v1", "http://:s3cr3t-PASS@h"])(
    "%s is refused without echoing the secret",
    (baseUrl) => {
      let thrown: unknown;
      try {
        make({ baseUrl });
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      expect((thrown as Error).message).toMatch(/baseUrl.*credentials/);
      expect(inspect(thrown) + JSON.stringify(thrown) + String((thrown as Error).stack)).not.toContain("s3cr3t");
    },
  );

  it("an unparsable baseUrl throws without carrying the input along", () => {
    let thrown: unknown;
    try {
      make({ baseUrl: "http://u:s3cr3t-PASS@bad host" });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect(inspect(thrown)).not.toContain("s3cr3t");
  });
});

// [option, options]; NaN and Infinity are written out because %j shows them as null.
const bad: [string, object][] = [
  ["timeoutMs", { timeoutMs: NaN }],
  ["timeoutMs", { timeoutMs: -1 }],
  ["timeoutMs", { timeoutMs: 0 }],
  ["timeoutMs", { timeoutMs: "1000" }],
  ["maxErrorBodyBytes", { maxErrorBodyBytes: NaN }],
  ["maxBodyBytes", { maxBodyBytes: -5 }],
  ["streamIdleTimeoutMs", { streamIdleTimeoutMs: NaN }],
  ["streamIdleTimeoutMs", { streamIdleTimeoutMs: -1 }],
  ["maxEventBytes", { maxEventBytes: 0 }],
  ["retry.maxRetries", { retry: { maxRetries: Infinity } }],
  ["retry.maxRetries", { retry: { maxRetries: 1.5 } }],
  ["retry.maxRetries", { retry: { maxRetries: -1 } }],
  ["retry.baseDelayMs", { retry: { baseDelayMs: NaN } }],
  ["retry.baseDelayMs", { retry: { baseDelayMs: Infinity } }],
  ["retry.maxDelayMs", { retry: { maxDelayMs: -1 } }],
  ["retry.maxElapsedMs", { retry: { maxElapsedMs: NaN } }],
  ["retry.maxElapsedMs", { retry: { maxElapsedMs: 0 } }],
  ["retry.maxRetryAfterMs", { retry: { maxRetryAfterMs: -1 } }],
  ["retry.jitter", { retry: { jitter: "half" } }],
  ["retry.jitter", { retry: { jitter: 2 } }],
  ["retry.jitter", { retry: { jitter: NaN } }],
];
const good: object[] = [
  {},
  { timeoutMs: 5000, retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0, jitter: 0 } },
  {
    timeoutMs: Infinity,
    maxBodyBytes: Infinity,
    maxErrorBodyBytes: 0,
    streamIdleTimeoutMs: Infinity,
    retry: { maxElapsedMs: Infinity, maxDelayMs: Infinity, jitter: "equal" },
  },
  { retry: { maxRetries: 10, jitter: 1 } },
];

describe("numeric options", () => {
  const label = (o: object) => inspect(o, { breakLength: Infinity });
  it.each(bad.map(([n, o]) => [n, label(o), o] as const))(
    "%s: %s is refused at createContext, naming the option",
    (name, _l, options) => {
      expect(() => make(options)).toThrow(new RegExp(`${name.replace(".", "\\.")} must be`));
    },
  );

  // The body and event caps are client options only.
  const perCall = bad.filter(([n]) => !/Bytes$/.test(n));
  it.each(perCall.map(([n, o]) => [n, label(o), o] as const))(
    "%s: %s is refused per call (the promise rejects, nothing is sent)",
    async (_n, _l, callOptions) => {
      server.script({ status: 200 });
      await expect(rt.send(make({}), op, {}, callOptions)).rejects.toThrow(TypeError);
      expect(server.requests).toHaveLength(0);
    },
  );

  it.each(good.map((o) => [label(o), o] as const))("%s is accepted at both levels", async (_l, options) => {
    server.script({ status: 200, body: { fine: true } });
    const { maxErrorBodyBytes: _a, maxBodyBytes: _b, ...callOptions } = options as Record<string, unknown>;
    const r = await rt.send(make(options), op, {}, callOptions);
    expect(r).toMatchObject({ ok: true, data: { fine: true } });
  });
});
