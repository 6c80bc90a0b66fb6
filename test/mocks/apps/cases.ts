// The Cases API app's error-handling tests, as its authors would write them against the
// generated client and its mocks (copied beside ./client/ and compiled strictly).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setupServer } from "msw/node";
import { expect } from "vitest";
import { createClient } from "./client/index.js";
import { chaosFetch, mockFetch, type MockScript } from "./client/mocks.js";
import { mswHandlers } from "./client/msw.js";
import {
  driveEveryDocumentedError,
  driveTransportFailures,
  fakeClock,
  MAX_RETRIES,
  surfaceOf,
  type AnyClient,
} from "./every-error.js";

type Clock = ReturnType<typeof fakeClock>["clock"];
const clientWith = (fetcher: typeof fetch, clock: Clock = fakeClock().clock) =>
  createClient({
    baseUrl: "https://api.example.com/v1",
    fetch: fetcher,
    clock,
    timeoutMs: 20,
    retry: { maxRetries: MAX_RETRIES, jitter: "none" },
  });
const anyClient = (fetcher: typeof fetch, clock: Clock) => clientWith(fetcher, clock) as unknown as AnyClient;
const anyMock = (script: Record<string, unknown>) => mockFetch(script as MockScript);

export const tests: Record<string, () => Promise<void>> = {
  "every documented error reaches the app as the spec describes it": () =>
    driveEveryDocumentedError(surfaceOf(import.meta.url), anyClient, anyMock),
  "undocumented statuses, dropped connections and hung requests": () =>
    driveTransportFailures(surfaceOf(import.meta.url), anyClient, anyMock),

  "the plan cap (429 USAGE_LIMIT_REACHED) is billing: shown to the user, never retried": async () => {
    const mock = mockFetch({ createCase: [{ status: 429, code: "USAGE_LIMIT_REACHED" }, { status: 201 }] });
    const result = await clientWith(mock).createCase({ body: { instructions: "fix the sink" } });
    if (result.ok || result.error.kind !== "http") throw new Error("expected an HTTP error");
    expect([result.error.code, result.error.category, result.error.recovery]).toEqual([
      "USAGE_LIMIT_REACHED",
      "billing",
      "upgrade-plan",
    ]);
    expect(mock.calls).toHaveLength(1);
    expect(JSON.parse(mock.calls[0]!.body ?? "")).toEqual({ instructions: "fix the sink" });
  },

  "gateway throttling waits out Retry-After, then the case is created": async () => {
    const { clock, waits } = fakeClock();
    const mock = mockFetch({ createCase: [{ status: 429, retryAfter: 2 }, { status: 201 }] });
    const result = await clientWith(mock, clock).createCase({ body: { instructions: "x" } });
    expect(result.ok && [result.status, result.attempts]).toEqual([201, 2]);
    expect(waits).toEqual([2000]);
    expect(mock.calls.map((c) => `${c.method} ${c.path} -> ${c.reply}`)).toEqual([
      "POST /v1/cases -> 429",
      "POST /v1/cases -> 201",
    ]);
  },

  "a text/plain 500 from the transcript fetch still reads as retryable": async () => {
    const mock = mockFetch({ getCase: [{ status: 500, contentType: "text/plain", body: "upstream failed" }] });
    const result = await clientWith(mock).getCase({ path: { id: "case_1" } });
    if (result.ok || result.error.kind !== "http") throw new Error("expected an HTTP error");
    expect([result.error.body, result.error.category, result.error.attempts]).toEqual([
      "upstream failed",
      "retryable",
      MAX_RETRIES + 1,
    ]);
  },

  "chaos: a seeded share of real calls fail with documented errors, the same ones for the same seed": async () => {
    const server = createServer((_, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true,"data":{"id":"case_1"}}'),
    );
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const run = async (seed: number) => {
        const chaos = chaosFetch({ seed, rate: 0.5, fetch });
        const client = createClient({ baseUrl, fetch: chaos, retry: { maxRetries: 0 } });
        const oks: boolean[] = [];
        for (let i = 0; i < 40; i++) oks.push((await client.getCase({ path: { id: `case_${i}` } })).ok);
        return { oks, replies: chaos.calls.map((c) => c.reply) };
      };
      const first = await run(42);
      expect(first.oks.filter(Boolean).length).toBe(first.replies.filter((r) => r === "passthrough").length);
      expect(first.replies.filter((r) => r !== "passthrough").length).toBeGreaterThan(5);
      expect(first.replies.filter((r) => r === "passthrough").length).toBeGreaterThan(5);
      for (const reply of first.replies) expect(reply).toMatch(/^(passthrough|(401|403|404|429|500)( [A-Z_]+)?)$/);
      expect(await run(42)).toEqual(first);
      expect((await run(43)).replies).not.toEqual(first.replies);
    } finally {
      server.close();
    }
  },

  "the msw handlers give the same replies to the app's own fetch": async () => {
    const handlers = mswHandlers({ getCase: [{ status: 404, code: "CASE_NOT_FOUND" }], createCase: ["network"] });
    const server = setupServer(...handlers);
    server.listen({ onUnhandledRequest: "error" });
    try {
      const client = createClient({ baseUrl: "https://cases.example.com", retry: { maxRetries: 0 } });
      const missing = await client.getCase({ path: { id: "case_404" } });
      if (missing.ok || missing.error.kind !== "http") throw new Error("expected an HTTP error");
      expect([missing.error.status, missing.error.code, missing.error.recovery]).toEqual([
        404,
        "CASE_NOT_FOUND",
        "check-resource",
      ]);
      const dropped = await client.createCase({ body: { instructions: "x" } });
      expect(!dropped.ok && dropped.error.kind).toBe("network");
      expect(handlers.calls.map((c) => `${c.operation} ${c.reply}`)).toEqual([
        "getCase 404 CASE_NOT_FOUND",
        "createCase network",
      ]);
    } finally {
      server.close();
    }
  },
};
