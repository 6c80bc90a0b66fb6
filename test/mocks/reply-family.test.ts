// Mock replies for the shapes the seed specs lack: range and default keys, problem+json, text
// bodies, bodies built from a schema alone (a $ref cycle included), declared headers, an
// idempotency key; plus the --mocks flag and `mocks` config key, and the schema sampler's bounds.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleValue } from "../../src/emit/mocks/sample-value.js";
import { generate } from "../../src/generate.js";
import { runCli } from "../cli/run-cli.js";
import { ROOT, strictTsc } from "./seed-clients.js";
import { createGenerateTools } from "../../src/cli/generate-tools.js";

const json = (schema: unknown) => ({ "application/json": { schema } });
const errorBody = { $ref: "#/components/schemas/ErrorBody" };
const SPEC = {
  openapi: "3.1.0",
  info: { title: "Orders", version: "1.0.0" },
  paths: {
    "/orders/{orderId}/pay": {
      post: {
        operationId: "payOrder",
        parameters: [
          { name: "orderId", in: "path", required: true, schema: { type: "string" } },
          { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string" } },
        ],
        requestBody: { required: true, content: json({ type: "object" }) },
        responses: {
          "200": {
            description: "paid",
            content: json({
              type: "object",
              required: ["id", "paidAt"],
              properties: { id: { type: "string" }, paidAt: { type: "string", format: "date-time" } },
            }),
          },
          "402": {
            description: "Payment required",
            content: {
              "application/problem+json": {
                schema: {
                  type: "object",
                  required: ["type", "code"],
                  properties: {
                    type: { type: "string" },
                    title: { type: "string" },
                    status: { type: "integer" },
                    detail: { type: "string" },
                    code: { type: "string", enum: ["card_declined", "insufficient_funds"] },
                  },
                },
              },
            },
          },
          "4XX": { description: "Client error", content: json(errorBody) },
          "503": {
            description: "Down for maintenance",
            headers: {
              "Retry-After": { schema: { type: "integer" } },
              "X-RateLimit-Remaining": { schema: { type: "integer", minimum: 0 } },
            },
            content: { "text/plain": { schema: { type: "string" } } },
          },
          default: { description: "Unexpected", content: json(errorBody) },
        },
      },
    },
    "/orders/{orderId}/receipt": {
      get: {
        operationId: "getReceipt",
        parameters: [{ name: "orderId", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "receipt", content: { "text/csv": { example: "item,price\nbook,12" } } },
          "404": {
            description: "Not found",
            content: {
              "application/json": {
                schema: errorBody,
                examples: {
                  gone: { value: { error: { code: "ORDER_NOT_FOUND", message: "No such order." } } },
                  big: { value: { error: { code: "ORDER_GONE", message: "X".repeat(100_000) } } },
                },
              },
            },
          },
          "5XX": { description: "Server error", content: json(errorBody) },
        },
      },
    },
  },
  components: {
    schemas: {
      // A required self-reference: the sampler must stop, not recurse forever.
      ErrorBody: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "cause"],
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              cause: { $ref: "#/components/schemas/ErrorBody" },
            },
          },
        },
      },
    },
  },
};

const dir = join(ROOT, ".tmp", `mocks-family-${process.pid}`);
type Reply = Record<string, unknown> | string;
interface Mock {
  (input: string, init?: RequestInit): Promise<Response>;
  calls: { operation?: string; reply: string; idempotencyKey?: string }[];
}
let verdict402: unknown[] = [];
let mocksBytes = 0;
let mocks: { mockFetch: (script: Record<string, Reply[]>) => Mock };
let client: (fetch: Mock) => Record<
  string,
  (
    input: unknown,
    call?: unknown,
  ) => Promise<{
    ok: boolean;
    status?: number;
    data?: unknown;
    attempts?: number;
    error?: Record<string, unknown> & { headers: Record<string, string> };
  }>
>;

