// The documented precedence, one row per layer: call options > config > the server's word > the
// spec > the vocabulary > status defaults; `reason` names the layer that decided. Also the status
// table generator and runtime share, and the body-reading rules.
import { beforeAll, describe, expect, it } from "vitest";
import { categoryForStatus, recoveryForStatus } from "../../src/normalize/status-defaults.js";
import { loadRuntime, type Runtime } from "./render.js";

let rt: Runtime;
beforeAll(async () => {
  rt = await loadRuntime();
});

const NOW = 1_700_000_000_000;
const billing = { category: "billing", recovery: "upgrade-plan" };
const baseOp = { id: "op", method: "GET", path: "/x", idempotent: true, errors: {} as Record<string, object> };
function norm(
  status: number,
  body: unknown,
  o: { headers?: Record<string, string>; op?: object; api?: object; call?: object; client?: object } = {},
) {
  return rt.normalizeHttpError({
    status,
    headers: { "content-type": "application/json", ...o.headers },
    bodyText: typeof body === "string" ? body : JSON.stringify(body),
    op: { ...baseOp, ...o.op },
    api: { codes: {}, ...o.api },
    attempts: 1,
    nowMs: NOW,
    call: o.call,
    client: o.client,
  });
}
const verdict = (e: { category: string; recovery: string; reason: string }) => [e.category, e.recovery, e.reason];

