import { expect } from "vitest";
import { createClient } from "./client/index.js";
import { mockFetch, type MockScript } from "./client/mocks.js";
import { driveEveryDocumentedError, driveTransportFailures, fakeClock, MAX_RETRIES, surfaceOf, type AnyClient } from "./every-error.js";

type Clock = ReturnType<typeof fakeClock>["clock"];
const clientWith = (fetcher: typeof fetch, clock: Clock = fakeClock().clock) =>
  createClient({ baseUrl: "https://api.example.com", fetch: fetcher, clock, timeoutMs: 20, retry: { maxRetries: MAX_RETRIES, jitter: "none" } });
const anyClient = (fetcher: typeof fetch, clock: Clock) => clientWith(fetcher, clock) as unknown as AnyClient;
const anyMock = (script: Record<string, unknown>) => mockFetch(script as MockScript);

export const tests: Record<string, () => Promise<void>> = {
  "every documented error reaches the app as the spec describes it": () => driveEveryDocumentedError(surfaceOf(import.meta.url), anyClient, anyMock),
  "undocumented statuses, dropped connections and hung requests": () => driveTransportFailures(surfaceOf(import.meta.url), anyClient, anyMock),
};