beforeAll(async () => {
  const generated = await generate(
    { file: "orders.json", document: structuredClone(SPEC), hash: "0".repeat(64) },
    createGenerateTools(),
    { mocks: true },
  );
  const declined = generated.classified
    .find((c) => c.operation.name === "payOrder")
    ?.errors.find((e) => e.response.key === "402")
    ?.codes.find((c) => c.code.value === "insufficient_funds");
  verdict402 = [declined?.verdict.category, declined?.verdict.recovery];
  for (const f of generated.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.contents);
  }
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
  mocksBytes = generated.files.find((f) => f.path === "mocks.ts")?.contents.length ?? 0;
  mocks = await import(join(dir, "mocks.ts"));
  const index = await import(join(dir, "index.ts"));
  client = (fetch) =>
    index.createClient({
      baseUrl: "https://shop.example.com/api",
      fetch,
      retry: { maxRetries: 2, baseDelayMs: 1, jitter: "none", maxRetryAfterMs: 0 },
    });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failWith(operation: string, reply: Reply) {
  const mock = mocks.mockFetch({ [operation]: [reply] });
  const result = await client(mock)[operation]!({ path: { orderId: "o_1" }, body: {} });
  if (result.ok || !result.error) throw new Error(`${operation}: expected a failure`);
  return { error: result.error, mock };
}

describe("mock replies", () => {
  it("problem+json: the code in the body, type/title/status filled in, the problem content type", async () => {
    const { error } = await failWith("payOrder", { status: 402, code: "insufficient_funds" });
    expect([error.status, error.code, error.category, error.recovery]).toEqual([
      402,
      "insufficient_funds",
      ...verdict402,
    ]);
    expect(verdict402).toHaveLength(2);
    expect(error.body).toMatchObject({
      type: "about:blank",
      title: "Payment required",
      status: 402,
      code: "insufficient_funds",
    });
    expect(error.headers["content-type"]).toBe("application/problem+json");
  });

  it("a range key answers with a status it covers that no exact key claims, and default with a 5xx", async () => {
    const range = await failWith("payOrder", { status: "4XX", code: "whatever" });
    expect([range.error.status, range.error.statusKey, range.error.code]).toEqual([400, "4XX", "whatever"]);
    expect(range.error.body).toMatchObject({ error: { code: "whatever", message: "Client error", cause: null } });
    const fallback = await failWith("payOrder", { status: "default" });
    expect([fallback.error.status, fallback.error.statusKey, fallback.error.code]).toEqual([500, "default", undefined]);
  });

  it("a text body with its declared headers, retried with one idempotency key", async () => {
    const { error, mock } = await failWith("payOrder", { status: 503 });
    expect([
      typeof error.body,
      error.headers["content-type"],
      error.headers["retry-after"],
      error.headers["x-ratelimit-remaining"],
    ]).toEqual(["string", "text/plain", "1", "0"]);
    expect(mock.calls.length).toBe(error.attempts);
    const keys = new Set(mock.calls.map((c) => c.idempotencyKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/\S/);
  });

  it("a success built from the schema, a non-JSON success, an undocumented status", async () => {
    const paid = await client(mocks.mockFetch({ payOrder: [{ status: 200 }] })).payOrder!({
      path: { orderId: "o_1" },
      body: {},
    });
    expect(paid.data).toEqual({ id: "string", paidAt: "2024-01-01T00:00:00Z" });
    const receipt = await client(mocks.mockFetch({ getReceipt: [{ status: 200 }] })).getReceipt!({
      path: { orderId: "o_1" },
    });
    expect(receipt.data).toBe("item,price\nbook,12");
    const odd = await failWith("getReceipt", { status: "undocumented" });
    expect([odd.error.status, odd.error.statusKey]).toEqual([418, "undocumented"]);
    const server = await failWith("getReceipt", { status: "5XX" });
    expect([server.error.status, server.error.statusKey]).toEqual([500, "5XX"]);
  });

  it("an example too big to copy into mocks.ts is skipped, not embedded", () => {
    expect(mocksBytes).toBeGreaterThan(0);
    expect(mocksBytes).toBeLessThan(60_000);
  });

  it("an operation the script leaves out, or a path no operation has, gets a 501 that says so", async () => {
    const mock = mocks.mockFetch({ payOrder: [{ status: 200 }] });
    const response = await mock("https://shop.example.com/api/orders/o_1/receipt");
    expect([response.status, await response.text()]).toEqual([501, "mock: the script has no reply for getReceipt"]);
    const stray = await mock("https://shop.example.com/api/nowhere", { method: "DELETE" });
    expect([stray.status, await stray.text()]).toEqual([
      501,
      "mock: no documented operation matches DELETE /api/nowhere",
    ]);
    expect(mock.calls.map((c) => [c.operation, c.reply])).toEqual([
      ["getReceipt", "unscripted"],
      [undefined, "unscripted"],
    ]);
  });

  it("range and default keys type-check as status strings in a strictly compiled client", () => {
    writeFileSync(
      join(dir, "script.ts"),
      'import { mockFetch } from "./mocks.js";\nexport const m = mockFetch({ payOrder: [{ status: "4XX", code: "any" }, { status: "default" }, { status: 402, code: "card_declined" }, { status: 503, retryAfter: 0 }] });\n// @ts-expect-error: payOrder has a default response, so no status is undocumented\nexport const n = mockFetch({ payOrder: [{ status: "undocumented" }] });\n',
    );
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join(dir, f));
    expect(strictTsc(files, dir)).toBe("");
  });
});

describe("sampleValue", () => {
  const doc = (schemas: Record<string, unknown>) => ({ root: { components: { schemas } }, file: "x.json" });
  it("ends a required $ref cycle in null and bounds width and depth", () => {
    const loop = doc({
      A: { type: "object", required: ["next"], properties: { next: { $ref: "#/components/schemas/A" } } },
    });
    expect(sampleValue(loop, { $ref: "#/components/schemas/A" })).toEqual({ next: null });
    const wide = { type: "object", required: Array.from({ length: 500 }, (_, i) => `p${i}`) };
    expect(Object.keys(sampleValue(doc({}), wide) as object)).toHaveLength(40);
    let deep: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 50; i++) deep = { type: "array", minItems: 1, items: deep };
    expect(JSON.stringify(sampleValue(doc({}), deep))).toBe(`${"[".repeat(9)}null${"]".repeat(9)}`);
  });
});

