// The tickets app's error-handling tests, written against its generated client and mocks.
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

  "a 422 validation_error asks the app to fix the request": async () => {
    const mock = mockFetch({ createTicket: [{ status: 422, code: "validation_error" }] });
    const result = await clientWith(mock).createTicket({
      body: { subject: "s", customer_email: "a@example.com", body: "b" },
    });
    if (result.ok || result.error.kind !== "http") throw new Error("expected an HTTP error");
    expect([result.error.code, result.error.category, result.error.recovery]).toEqual([
      "validation_error",
      "terminal",
      "fix-request",
    ]);
  },

  "a DELETE that fails with 500 is retried, and the 204 ends it": async () => {
    const mock = mockFetch({ deleteTicket: [{ status: 500 }, { status: 204 }] });
    const result = await clientWith(mock).deleteTicket({ path: { ticket_id: "t_1" } });
    expect(result.ok && [result.status, result.attempts]).toEqual([204, 2]);
    expect(mock.calls.map((c) => `${c.method} ${c.reply}`)).toEqual(["DELETE 500", "DELETE 204"]);
  },
};
