// What the generated client does when one error variant happens, in words, for the reports. It
// mirrors the runtime (templates/runtime/send.ts.hbs and retry-timing.ts.hbs): only a retryable error
// on a replayable request is retried (idempotent, an idempotency-key header, a 429, or a
// not-processed response), under the policy defaults < api.retry < its byStatus < op.retry <
// its byStatus. Callers' client and call options can override that at run time; a report
// can only show what the spec and the defaults say.
import type { OperationIR, RetryAdviceIR, RetryPolicyFields } from "../ir.js";

/** Must equal DEFAULT_RETRY_POLICY in templates/runtime/retry-timing.ts.hbs (a test compares them). */
export const RUNTIME_DEFAULT_POLICY: Required<RetryPolicyFields> = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 30000,
  maxElapsedMs: 120000,
  maxRetryAfterMs: 60000,
  jitter: "full",
};

export interface RetryBehaviour {
  /** "by status" when the category itself is decided by the actual status at run time. */
  retried: "yes" | "no" | "by status";
  /** A few words: "2× · 0.5 s → 30 s · full jitter", or why it is not retried. */
  summary: string;
  /** One sentence with every number and where it came from. */
  detail: string;
}

interface RowFacts {
  category: string;
  /** Status key: "503", "5XX" or "default". */
  status: string;
  notProcessed: boolean;
  retryAfterHeader: boolean;
}

export function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${Number((ms / 1000).toFixed(1))} s`;
  return `${Number((ms / 60_000).toFixed(1))} min`;
}

function jitterText(jitter: RetryPolicyFields["jitter"]): string {
  if (typeof jitter === "number") return `±${Math.round(jitter * 100)}% jitter`;
  return jitter === "none" ? "no jitter" : `${jitter} jitter`;
}

/** byStatus entry that applies to a status key: exact first, then its range (as the runtime looks up). */
function forStatus(advice: RetryAdviceIR | undefined, key: string): RetryPolicyFields | undefined {
  const by = advice?.byStatus;
  if (!by || key === "default") return undefined;
  return by[key] ?? by[`${key[0]}XX`];
}

function resolve(
  apiRetry: RetryAdviceIR | undefined,
  op: OperationIR,
  key: string,
): { policy: Required<RetryPolicyFields>; sources: string[] } {
  const policy = { ...RUNTIME_DEFAULT_POLICY };
  const sources: string[] = [];
  const layers: [RetryPolicyFields | undefined, string][] = [
    [apiRetry, "API x-faultline-retry"],
    [forStatus(apiRetry, key), `API byStatus ${key}`],
    [op.retry, "operation x-faultline-retry"],
    [forStatus(op.retry, key), `operation byStatus ${key}`],
  ];
  for (const [layer, name] of layers) {
    if (!layer) continue;
    const set = (Object.keys(RUNTIME_DEFAULT_POLICY) as (keyof RetryPolicyFields)[]).filter(
      (k) => layer[k] !== undefined,
    );
    for (const k of set) Object.assign(policy, { [k]: layer[k] });
    if (set.length > 0) sources.push(name);
  }
  return { policy, sources: sources.length > 0 ? sources : ["runtime defaults"] };
}

function replayable(op: OperationIR, facts: RowFacts): boolean {
  return op.idempotent || op.idempotencyKeyHeader !== undefined || facts.status === "429" || facts.notProcessed;
}

export function retryBehaviour(apiRetry: RetryAdviceIR | undefined, op: OperationIR, facts: RowFacts): RetryBehaviour {
  const dynamic = facts.category === "by status";
  if (!dynamic && facts.category !== "retryable") {
    return {
      retried: "no",
      summary: "no retry",
      detail: `A ${facts.category} error is returned at once: retrying the same request cannot help.`,
    };
  }
  if (!replayable(op, facts)) {
    const why = `${op.method.toUpperCase()} is not idempotent and the server may have acted on the request`;
    return {
      retried: "no",
      summary: "no retry · not idempotent",
      detail: `Not retried: ${why}. Declare an Idempotency-Key header, or x-faultline-not-processed on this response, to allow it.`,
    };
  }
  const { policy, sources } = resolve(apiRetry, op, facts.status);
  const from = `Policy from ${sources.join(", ")}.`;
  if (policy.maxRetries === 0)
    return { retried: "no", summary: "no retry · maxRetries 0", detail: `maxRetries is 0. ${from}` };
  const count = `${policy.maxRetries}×`;
  const summary = `${count} · ${duration(policy.baseDelayMs)} → ${duration(policy.maxDelayMs)} · ${jitterText(policy.jitter)}`;
  const waits =
    facts.retryAfterHeader || facts.status === "429"
      ? ` A server-requested wait (Retry-After) is honoured up to ${duration(policy.maxRetryAfterMs)}.`
      : "";
  const detail =
    `${dynamic ? "If the actual status is retryable: up" : "Up"} to ${policy.maxRetries} ${policy.maxRetries === 1 ? "retry" : "retries"}, backoff from ${duration(policy.baseDelayMs)} doubling to at most ${duration(policy.maxDelayMs)}, ${jitterText(policy.jitter)}, ` +
    `retries and waits within ${duration(policy.maxElapsedMs)} of the call's start.${waits} ${from}`;
  return { retried: dynamic ? "by status" : "yes", summary: dynamic ? `if retryable: ${summary}` : summary, detail };
}

/** The operation's idempotency in words: why a failed attempt may (not) be replayed. */
export function idempotencyText(op: OperationIR): string {
  if (op.idempotencyKeyHeader) return `idempotency key (${op.idempotencyKeyHeader})`;
  const how = op.idempotentSource === "x-faultline-idempotent" ? "x-faultline-idempotent" : op.method.toUpperCase();
  return `${op.idempotent ? "idempotent" : "not idempotent"} (${how})`;
}
