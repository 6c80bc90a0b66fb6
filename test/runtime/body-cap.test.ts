// Bodies from an untrusted server are read up to a cap, and the rest of the stream is cancelled:
// a 200 MB or endless error body must neither fill memory nor hang the call. Memory is measured
// in a child process of its own (scripts/hardening/reply-child.ts), the socket on the server side.
import { writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startHostileServer, type HostileServer } from "../../scripts/hardening/hostile-server.js";
import { runChild } from "../../scripts/hardening/run-child.js";
import { loadRuntime, renderRuntime, type Runtime } from "./render.js";

const operations = `import type { ApiSpec, OperationSpec } from "./runtime/types.js";
export const api: ApiSpec = { retry: { maxRetries: 2, baseDelayMs: 1, jitter: "none" }, codes: {} };
export const operations: Record<string, OperationSpec> = {
  getCase: { id: "getCase", method: "GET", path: "/cases/{id}", idempotent: true, errors: { "5XX": { category: "retryable", recovery: "retry-with-backoff" } } },
};
`;
const op = { id: "getCase", method: "GET", path: "/cases/{id}", idempotent: true, errors: {} };

let rt: Runtime;
let clientDir: string;
beforeAll(async () => {
  rt = await loadRuntime();
  clientDir = dirname(renderRuntime());
  writeFileSync(`${clientDir}/operations.ts`, operations);
});
const servers: HostileServer[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => s.close())));
async function serve(reply: Parameters<typeof startHostileServer>[0]) {
  const s = await startHostileServer(reply);
  servers.push(s);
  return s;
}

/** Resolves once every socket the server saw is closed; the test's own timeout is the bound. */
async function socketsClosed(s: HostileServer) {
  while (s.sockets.closed < s.sockets.opened) await new Promise((r) => setTimeout(r, 20));
}

describe("memory, in a child process", () => {
  it.each(["huge-error", "endless-error"] as const)(
    "a %s body over 3 attempts keeps RSS growth under 100 MB",
    async (reply) => {
      const s = await serve(reply);
      const report = await runChild(clientDir, s.url, "getCase");
      expect(report.outcome).toMatch(/^http 500 bodyTruncated attempts=3/);
      expect(report.growthMB).toBeLessThan(100);
    },
  );
});

describe("in process", () => {
  const client = (s: HostileServer, options: object = {}) =>
    rt.createContext({ baseUrl: s.url, retry: { maxRetries: 0 }, ...options }, { codes: {} });

  it("an endless error body ends at the cap (1 MB by default) without timeoutMs, and its socket is closed", async () => {
    const s = await serve("endless-error");
    const r = await rt.send(client(s), op, { path: { id: 1 } });
    expect(r.error).toMatchObject({ kind: "http", status: 500, bodyTruncated: true, attempts: 1 });
    expect(r.error.body.length).toBe(2 ** 20);
    await socketsClosed(s);
  });

  it("maxErrorBodyBytes sets the cap; a body under it is whole and not marked", async () => {
    const s = await serve("endless-error");
    const r = await rt.send(client(s, { maxErrorBodyBytes: 1000 }), op, { path: { id: 1 } });
    expect(r.error.body).toHaveLength(1000);
    const small = await serve("deep-json-error");
    const whole = await rt.send(client(small), op, { path: { id: 1 } });
    expect(whole.error.bodyTruncated).toBeUndefined();
    expect(whole.error.body).toHaveLength(800_000);
  });

  it("an error body nested deeper than 1000 stays text, so logging the error cannot overflow the stack", async () => {
    const s = await serve("deep-json-error");
    const r = await rt.send(client(s), op, { path: { id: 1 } });
    expect(typeof r.error.body).toBe("string");
    expect(() => JSON.stringify(r)).not.toThrow();
    // Brackets inside strings do not count, and cannot hide real depth either.
    const fine = JSON.stringify({ a: "[[[[".repeat(1000), b: [[[1]]] });
    expect(rt.parseBody(fine, "application/json")).toEqual(JSON.parse(fine));
    const hidden = '["]"'.repeat(1001) + "]".repeat(1001);
    expect(rt.parseBody(hidden, "application/json")).toBe(hidden);
    const deep = "[".repeat(1000) + "]".repeat(1000);
    expect(Array.isArray(rt.parseBody(deep, "application/json"))).toBe(true);
  });

  it("a body that drips forever ends at the call's deadline even when no timer was armed", async () => {
    const s = await serve("slow-drip");
    // Nothing asks for a bound (no signal, timeoutMs or maxElapsedMs), so the attempt carries no
    // timer; the default 120 s deadline is checked as chunks arrive. This clock makes 10 s pass per read.
    let now = 0;
    const clock = { now: () => (now += 10_000), sleep: async () => {} };
    const r = await rt.send(client(s, { clock }), op, { path: { id: 1 } });
    expect(r.error).toMatchObject({ kind: "timeout", attempts: 1 });
    await socketsClosed(s);
  });

  it("an endless success body fails at maxBodyBytes as a network error (retried as one), and its sockets are closed", async () => {
    const s = await serve("endless-success");
    const r = await rt.send(client(s, { maxBodyBytes: 2 ** 20, retry: { maxRetries: 1, baseDelayMs: 1 } }), op, {
      path: { id: 1 },
    });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: "network", attempts: 2 });
    expect(r.error.message).toMatch(/maxBodyBytes/);
    await socketsClosed(s);
  });
});
