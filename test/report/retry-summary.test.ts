// The Retry column must say what the generated client does. These rows mirror the runtime's
// rules (send.ts: which errors are replayed; retry-timing.ts: how policy layers combine).
import { describe, expect, it } from "vitest";
import type { OperationIR, RetryAdviceIR } from "../../src/ir.js";
import { RUNTIME_DEFAULT_POLICY, duration, idempotencyText, retryBehaviour } from "../../src/report/retry-summary.js";
import { loadRuntime } from "../runtime/render.js";

function operation(method: OperationIR["method"], extra: Partial<OperationIR> = {}): OperationIR {
  const idempotent = !["post", "patch"].includes(method);
  return {
    name: "op",
    method,
    path: "/x",
    pointer: "/paths/~1x/get",
    deprecated: false,
    tags: [],
    parameters: [],
    successes: [],
    errors: [],
    idempotent,
    idempotentSource: "method",
    ...extra,
  };
}

const facts = (
  category: string,
  status: string,
  extra: { notProcessed?: boolean; retryAfterHeader?: boolean } = {},
) => ({ category, status, notProcessed: false, retryAfterHeader: false, ...extra });

const api: RetryAdviceIR = { maxRetries: 4, baseDelayMs: 1000, byStatus: { "5XX": { maxDelayMs: 8000 } } };

const CASES: [string, RetryAdviceIR | undefined, OperationIR, ReturnType<typeof facts>, string, string][] = [
  [
    "terminal errors",
    undefined,
    operation("get"),
    facts("terminal", "404"),
    "no retry",
    "A terminal error is returned at once",
  ],
  ["billing errors", undefined, operation("get"), facts("billing", "402"), "no retry", "A billing error"],
  [
    "runtime defaults",
    undefined,
    operation("get"),
    facts("retryable", "503"),
    "2× · 500 ms → 30 s · full jitter",
    "Policy from runtime defaults.",
  ],
  [
    "a POST that may have acted",
    undefined,
    operation("post"),
    facts("retryable", "503"),
    "no retry · not idempotent",
    "POST is not idempotent",
  ],
  [
    "a POST with an idempotency key",
    undefined,
    operation("post", { idempotencyKeyHeader: "Idempotency-Key" }),
    facts("retryable", "503"),
    "2× · 500 ms → 30 s · full jitter",
    "Up to 2 retries",
  ],
  [
    "a POST answered 429",
    undefined,
    operation("post"),
    facts("retryable", "429"),
    "2× · 500 ms → 30 s · full jitter",
    "Retry-After) is honoured up to 60 s",
  ],
  [
    "a not-processed POST",
    undefined,
    operation("post"),
    facts("retryable", "503", { notProcessed: true }),
    "2× · 500 ms → 30 s · full jitter",
    "Policy from runtime defaults.",
  ],
  [
    "API advice and its range entry",
    api,
    operation("get"),
    facts("retryable", "502"),
    "4× · 1 s → 8 s · full jitter",
    "Policy from API x-faultline-retry, API byStatus 502.",
  ],
  [
    "operation advice over API advice",
    api,
    operation("get", { retry: { jitter: 0.1, byStatus: { "503": { maxRetries: 1 } } } }),
    facts("retryable", "503"),
    "1× · 1 s → 8 s · ±10% jitter",
    "operation x-faultline-retry, operation byStatus 503.",
  ],
  [
    "a 4XX key with API advice",
    api,
    operation("get"),
    facts("retryable", "4XX"),
    "4× · 1 s → 30 s · full jitter",
    "Policy from API x-faultline-retry.",
  ],
  [
    "a range classified at run time",
    undefined,
    operation("get"),
    facts("by status", "5XX"),
    "if retryable: 2× · 500 ms → 30 s · full jitter",
    "If the actual status is retryable",
  ],
  [
    "maxRetries 0",
    { maxRetries: 0 },
    operation("get"),
    facts("retryable", "500"),
    "no retry · maxRetries 0",
    "maxRetries is 0",
  ],
  [
    "a Retry-After header",
    undefined,
    operation("get"),
    facts("retryable", "503", { retryAfterHeader: true }),
    "2× · 500 ms → 30 s · full jitter",
    "honoured up to 60 s",
  ],
];

describe("retryBehaviour", () => {
  it.each(CASES)("%s", (_name, apiRetry, op, rowFacts, summary, detail) => {
    const behaviour = retryBehaviour(apiRetry, op, rowFacts);
    expect(behaviour.summary).toBe(summary);
    expect(behaviour.detail).toContain(detail);
    expect(behaviour.retried).toBe(
      summary === "no retry" || summary.startsWith("no retry")
        ? "no"
        : rowFacts.category === "by status"
          ? "by status"
          : "yes",
    );
  });

  it("uses the same defaults as the runtime", async () => {
    const runtime = await loadRuntime();
    expect(RUNTIME_DEFAULT_POLICY).toEqual({ ...runtime.DEFAULT_RETRY_POLICY });
  });
});

describe("idempotencyText and duration", () => {
  it.each([
    [operation("get"), "idempotent (GET)"],
    [operation("post"), "not idempotent (POST)"],
    [
      operation("post", { idempotent: true, idempotentSource: "x-faultline-idempotent" }),
      "idempotent (x-faultline-idempotent)",
    ],
    [operation("post", { idempotencyKeyHeader: "Idempotency-Key" }), "idempotency key (Idempotency-Key)"],
  ])("%#: %s", (op, text) => expect(idempotencyText(op)).toBe(text));

  it.each([
    [250, "250 ms"],
    [1500, "1.5 s"],
    [60000, "60 s"],
    [120000, "2 min"],
    [90 * 60000, "90 min"],
  ])("%i ms reads %s", (ms, text) => expect(duration(ms)).toBe(text));
});