describe("--mocks and the mocks config key", () => {
  const out = join(dir, "cli");
  it("--mocks writes mocks.ts, --mocks msw adds msw.ts, a bad value is a usage error", async () => {
    const spec = join(dir, "orders.json");
    writeFileSync(spec, JSON.stringify(SPEC));
    expect((await runCli("generate", spec, "-o", join(out, "a"), "--mocks", "-q")).code).toBe(0);
    expect(readdirSync(join(out, "a")).filter((f) => /mocks|msw/.test(f))).toEqual(["mocks.ts"]);
    expect((await runCli("generate", spec, "-o", join(out, "b"), "--mocks", "msw", "-q")).code).toBe(0);
    expect(readdirSync(join(out, "b")).filter((f) => /mocks|msw/.test(f))).toEqual(["mocks.ts", "msw.ts"]);
    const bad = await runCli("generate", spec, "-o", join(out, "c"), "--mocks", "jest");
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--mocks takes nothing or "msw", not "jest"')]);
    expect(readdirSync(out)).toEqual(["a", "b"]);
  });

  it("the config key turns mocks on per spec; a bad value points at it", async () => {
    writeFileSync(
      join(dir, "faultline.config.json"),
      JSON.stringify({ specs: [{ spec: "orders.json", output: "cli/d", mocks: "msw" }] }),
    );
    expect((await runCli("generate", "-c", join(dir, "faultline.config.json"), "-q")).code).toBe(0);
    expect(readdirSync(join(out, "d")).filter((f) => /mocks|msw/.test(f))).toEqual(["mocks.ts", "msw.ts"]);
    writeFileSync(
      join(dir, "faultline.config.json"),
      JSON.stringify({ mocks: "yes", specs: [{ spec: "orders.json", output: "cli/e" }] }),
    );
    const bad = await runCli("generate", "-c", join(dir, "faultline.config.json"));
    expect([bad.code, bad.err]).toEqual([
      1,
      expect.stringMatching(/#\/mocks: must be true, false or "msw", not "yes"/),
    ]);
  });
});