describe("precedence", () => {
  const quota = { error: { code: "insufficient_quota", message: "You exceeded your current quota" } };
  it("vocabulary: an unlisted billing code on a 429 is billing, not a rate limit", () => {
    expect(verdict(norm(429, quota))).toEqual(["billing", "upgrade-plan", "vocabulary"]);
  });
  it("config codes reach the runtime: they apply to a code the spec never enumerates", () => {
    const api = { config: { codes: { insufficient_quota: { category: "terminal", recovery: "contact-support" } } } };
    expect(verdict(norm(429, quota, { api }))).toEqual(["terminal", "contact-support", "config"]);
    const op = { config: { codes: { insufficient_quota: billing } } };
    expect(verdict(norm(400, quota, { op }))).toEqual(["billing", "upgrade-plan", "config"]);
  });
  it("client options, then call options, beat the generated config", () => {
    const api = { config: { codes: { insufficient_quota: billing } } };
    const client = { codes: { insufficient_quota: { category: "terminal", recovery: "fix-request" } } };
    expect(verdict(norm(429, quota, { api, client }))).toEqual(["terminal", "fix-request", "config"]);
    const call = { status: { "4XX": { category: "retryable", recovery: "wait-and-retry" } } };
    expect(verdict(norm(429, quota, { api, client, call }))).toEqual(["retryable", "wait-and-retry", "call"]);
  });
  it("the server's should-retry word beats the spec and the status", () => {
    const op = { errors: { "409": { category: "terminal", recovery: "refresh-and-retry", by: "spec" } } };
    expect(verdict(norm(409, {}, { op, headers: { "Stripe-Should-Retry": "true" } }))).toEqual([
      "retryable",
      "retry-with-backoff",
      "server",
    ]);
    expect(verdict(norm(503, {}, { headers: { "x-should-retry": "false" } }))).toEqual([
      "terminal",
      "contact-support",
      "server",
    ]);
    expect(verdict(norm(500, {}, { headers: { "x-should-retry": "true" } }))).toEqual([
      "retryable",
      "retry-with-backoff",
      "server",
    ]);
  });
  it("a rate limit in disguise: a 403 with an exhausted limit or a delay is a rate limit", () => {
    const headers = { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000030" };
    expect([
      ...verdict(norm(403, { message: "API rate limit exceeded" }, { headers })),
      norm(403, {}, { headers }).retryAfterMs,
    ]).toEqual(["retryable", "wait-and-retry", "server", 30000]);
    expect(verdict(norm(403, {}, { headers: { "retry-after": "60" } }))).toEqual([
      "retryable",
      "wait-and-retry",
      "server",
    ]);
    expect(
      verdict(norm(403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes." })),
    ).toEqual(["retryable", "wait-and-retry", "vocabulary"]);
    expect(verdict(norm(403, { message: "Must have admin rights to Repository." }))).toEqual([
      "terminal",
      "check-permissions",
      "status",
    ]);
    expect(
      verdict(
        norm(429, {
          error: {
            code: 429,
            status: "RESOURCE_EXHAUSTED",
            message: "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute'",
          },
        }),
      ),
    ).toEqual(["retryable", "wait-and-retry", "vocabulary"]);
  });
  it("a 429 whose words say quota but which says when to retry is a rate limit; a 402 plan block with a delay stays billing", () => {
    const problem = {
      type: "https://iana.org/assignments/http-problem-types#quota-exceeded",
      title: "Request cannot be satisfied as assigned quota has been exceeded",
    };
    expect(
      verdict(
        norm(429, problem, { headers: { "content-type": "application/problem+json", ratelimit: '"default";r=0;t=5' } }),
      ),
    ).toEqual(["retryable", "wait-and-retry", "server"]);
    expect(verdict(norm(429, { error: { code: "insufficient_quota" } }))).toEqual([
      "billing",
      "upgrade-plan",
      "vocabulary",
    ]);
    expect(verdict(norm(402, { error: { code: "PLAN_LIMIT_REACHED" } }, { headers: { "retry-after": "5" } }))).toEqual([
      "billing",
      "upgrade-plan",
      "vocabulary",
    ]);
  });
  it("auth words: a key or token invalid, expired or revoked, a login required", () => {
    for (const code of [
      "API_KEY_INVALID",
      "ITEM_LOGIN_REQUIRED",
      "token_revoked",
      "invalid_api_key",
      "bad_credentials",
    ]) {
      expect([code, ...verdict(norm(400, { error: { code } }))]).toEqual([
        code,
        "terminal",
        "reauthenticate",
        "vocabulary",
      ]);
    }
  });
  it("the spec's own verdict (x-faultline-*) beats the vocabulary; a status-default rule does not", () => {
    const spec = { errors: { "429": { category: "retryable", recovery: "wait-and-retry", by: "spec" } } };
    expect(verdict(norm(429, quota, { op: spec }))).toEqual(["retryable", "wait-and-retry", "spec"]);
    const plain = { errors: { "429": { category: "retryable", recovery: "wait-and-retry" } } };
    expect(verdict(norm(429, quota, { op: plain }))).toEqual(["billing", "upgrade-plan", "vocabulary"]);
  });
  it("money words told apart: the payer's card, the account's payment, a bare 402", () => {
    expect(
      verdict(norm(402, { error: { type: "card_error", code: "card_declined", message: "Your card was declined." } })),
    ).toEqual(["terminal", "use-another-payment-method", "vocabulary"]);
    expect(verdict(norm(402, { error: { code: "expired_card" } }))).toEqual([
      "terminal",
      "use-another-payment-method",
      "vocabulary",
    ]);
    expect(
      verdict(
        norm(403, {
          error: {
            status: "PERMISSION_DENIED",
            details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "BILLING_DISABLED" }],
          },
        }),
      ),
    ).toEqual(["billing", "update-payment", "vocabulary"]);
    expect(verdict(norm(402, { error: { code: "account_past_due" } }))).toEqual([
      "billing",
      "update-payment",
      "vocabulary",
    ]);
    expect(verdict(norm(402, "Payment Required"))).toEqual(["billing", "upgrade-plan", "status"]);
    expect(
      verdict(
        norm(400, {
          error: {
            type: "invalid_request_error",
            message: "Your credit balance is too low to access the Anthropic API.",
          },
        }),
      ),
    ).toEqual(["billing", "upgrade-plan", "vocabulary"]);
    expect(verdict(norm(400, { error: { code: "parameter_invalid", message: "Invalid billing address" } }))).toEqual([
      "terminal",
      "fix-request",
      "status",
    ]);
  });
  it("transport errors say so", async () => {
    const ctx = rt.createContext({ baseUrl: "http://127.0.0.1:9", retry: { maxRetries: 0 } }, { codes: {} });
    const r = await rt.send(ctx, baseOp);
    expect(r.error.reason).toBe("transport");
  });
});

describe("status defaults: one table for generator and runtime", () => {
  it.each([[520], [521], [522], [523], [524], [525], [526], [529]])("unknown 5xx %i is retryable", (status) => {
    expect(verdict(norm(status, "<html><title>Error</title></html>"))).toEqual([
      "retryable",
      "retry-with-backoff",
      "status",
    ]);
  });
  it.each([[501], [505]])("%i never heals: terminal", (status) => {
    expect(verdict(norm(status, ""))).toEqual(["terminal", "contact-support", "status"]);
  });
  it("every status from 400 to 599 gets the same verdict from both", () => {
    for (let status = 400; status < 600; status++) {
      // A body whose words the vocabulary ignores, so the status alone decides.
      const e = norm(status, "");
      expect([status, e.category, e.recovery]).toEqual([status, categoryForStatus(status), recoveryForStatus(status)]);
    }
  });
});

describe("body reading", () => {
  it("the top-level message beats errors[0].message; errors[0].code is still the code", () => {
    const e = norm(422, {
      message: "Validation Failed",
      errors: [{ resource: "Issue", field: "title", code: "missing_field", message: "title is missing" }],
    });
    expect([e.message, e.rawCode]).toEqual(["Validation Failed", "missing_field"]);
  });
  it("google's status is a code, and ErrorInfo.reason a more specific one", () => {
    expect(norm(404, { error: { code: 404, message: "nope", status: "NOT_FOUND" } }).rawCode).toBe("NOT_FOUND");
    expect(
      norm(429, {
        error: {
          code: 429,
          status: "RESOURCE_EXHAUSTED",
          details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "RATE_LIMIT_EXCEEDED" }],
        },
      }).rawCode,
    ).toBe("RATE_LIMIT_EXCEEDED");
  });
  it("an error name is a code (Resend); Stripe's code beats its type; Anthropic's type is its code", () => {
    expect(norm(422, { statusCode: 422, name: "validation_error", message: "Invalid `to` field." }).rawCode).toBe(
      "validation_error",
    );
    expect(norm(402, { error: { type: "card_error", code: "card_declined" } }).rawCode).toBe("card_declined");
    expect(norm(529, { type: "error", error: { type: "overloaded_error", message: "Overloaded" } }).rawCode).toBe(
      "overloaded_error",
    );
  });
  it("a specific issue in details[0] beats a generic error name (PayPal)", () => {
    const e = norm(422, {
      name: "UNPROCESSABLE_ENTITY",
      details: [{ issue: "INSTRUMENT_DECLINED", description: "The instrument presented was declined." }],
      message: "The requested action could not be performed.",
    });
    expect([e.rawCode, ...verdict(e)]).toEqual([
      "INSTRUMENT_DECLINED",
      "terminal",
      "use-another-payment-method",
      "vocabulary",
    ]);
  });
  it("problem+json type is a code", () => {
    const e = rt.normalizeHttpError({
      status: 403,
      headers: { "content-type": "application/problem+json" },
      bodyText: JSON.stringify({ type: "https://example.com/probs/forbidden-scope", title: "Forbidden" }),
      op: baseOp,
      api: { codes: {} },
      attempts: 1,
    });
    expect(e.rawCode).toBe("forbidden-scope");
  });
});
