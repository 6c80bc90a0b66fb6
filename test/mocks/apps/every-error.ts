// Shared by the app suites in this folder. Copied next to a generated client (./client/) and
// compiled with it under strict flags: it is written as an app's own test helpers would be.
import { readFileSync } from "node:fs";
import { expect } from "vitest";

/** One row of the error-surface.json that `faultline generate` writes beside the client. */
export interface SurfaceRow {
  method: string;
  path: string;
  status: string;
  code: string;
  operation: string;
  category: string;
  recovery: string;
  idempotent: boolean;
}

export const MAX_RETRIES = 2;

export function surfaceOf(appUrl: string): SurfaceRow[] {
  const file = new URL("./client/error-surface.json", appUrl);
  return (JSON.parse(readFileSync(file, "utf8")) as { variants: SurfaceRow[] }).variants;
}

/** Virtual time: a retry's wait is recorded and skipped, so the suite never sleeps. */
export function fakeClock() {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        waits.push(ms);
        now += ms;
      },
    },
  };
}

interface SeenError {
  kind: string;
  status: number | undefined;
  statusKey: string | undefined;
  code: string | undefined;
  category: string;
  recovery: string;
  attempts: number;
  retryAfterMs: number | undefined;
  requestId: string | undefined;
  headers?: Readonly<Record<string, string>>;
}
type SeenResult = { ok: true; status: number; attempts: number } | { ok: false; error: SeenError };
export type AnyClient = Record<string, (input: unknown) => Promise<SeenResult>>;
type AnyMock = typeof fetch & { readonly calls: readonly { operation: string | undefined; method: string }[] };
type Clock = ReturnType<typeof fakeClock>["clock"];

/** Path parameters filled in, and an empty body where the method sends one: the mock does not check inputs. */
export function inputFor(row: { path: string; method: string }) {
  const params = [...row.path.matchAll(/\{([^}]+)\}/g)].map((m) => [m[1]!, "id_1"] as const);
  return { path: Object.fromEntries(params), ...(["POST", "PUT", "PATCH"].includes(row.method) ? { body: {} } : {}) };
}

/** Each documented (operation, status, code) through mockFetch: the Result must say what the spec says. */
export async function driveEveryDocumentedError(
  rows: SurfaceRow[],
  makeClient: (fetcher: typeof fetch, clock: Clock) => AnyClient,
  mock: (script: Record<string, unknown>) => AnyMock,
) {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const label = `${row.operation} ${row.status} ${row.code || "(no code)"}`;
    const status = /^\d+$/.test(row.status) ? Number(row.status) : row.status;
    const mocked = mock({ [row.operation]: [{ status, ...(row.code ? { code: row.code } : {}) }] });
    const { clock, waits } = fakeClock();
    const result = await makeClient(mocked, clock)[row.operation]!(inputFor(row));
    if (result.ok) throw new Error(`${label}: the client reported success`);
    const e = result.error;
    expect(
      { kind: e.kind, statusKey: e.statusKey, code: e.code, category: e.category, recovery: e.recovery },
      label,
    ).toEqual({
      kind: "http",
      statusKey: row.status,
      code: row.code || undefined,
      category: row.category,
      recovery: row.recovery,
    });
    if (typeof status === "number") expect(e.status, label).toBe(status);
    // The retry count as the server saw it: one request per attempt, all to this operation.
    expect(mocked.calls.length, label).toBe(e.attempts);
    expect(
      mocked.calls.every((c) => c.operation === row.operation && c.method === row.method),
      label,
    ).toBe(true);
    if (e.category !== "retryable") expect(e.attempts, label).toBe(1);
    else if (row.idempotent || row.status === "429") expect(e.attempts, label).toBe(MAX_RETRIES + 1);
    const retryAfter = e.headers?.["retry-after"];
    if (retryAfter !== undefined) {
      expect(e.retryAfterMs, label).toBe(Number(retryAfter) * 1000);
      expect(waits, label).toEqual(Array.from({ length: e.attempts - 1 }, () => Number(retryAfter) * 1000));
    }
    const requestIdHeader = ["x-request-id", "request-id"].find((h) => e.headers?.[h] !== undefined);
    if (requestIdHeader) expect(e.requestId, label).toBe(e.headers?.[requestIdHeader]);
  }
}

/** Below HTTP: an undocumented status, a dropped connection, a hung request, for every operation. */
export async function driveTransportFailures(
  rows: SurfaceRow[],
  makeClient: (fetcher: typeof fetch, clock: Clock) => AnyClient,
  mock: (script: Record<string, unknown>) => AnyMock,
) {
  const operations = new Map(rows.map((r) => [r.operation, r]));
  for (const [operation, row] of operations) {
    for (const reply of [{ status: "undocumented" }, "network", "timeout"] as const) {
      const mocked = mock({ [operation]: [reply] });
      const result = await makeClient(mocked, fakeClock().clock)[operation]!(inputFor(row));
      if (result.ok) throw new Error(`${operation} ${JSON.stringify(reply)}: the client reported success`);
      const kind = typeof reply === "string" ? reply : "http";
      expect(result.error.kind, `${operation} ${kind}`).toBe(kind);
      if (kind === "http") expect(result.error.statusKey).toBe("undocumented");
      expect(mocked.calls.length).toBe(result.error.attempts);
      if (row.idempotent && kind !== "http")
        expect(result.error.attempts, `${operation} ${kind}`).toBe(MAX_RETRIES + 1);
    }
  }
}
