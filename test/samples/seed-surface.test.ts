// The sample specs are faithful to the seed error pages they were written from: every status and
// code a page names is in the error surface faultline derives (the same rows as
// docs/error-surface.md), with the category and recovery the page's own words imply.
// Each row below quotes or paraphrases its page; when a spec or the classifier drifts from the
// page, the row that no longer holds says which statement broke.
import { describe, expect, it } from "vitest";
import type { SurfaceRow } from "../../src/report/error-surface.js";
import { reportRows } from "../../src/cli/report-command.js";

interface Statement {
  /** What the page says, shortened. */
  says: string;
  /** Operation name; when absent, every operation that documents the status. */
  operation?: string;
  status: string;
  /** "" for the status-level variant (no code, or a body that is not the JSON envelope). */
  code: string;
  category: "retryable" | "terminal" | "billing";
  recovery?: string;
}

const SEEDS: Record<string, Statement[]> = {
  "specs/tickets.yaml": [
    {
      says: "400 invalid JSON or Zod validation: fix the request",
      status: "400",
      code: "",
      category: "terminal",
      recovery: "fix-request",
    },
    {
      says: "planned envelope: validation_error",
      status: "400",
      code: "validation_error",
      category: "terminal",
      recovery: "fix-request",
    },
    {
      says: "401 missing or revoked key: don't retry",
      status: "401",
      code: "",
      category: "terminal",
      recovery: "reauthenticate",
    },
    {
      says: "404: check the id belongs to the workspace",
      status: "404",
      code: "",
      category: "terminal",
      recovery: "check-resource",
    },
    {
      says: "409 merged ticket: refresh and retry",
      status: "409",
      code: "",
      category: "terminal",
      recovery: "refresh-and-retry",
    },
    { says: "429: honour Retry-After", status: "429", code: "", category: "retryable", recovery: "wait-and-retry" },
    {
      says: "500: safe to retry with backoff",
      status: "500",
      code: "",
      category: "retryable",
      recovery: "retry-with-backoff",
    },
  ],
  "specs/cases.yaml": [
    {
      says: "401 UNAUTHORIZED: missing x-api-key",
      status: "401",
      code: "UNAUTHORIZED",
      category: "terminal",
      recovery: "reauthenticate",
    },
    {
      says: "403 FORBIDDEN: key not active, or another user's case",
      status: "403",
      code: "FORBIDDEN",
      category: "terminal",
    },
    {
      says: "400 INVALID_REQUEST: malformed JSON or schema failure",
      operation: "createCase",
      status: "400",
      code: "INVALID_REQUEST",
      category: "terminal",
      recovery: "fix-request",
    },
    {
      says: "404 CASE_NOT_FOUND",
      operation: "getCase",
      status: "404",
      code: "CASE_NOT_FOUND",
      category: "terminal",
      recovery: "check-resource",
    },
    {
      says: "404 ATTACHMENT_NOT_FOUND",
      operation: "getCaseAttachment",
      status: "404",
      code: "ATTACHMENT_NOT_FOUND",
      category: "terminal",
      recovery: "check-resource",
    },
    {
      says: "409 CASE_NOT_WAITING_FOR_INPUT",
      operation: "submitCaseInput",
      status: "409",
      code: "CASE_NOT_WAITING_FOR_INPUT",
      category: "terminal",
    },
    {
      says: "409 INPUT_REQUEST_NOT_PENDING",
      operation: "submitCaseInput",
      status: "409",
      code: "INPUT_REQUEST_NOT_PENDING",
      category: "terminal",
    },
    {
      says: "409 INPUT_REQUEST_MISMATCH",
      operation: "submitCaseInput",
      status: "409",
      code: "INPUT_REQUEST_MISMATCH",
      category: "terminal",
    },
    {
      says: "429 USAGE_LIMIT_REACHED: the billing month's plan cap, not a rate limit",
      operation: "createCase",
      status: "429",
      code: "USAGE_LIMIT_REACHED",
      category: "billing",
      recovery: "upgrade-plan",
    },
    {
      says: "429 from API Gateway throttling, not the JSON envelope",
      operation: "createCase",
      status: "429",
      code: "",
      category: "retryable",
      recovery: "wait-and-retry",
    },
    {
      says: "500 INTERNAL_ERROR when persistence or queueing fails",
      operation: "createCase",
      status: "500",
      code: "INTERNAL_ERROR",
      category: "retryable",
    },
    {
      says: "500 INTERNAL_ERROR when queueing the input fails",
      operation: "submitCaseInput",
      status: "500",
      code: "INTERNAL_ERROR",
      category: "retryable",
    },
    {
      says: "500 INTERNAL_ERROR when the attachment lookup fails",
      operation: "getCaseAttachment",
      status: "500",
      code: "INTERNAL_ERROR",
      category: "retryable",
    },
    {
      says: "GET /cases/{id}: a generic 500 on transcript-fetch failure",
      operation: "getCase",
      status: "500",
      code: "",
      category: "retryable",
    },
  ],
  "specs/bots.yaml": [
    {
      says: "400 VALIDATION_ERROR: fix the request",
      status: "400",
      code: "VALIDATION_ERROR",
      category: "terminal",
      recovery: "fix-request",
    },
    {
      says: "401 UNAUTHENTICATED",
      status: "401",
      code: "UNAUTHENTICATED",
      category: "terminal",
      recovery: "reauthenticate",
    },
    {
      says: "402 PLAN_LIMIT_REACHED: an upgrade nudge, not a retry",
      status: "402",
      code: "PLAN_LIMIT_REACHED",
      category: "billing",
      recovery: "upgrade-plan",
    },
    { says: "403 FORBIDDEN: lacks access", status: "403", code: "FORBIDDEN", category: "terminal" },
    { says: "403 NO_AGENCY", status: "403", code: "NO_AGENCY", category: "terminal" },
    {
      says: "404 NOT_FOUND",
      operation: "getBot",
      status: "404",
      code: "NOT_FOUND",
      category: "terminal",
      recovery: "check-resource",
    },
    {
      says: "409 CONFLICT: a second bot for the same clientUrl",
      operation: "createBot",
      status: "409",
      code: "CONFLICT",
      category: "terminal",
    },
    {
      says: "429 RATE_LIMITED: wait Retry-After, retry once",
      status: "429",
      code: "RATE_LIMITED",
      category: "retryable",
      recovery: "wait-and-retry",
    },
    {
      says: "500 INTERNAL_ERROR: retry with exponential backoff",
      status: "500",
      code: "INTERNAL_ERROR",
      category: "retryable",
    },
    { says: "503 TEMPORAL_UNAVAILABLE", status: "503", code: "TEMPORAL_UNAVAILABLE", category: "retryable" },
    { says: "503 UPSTREAM_UNAVAILABLE", status: "503", code: "UPSTREAM_UNAVAILABLE", category: "retryable" },
  ],
  "specs/inbox.yaml": [
    {
      says: "400: invalid payload or invitation token",
      status: "400",
      code: "",
      category: "terminal",
      recovery: "fix-request",
    },
    {
      says: "401: missing or invalid API key, expired OIDC token",
      status: "401",
      code: "",
      category: "terminal",
      recovery: "reauthenticate",
    },
    {
      says: "402 max inboxes: upgrade the plan",
      operation: "createInbox",
      status: "402",
      code: "",
      category: "billing",
    },
    {
      says: "402 items per month: upgrade or wait for the next billing period",
      operation: "createInboxItem",
      status: "402",
      code: "",
      category: "billing",
    },
    { says: "403: sender not allowed, permission denied", status: "403", code: "", category: "terminal" },
    {
      says: "404: no resource for that id in your tenant",
      status: "404",
      code: "",
      category: "terminal",
      recovery: "check-resource",
    },
    { says: "409: slug taken, job not cancellable, duplicate invite", status: "409", code: "", category: "terminal" },
    {
      says: "413: body or upload over the size limit",
      status: "413",
      code: "",
      category: "terminal",
      recovery: "fix-request",
    },
    {
      says: "422: request body failed schema validation",
      status: "422",
      code: "",
      category: "terminal",
      recovery: "fix-request",
    },
    {
      says: "429: back off and retry, Retry-After if present",
      status: "429",
      code: "",
      category: "retryable",
      recovery: "wait-and-retry",
    },
    { says: "500: retry with backoff", status: "500", code: "", category: "retryable" },
  ],
  "specs/prompts.yaml": [
    {
      says: "400 INVALID_PARAM: fix the request shape",
      status: "400",
      code: "INVALID_PARAM",
      category: "terminal",
      recovery: "fix-request",
    },
    {
      says: "401 UNAUTHORIZED: set a valid Bearer token",
      status: "401",
      code: "UNAUTHORIZED",
      category: "terminal",
      recovery: "reauthenticate",
    },
    { says: "402 DISPUTED: resolve the chargeback dispute", status: "402", code: "DISPUTED", category: "billing" },
    {
      says: "402 PAST_DUE: update the payment method",
      status: "402",
      code: "PAST_DUE",
      category: "billing",
      recovery: "update-payment",
    },
    {
      says: "403 API_NOT_ALLOWED: Free tier, upgrade to Solo",
      status: "403",
      code: "API_NOT_ALLOWED",
      category: "billing",
      recovery: "upgrade-plan",
    },
    {
      says: "404 NOT_FOUND: verify the id",
      status: "404",
      code: "NOT_FOUND",
      category: "terminal",
      recovery: "check-resource",
    },
    {
      says: "429 RATE_LIMITED: back off per Retry-After",
      status: "429",
      code: "RATE_LIMITED",
      category: "retryable",
      recovery: "wait-and-retry",
    },
    {
      says: "500 INTERNAL_ERROR: log x-request-id and contact support; 5xx retried up to 3 times",
      status: "500",
      code: "INTERNAL_ERROR",
      category: "retryable",
      recovery: "contact-support",
    },
  ],
};

describe.each(Object.entries(SEEDS))("%s says", (spec, statements) => {
  let rows: SurfaceRow[];
  const matching = (s: Statement) =>
    rows.filter(
      (r) => r.status === s.status && r.code === s.code && (s.operation === undefined || r.operation === s.operation),
    );

  it.each(statements.map((s) => [s.says, s] as const))("%s", async (_says, statement) => {
    rows ??= await reportRows([spec], false);
    const found = matching(statement);
    expect(
      found.length,
      `no ${statement.status} ${statement.code || "(no code)"} row${statement.operation ? ` on ${statement.operation}` : ""}`,
    ).toBeGreaterThan(0);
    for (const row of found) {
      const where = `${row.operation} ${row.status} ${row.code}`;
      expect(row.category, where).toBe(statement.category);
      if (statement.recovery) expect(row.recovery, where).toBe(statement.recovery);
    }
  });
});
