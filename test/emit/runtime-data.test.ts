// What the generator hands the runtime for run-time decisions: the success schema's ok flag, the
// user's config verdicts (also for codes the spec never lists), and who set each rule's verdict.
import { describe, expect, it } from "vitest";
import { operationData } from "../../src/emit/client/operation-specs.js";
import { generateIr } from "../../src/generate.js";
import type { ClassifyOverrides } from "../../src/normalize/classify.js";

const json = (schema: object) => ({ description: "x", content: { "application/json": { schema } } });
const document = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {
    "/auth.test": {
      get: {
        operationId: "authTest",
        responses: {
          "200": json({ type: "object", properties: { ok: { type: "boolean" }, user: { type: "string" } } }),
          default: json({ type: "object" }),
        },
      },
    },
    "/items": {
      post: {
        operationId: "createItem",
        responses: {
          "201": json({ type: "object", properties: { success: { type: "boolean" } } }),
          "409": { ...json({ type: "object" }), "x-faultline-category": "retryable" },
          "429": json({ type: "object" }),
        },
      },
      get: {
        operationId: "listItems",
        responses: {
          "200": json({ type: "object", properties: { ok: { type: "string" } } }),
          "400": json({ type: "object" }),
        },
      },
    },
  },
};
const data = (overrides: ClassifyOverrides = {}) => {
  const { api, classified } = generateIr({ file: "t.json", document, hash: "0".repeat(64) }, { overrides });
  return operationData(api, classified, overrides);
};

describe("runtime data", () => {
  it("names the success schema's ok/success boolean; a non-boolean ok is not one", () => {
    const { operations } = data();
    expect([operations.authTest!.okField, operations.createItem!.okField, operations.listItems!.okField]).toEqual([
      "ok",
      "success",
      undefined,
    ]);
  });
  it("carries config codes and statuses, made whole, spec-wide and per operation", () => {
    const { api, operations } = data({
      codes: { insufficient_quota: { category: "billing" } },
      operations: { createItem: { codes: { busy: { recovery: "wait-and-retry" } } } },
    });
    expect(api.config).toEqual({ codes: { insufficient_quota: { category: "billing", recovery: "upgrade-plan" } } });
    expect(operations.createItem!.config).toEqual({
      codes: { busy: { category: "retryable", recovery: "wait-and-retry" } },
    });
    expect(operations.listItems!.config).toBeUndefined();
  });
  it("says who set a rule's verdict: the spec, the config, or (absent) the status defaults", () => {
    const errors = (o: ClassifyOverrides = {}) =>
      data(o).operations.createItem!.errors as Record<string, { by?: string }>;
    expect([errors()["409"]!.by, errors()["429"]!.by]).toEqual(["spec", undefined]);
    expect(errors({ status: { "429": { category: "billing" } } })["429"]!.by).toBe("config");
  });
});
