// The inbox app's error-handling tests, written against its generated client and mocks.
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

  "a code the spec does not enumerate still reaches the app, with the status's verdict": async () => {
    const mock = mockFetch({ getInbox: [{ status: 404, code: "inbox_not_found" }] });
    const result = await clientWith(mock).getInbox({ path: { inbox_id: "in_1" } });
    if (result.ok || result.error.kind !== "http") throw new Error("expected an HTTP error");
    expect([result.error.code, result.error.recovery, mock.calls.length]).toEqual([
      "inbox_not_found",
      "check-resource",
      1,
    ]);
  },

  "the inbox quota (402) is billing and the request body reached the mock": async () => {
    const mock = mockFetch({ createInbox: [{ status: 402 }] });
    const result = await clientWith(mock).createInbox({ body: { name: "support" } });
    expect(!result.ok && [result.error.category, result.error.recovery]).toEqual(["billing", "upgrade-plan"]);
    expect(JSON.parse(mock.calls[0]?.body ?? "null")).toEqual({ name: "support" });
  },
};
