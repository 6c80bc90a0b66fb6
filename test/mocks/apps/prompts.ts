// The prompts app's error-handling tests, written against its generated client and mocks.
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

  "a past-due account (402 PAST_DUE) asks for a payment update": async () => {
    const mock = mockFetch({ getPrompt: [{ status: 402, code: "PAST_DUE" }] });
    const result = await clientWith(mock).getPrompt({ path: { promptId: "p_1" } });
    if (result.ok || result.error.kind !== "http") throw new Error("expected an HTTP error");
    expect([result.error.category, result.error.recovery]).toEqual(["billing", "update-payment"]);
  },

  "each reply carries the declared X-Request-Id, which the error reports": async () => {
    const mock = mockFetch({ listPrompts: [{ status: 500, code: "INTERNAL_ERROR" }] });
    const result = await clientWith(mock).listPrompts({});
    if (result.ok || result.error.kind !== "http") throw new Error("expected an HTTP error");
    expect(result.error.requestId).toBe(`req_mock_${MAX_RETRIES + 1}`);
    expect(result.error.headers["x-request-id"]).toBe(result.error.requestId);
  },
};
