// Retry timing from every source a server uses, one table row per source, plus properties of the
// parsers: they never throw, never give a negative or non-finite wait, and the wait actually
// taken never exceeds the caps.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuntime, type Runtime } from "./render.js";

let rt: Runtime;
beforeAll(async () => {
  rt = await loadRuntime();
});

const NOW = 1_700_000_000_000; // Tue, 14 Nov 2023 22:13:20 GMT
const op = { id: "op", method: "GET", path: "/x", idempotent: true, errors: {} };
const norm = (status: number, headers: Record<string, string>, body: unknown = {}) =>
  rt.normalizeHttpError({
    status,
    headers: { "content-type": "application/json", ...headers },
    bodyText: JSON.stringify(body),
    op,
    api: { codes: {} },
    attempts: 1,
    nowMs: NOW,
  });

describe("header sources (parseRetryAfter)", () => {
  it.each([
    ["retry-after-ms", { "retry-after-ms": "1500" }, 1500],
    ["retry-after-ms beats Retry-After", { "retry-after-ms": "250", "retry-after": "9" }, 250],
    ["Retry-After seconds", { "retry-after": "7" }, 7000],
    ["Retry-After HTTP-date", { "retry-after": "Tue, 14 Nov 2023 22:13:50 GMT" }, 30000],
    ["Retry-After past date is 0", { "retry-after": "Tue, 14 Nov 2023 22:00:00 GMT" }, 0],
    ["duplicated Retry-After: the first valid value", { "retry-after": "1, 1" }, 1000],
    ["duplicated retry-after-ms", { "retry-after-ms": "300, 300" }, 300],
    ["Retry-After garbage then a number", { "retry-after": "soon, 2" }, 2000],
    ["IETF structured RateLimit r=0;t=30", { ratelimit: '"default";r=0;t=30' }, 30000],
    ["IETF older combined field", { ratelimit: "limit=100, remaining=0, reset=12" }, 12000],
    [
      "IETF RateLimit-Remaining 0 + RateLimit-Reset delta",
      { "ratelimit-remaining": "0", "ratelimit-reset": "20" },
      20000,
    ],
    ["X-RateLimit-Reset epoch seconds", { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000045" }, 45000],
    ["X-RateLimit-Reset epoch ms", { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000005000" }, 5000],
    ["X-RateLimit-Reset delta seconds", { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "3" }, 3000],
    [
      "X-RateLimit-Reset Go duration, per-kind suffix",
      {
        "x-ratelimit-remaining-tokens": "0",
        "x-ratelimit-reset-tokens": "6m0s",
        "x-ratelimit-remaining-requests": "5",
        "x-ratelimit-reset-requests": "1s",
      },
      360000,
    ],
    ["Go durations 1.5s and 250ms", { "x-rate-limit-remaining": "0", "x-rate-limit-reset": "1.5s" }, 1500],
  ])("%s", (_name, headers, want) => {
    expect(rt.parseRetryAfter(headers, NOW)).toBe(want);
  });

  it.each([
    ["a remaining above 0 asks for no wait", { "x-ratelimit-remaining": "3", "x-ratelimit-reset": "1700000045" }],
    ["IETF r above 0", { ratelimit: '"default";r=5;t=30' }],
    ["garbage", { "retry-after": "soon", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "later" }],
  ])("%s: undefined", (_name, headers) => {
    expect(rt.parseRetryAfter(headers, NOW)).toBeUndefined();
  });
});

describe("body sources", () => {
  it.each([
    ["retry_after seconds (Discord)", { message: "You are being rate limited.", retry_after: 6.5 }, 6500],
    ["retry_after_ms", { error: { message: "slow", retry_after_ms: 1200 } }, 1200],
    [
      "google.rpc RetryInfo.retryDelay",
      {
        error: {
          code: 429,
          status: "RESOURCE_EXHAUSTED",
          details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "30s" }],
        },
      },
      30000,
    ],
  ])("%s", (_name, body, want) => {
    expect(norm(429, {}, body).retryAfterMs).toBe(want);
  });

  it("a header beats the body", () => {
    expect(norm(429, { "retry-after": "2" }, { retry_after: 50 }).retryAfterMs).toBe(2000);
  });
});

describe("the wait taken (nextWait)", () => {
  const policy = {
    ...({} as object),
    maxRetries: 2,
    baseDelayMs: 500,
    maxDelayMs: 30000,
    maxElapsedMs: 120000,
    maxRetryAfterMs: 60000,
    jitter: "full",
  };
  it("Retry-After: 0 or a past date still waits the backoff, never 0", () => {
    expect(rt.nextWait(0, 0, policy, () => 0.5)).toBe(250);
  });
  it("a delay above maxRetryAfterMs is handed back (undefined), one at the cap is waited", () => {
    expect(rt.nextWait(60001, 0, policy, () => 0.5)).toBeUndefined();
    expect(rt.nextWait(60000, 0, policy, () => 0.5)).toBe(60000);
  });
});

describe("rate-limit state", () => {
  it("reads X-RateLimit-* and the IETF policy", () => {
    expect(
      rt.rateLimitState(
        {
          "x-ratelimit-limit": "60",
          "x-ratelimit-remaining": "59",
          "x-ratelimit-reset": "1700000060",
          "ratelimit-policy": '"default";q=60;w=60',
        },
        NOW,
      ),
    ).toEqual({
      limit: 60,
      remaining: 59,
      resetMs: 60000,
      policy: '"default";q=60;w=60',
    });
  });
  it("reads the structured IETF field", () => {
    expect(rt.rateLimitState({ ratelimit: '"default";q=100;r=40;t=10' }, NOW)).toEqual({
      limit: 100,
      remaining: 40,
      resetMs: 10000,
    });
  });
  it("is undefined without rate-limit headers", () => {
    expect(rt.rateLimitState({ "content-type": "application/json" }, NOW)).toBeUndefined();
  });
});

describe("properties", () => {
  const value = fc.oneof(
    fc.string(),
    fc.constantFrom(
      "0",
      "-1",
      "1e400",
      "9".repeat(400),
      "9".repeat(400) + "h",
      "NaN",
      "Infinity",
      "1, 1",
      ", ,",
      "6m0s",
      "1h",
      "99999999999999999999",
      "Tue, 14 Nov 2023 22:13:50 GMT",
      '"a";r=0;t=1e9',
    ),
    fc.double().map(String),
    fc.integer({ min: -1e13, max: 1e13 }).map(String),
  );
  const name = fc.constantFrom(
    "retry-after",
    "retry-after-ms",
    "ratelimit",
    "ratelimit-remaining",
    "ratelimit-reset",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "x-ratelimit-remaining-tokens",
    "x-ratelimit-reset-tokens",
    "x-ratelimit-limit",
    "ratelimit-policy",
  );
  const headers = fc.dictionary(name, value, { maxKeys: 6 });
  const okWait = (w: unknown) => w === undefined || (typeof w === "number" && Number.isFinite(w) && w >= 0);

  it("parseRetryAfter and durationMs never throw, never negative, never non-finite", () => {
    fc.assert(
      fc.property(headers, fc.integer({ min: 0, max: 4102444800000 }), (h, now) => {
        expect(okWait(rt.parseRetryAfter(h, now))).toBe(true);
        for (const v of Object.values(h)) {
          const d = rt.durationMs(v);
          expect(okWait(d)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("rateLimitState never throws; its numbers are never negative", () => {
    fc.assert(
      fc.property(headers, (h) => {
        const s = rt.rateLimitState(h, NOW);
        for (const k of ["limit", "remaining", "resetMs"]) expect(s?.[k] === undefined || s[k] >= 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("the wait taken is never past the caps", () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: 0, max: 1e15, noNaN: true }), { nil: undefined }),
        fc.integer({ min: 0, max: 10 }),
        fc.record({
          maxRetryAfterMs: fc.integer({ min: 0, max: 1e6 }),
          maxDelayMs: fc.integer({ min: 0, max: 1e6 }),
          baseDelayMs: fc.integer({ min: 0, max: 1e5 }),
        }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (server, retry, caps, r) => {
          const w = rt.nextWait(
            server,
            retry,
            { maxRetries: 2, maxElapsedMs: 120000, jitter: "full", ...caps },
            () => r,
          );
          expect(okWait(w)).toBe(true);
          if (w !== undefined) expect(w).toBeLessThanOrEqual(Math.max(caps.maxRetryAfterMs, caps.maxDelayMs));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
