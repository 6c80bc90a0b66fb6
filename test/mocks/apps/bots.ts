// The bots app's error-handling tests, written against its generated client and mocks.
import { expect } from "vitest";
import { createClient } from "./client/index.js";
import { mockFetch, type MockScript } from "./client/mocks.js";
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
    baseUrl: "https://api.example.com",
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

  "a 402 PLAN_LIMIT_REACHED on createBot asks for an upgrade, with the spec's own message": async () => {
    const mock = mockFetch({ createBot: [{ status: 402, code: "PLAN_LIMIT_REACHED" }] });
    const result = await clientWith(mock).createBot({
      body: { name: "helper", clientUrl: "https://shop.example.com" },
    });
    if (result.ok || result.error.kind !== "http") throw new Error("expected an HTTP error");
    expect([result.error.category, result.error.recovery, mock.calls.length]).toEqual(["billing", "upgrade-plan", 1]);
    expect(result.error.message).not.toBe("");
  },

  "a rate-limited getBot waits each Retry-After, then hands the wait to the app": async () => {
    const { clock, waits } = fakeClock();
    const mock = mockFetch({ getBot: [{ status: 429, code: "RATE_LIMITED", retryAfter: 3 }] });
    const result = await clientWith(mock, clock).getBot({ path: { botId: "bot_1" } });
    if (result.ok || result.error.kind !== "http") throw new Error("expected an HTTP error");
    expect([result.error.retryAfterMs, result.error.attempts]).toEqual([3000, MAX_RETRIES + 1]);
    expect(waits).toEqual([3000, 3000]);
    expect(mock.calls.map((c) => c.path)).toEqual(["/api/bots/bot_1", "/api/bots/bot_1", "/api/bots/bot_1"]);
  },

  "an internal 500 then a 200: the app only sees the bot": async () => {
    const mock = mockFetch({ getBot: [{ status: 500, code: "INTERNAL_ERROR" }, { status: 200 }] });
    const result = await clientWith(mock).getBot({ path: { botId: "bot_1" } });
    expect(result.ok && result.attempts).toBe(2);
  },
};
