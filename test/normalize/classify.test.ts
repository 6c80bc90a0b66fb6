import { describe, expect, it } from "vitest";
import { parseApi } from "../../src/parse/index.js";
import { classifyOperation, type ClassifyOverrides } from "../../src/normalize/classify.js";

/** One operation whose `status` response carries `codes` (each { value, description? }) in an { error: { code } } envelope. */
function spec(
  status: string,
  codes: { value: string; description?: string }[],
  response: Record<string, unknown> = {},
  operation: Record<string, unknown> = {},
) {
  const code =
    codes.length > 0
      ? { oneOf: codes.map((c) => ({ const: c.value, ...(c.description ? { description: c.description } : {}) })) }
      : { type: "string" };
  return {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: {
      "/things": {
        post: {
          operationId: "createThing",
          responses: {
            "201": { description: "ok" },
            [status]: {
              description: "error",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { error: { type: "object", properties: { code, message: { type: "string" } } } },
                  },
                },
              },
              ...response,
            },
          },
          ...operation,
        },
      },
    },
  };
}

function classify(document: Record<string, unknown>, overrides?: ClassifyOverrides) {
  const [op] = parseApi(document, "test.yaml").operations;
  return classifyOperation(op!, overrides).errors[0]!;
}

describe("status defaults", () => {
  const table: [string, string, string][] = [
    ["400", "terminal", "fix-request"],
    ["401", "terminal", "reauthenticate"],
    ["402", "billing", "upgrade-plan"],
    ["403", "terminal", "check-permissions"],
    ["404", "terminal", "check-resource"],
    ["408", "retryable", "retry-with-backoff"],
    ["409", "terminal", "refresh-and-retry"],
    ["413", "terminal", "fix-request"],
    ["422", "terminal", "fix-request"],
    ["425", "retryable", "retry-with-backoff"],
    ["429", "retryable", "wait-and-retry"],
    ["500", "retryable", "retry-with-backoff"],
    ["501", "terminal", "contact-support"],
    ["502", "retryable", "retry-with-backoff"],
    ["503", "retryable", "retry-with-backoff"],
    ["504", "retryable", "retry-with-backoff"],
    ["505", "terminal", "contact-support"],
    ["407", "terminal", "reauthenticate"],
    ["428", "terminal", "refresh-and-retry"],
    ["520", "retryable", "retry-with-backoff"],
    ["529", "retryable", "retry-with-backoff"],
    ["5XX", "retryable", "retry-with-backoff"],
    ["4XX", "terminal", "fix-request"],
  ];
  it.each(table)("given status %s, want %s / %s", (status, category, recovery) => {
    const { verdict } = classify(spec(status, []));
    expect(verdict).toMatchObject({ category, recovery });
    expect(verdict.reason).toBe(`status ${status} default`);
  });

  it("marks range and default keys without an explicit verdict as dynamic (classified by the real status at run time)", () => {
    expect(classify(spec("4XX", [])).dynamic).toBe(true);
    expect(classify(spec("default", [])).dynamic).toBe(true);
    expect(classify(spec("404", [])).dynamic).toBe(false);
    expect(classify(spec("5XX", [], { "x-faultline-category": "terminal" })).dynamic).toBe(false);
  });
});

describe("codes decide over status", () => {
  const table: { given: [string, string, string?]; want: [string, string]; reason: RegExp }[] = [
    { given: ["429", "USAGE_LIMIT_REACHED"], want: ["billing", "upgrade-plan"], reason: /name says "usage limit"/ },
    { given: ["402", "PLAN_LIMIT_REACHED"], want: ["billing", "upgrade-plan"], reason: /name says "plan"/ },
    { given: ["402", "PAST_DUE"], want: ["billing", "update-payment"], reason: /"past due"/ },
    { given: ["402", "DISPUTED"], want: ["billing", "update-payment"], reason: /"disput"/ },
    {
      given: ["403", "API_NOT_ALLOWED", "The workspace is on Free tier. Upgrade to Solo."],
      want: ["billing", "upgrade-plan"],
      reason: /description says "tier"/,
    },
    {
      given: ["403", "FORBIDDEN", "Token is valid but lacks access"],
      want: ["terminal", "check-permissions"],
      reason: /status 403 default/,
    },
    {
      given: ["429", "RATE_LIMITED", "Upgrade your plan for higher limits"],
      want: ["retryable", "wait-and-retry"],
      reason: /name says "rate limit"/,
    },
    { given: ["400", "quotaExceeded"], want: ["billing", "upgrade-plan"], reason: /"quota"/ },
    { given: ["402", "card_declined"], want: ["terminal", "use-another-payment-method"], reason: /name says "card"/ },
    {
      given: ["402", "INSUFFICIENT_FUNDS", "The customer's account has insufficient funds"],
      want: ["terminal", "use-another-payment-method"],
      reason: /"insufficient funds"/,
    },
    { given: ["429", "insufficient_quota"], want: ["billing", "upgrade-plan"], reason: /"quota"/ },
    { given: ["403", "BILLING_DISABLED"], want: ["billing", "update-payment"], reason: /"billing disabled"/ },
    { given: ["401", "invalid_api_key"], want: ["terminal", "reauthenticate"], reason: /"invalid api key"/ },
    { given: ["503", "TEMPORAL_UNAVAILABLE"], want: ["retryable", "retry-with-backoff"], reason: /status 503 default/ },
  ];
  it.each(table)(
    "given $given, want $want",
    ({ given: [status, value, description], want: [category, recovery], reason }) => {
      const error = classify(spec(status, [{ value, ...(description ? { description } : {}) }]));
      const code = error.codes.find((c) => c.code.value === value)!;
      expect(code.verdict).toMatchObject({ category, recovery });
      expect(code.verdict.reason).toMatch(reason);
    },
  );
});

describe("spec extensions and user config", () => {
  it("x-faultline-codes beats the code's words", () => {
    const doc = spec("429", [{ value: "USAGE_LIMIT_REACHED" }], {
      "x-faultline-codes": { USAGE_LIMIT_REACHED: { category: "retryable", recovery: "wait-and-retry" } },
    });
    expect(classify(doc).codes[0]!.verdict).toEqual({
      category: "retryable",
      recovery: "wait-and-retry",
      reason: "x-faultline-codes USAGE_LIMIT_REACHED",
    });
  });

  it("x-faultline-recovery sets recovery while the status keeps the category, and the reason says both", () => {
    const { verdict } = classify(spec("500", [], { "x-faultline-recovery": "contact-support" }));
    expect(verdict).toEqual({
      category: "retryable",
      recovery: "contact-support",
      reason: "status 500 default; recovery: x-faultline-category/recovery on 500",
    });
  });

  it("config by operation beats config by code beats config by status beats the spec", () => {
    const doc = spec("409", [{ value: "LOCKED" }], { "x-faultline-category": "retryable" });
    expect(classify(doc).codes[0]!.verdict.category).toBe("retryable");
    expect(classify(doc, { status: { "409": { category: "billing" } } }).verdict.reason).toBe("config: status 409");
    expect(
      classify(doc, { status: { "409": { category: "billing" } }, codes: { LOCKED: { category: "terminal" } } })
        .codes[0]!.verdict.category,
    ).toBe("terminal");
    const perOp = {
      codes: { LOCKED: { category: "terminal" as const } },
      operations: {
        createThing: { codes: { LOCKED: { category: "retryable" as const, recovery: "wait-and-retry" as const } } },
      },
    };
    expect(classify(doc, perOp).codes[0]!.verdict).toEqual({
      category: "retryable",
      recovery: "wait-and-retry",
      reason: "config: operation createThing code LOCKED",
    });
  });

  it("a code that becomes billing brings billing's recovery unless one is set", () => {
    const doc = spec("429", [{ value: "X" }], { "x-faultline-codes": { X: { category: "billing" } } });
    expect(classify(doc).codes[0]!.verdict).toMatchObject({ category: "billing", recovery: "upgrade-plan" });
  });
});
