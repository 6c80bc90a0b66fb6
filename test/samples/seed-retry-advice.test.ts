// Each seed doc's retry advice, written into its spec as x-faultline-retry, must be what the
// generated client does: exact attempt counts and exact waits (fake clock, fixed randomness),
// against a scripted HTTP server on loopback. Billing and terminal errors go out once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeClock, startFaultServer, type FaultServer } from "../runtime/fault-server.js";
import * as tickets from "../../generated-samples/tickets/index.js";
import * as cases from "../../generated-samples/cases/index.js";
import * as bots from "../../generated-samples/bots/index.js";
import * as inbox from "../../generated-samples/inbox/index.js";
import * as prompts from "../../generated-samples/prompts/index.js";

let server: FaultServer;
let clock: ReturnType<typeof fakeClock>;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  clock = fakeClock();
});

/** Client options every test shares: the fault server, the fake clock, jitter's midpoint. */
const options = () => ({
  baseUrl: server.url,
  clock,
  random: () => 0.5,
  headers: { authorization: "Bearer secret-token" },
});
const json = (status: number, body: object, headers: Record<string, string> = {}) => ({ status, body, headers });
const ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

describe("000 tickets: retry 5xx with exponential backoff 1s, 2s, 4s, 8s, capped at 60 s, small jitter", () => {
  it("retries a 500 four times, waiting 1, 2, 4, 8 s", async () => {
    server.script(json(500, { error: "Internal server error" }));
    const r = await tickets.createClient(options()).listTickets();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ status: 500, category: "retryable", attempts: 5 });
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000]);
  });

  it("caps one backoff at the spec's 60 s, and the jitter stays within 10%", async () => {
    server.script(json(503, { error: "down" }));
    const client = tickets.createClient({ ...options(), random: () => 0 });
    await client.listTickets(undefined, { retry: { maxRetries: 8, maxElapsedMs: 1e7 } });
    expect(clock.sleeps).toEqual([900, 1800, 3600, 7200, 14400, 28800, 54000, 54000]);
  });

  it("does not retry 400, 401 or 409", async () => {
    for (const step of [
      json(400, { error: "Invalid input" }),
      json(401, { error: "Unauthorized" }),
      json(409, { error: "Ticket has been merged" }),
    ]) {
      server.script(step);
      const r = await tickets
        .createClient(options())
        .addTicketMessage({ path: { ticket_id: "t_1" }, body: { body: "hi" } });
      expect(r.ok ? 0 : r.error.attempts).toBe(1);
      expect(server.requests).toHaveLength(1);
    }
    expect(clock.sleeps).toEqual([]);
  });
});

describe("001 cases: POST /cases is not idempotent; a usage-cap 429 is billing", () => {
  const body = { instructions: "call back" };
  it("sends POST /cases once after a 500", async () => {
    server.script(json(500, { ok: false, error: { code: "INTERNAL_ERROR", message: "queue failed" } }));
    const r = await cases.createClient(options()).createCase({ body });
    expect(r.ok ? undefined : r.error).toMatchObject({
      status: 500,
      code: "INTERNAL_ERROR",
      category: "retryable",
      attempts: 1,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("sends POST /cases once after a dropped connection", async () => {
    server.script({ reset: true });
    const r = await cases.createClient(options()).createCase({ body });
    expect(r.ok ? undefined : r.error).toMatchObject({ kind: "network", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("returns USAGE_LIMIT_REACHED as billing, sent once", async () => {
    server.script(
      json(429, { ok: false, error: { code: "USAGE_LIMIT_REACHED", message: "Monthly case limit reached" } }),
    );
    const r = await cases.createClient(options()).createCase({ body });
    expect(r.ok ? undefined : r.error).toMatchObject({
      status: 429,
      code: "USAGE_LIMIT_REACHED",
      category: "billing",
      recovery: "upgrade-plan",
      attempts: 1,
    });
  });

  it("retries the gateway's plain-text 429 (the request was certainly not processed)", async () => {
    server.script(
      { status: 429, headers: { "content-type": "text/plain" }, body: "Too Many Requests" },
      json(201, { ok: true, data: { id: "case_1" } }),
    );
    const r = await cases.createClient(options()).createCase({ body });
    expect(r.ok && r.status).toBe(201);
    expect(server.requests).toHaveLength(2);
  });

  it("retries a GET after a 500", async () => {
    server.script(json(500, {}), json(200, { ok: true, data: {} }));
    const r = await cases.createClient(options()).getCase({ path: { id: "case_1" } });
    expect(r.ok && r.attempts).toBe(2);
  });
});

describe("002 bots: 429 waits exactly Retry-After then retries once; 5xx 1, 2, 4, 8, 16 s", () => {
  it("waits the Retry-After seconds, retries once, then returns the 429", async () => {
    server.script(
      json(429, { error: { code: "RATE_LIMITED", message: "slow down", requestId: "req_1" } }, { "retry-after": "7" }),
    );
    const r = await bots.createClient(options()).listBots();
    expect(r.ok ? undefined : r.error).toMatchObject({
      status: 429,
      code: "RATE_LIMITED",
      requestId: "req_1",
      retryAfterMs: 7000,
      attempts: 2,
    });
    expect(clock.sleeps).toEqual([7000]);
  });

  it("backs off 1, 2, 4, 8, 16 s on a 5xx", async () => {
    server.script(json(503, { error: { code: "TEMPORAL_UNAVAILABLE", message: "worker down" } }));
    const r = await bots.createClient(options()).listBots();
    expect(r.ok ? undefined : r.error).toMatchObject({ status: 503, code: "TEMPORAL_UNAVAILABLE", attempts: 6 });
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it("does not retry PLAN_LIMIT_REACHED (402) or VALIDATION_ERROR (400)", async () => {
    for (const step of [
      json(402, { error: { code: "PLAN_LIMIT_REACHED", message: "bots: 3 of 3" } }),
      json(400, { error: { code: "VALIDATION_ERROR", message: "bad" } }),
    ]) {
      server.script(step);
      const r = await bots.createClient(options()).createBot({ body: { name: "b", clientUrl: "https://x.test" } });
      expect(r.ok ? 0 : r.error.attempts).toBe(1);
    }
    expect(clock.sleeps).toEqual([]);
  });
});

describe("003 inbox: 402 quota is billing; 429 honours Retry-After", () => {
  it("returns a quota 402 once, as billing", async () => {
    server.script(json(402, { detail: "Max inboxes reached for your plan" }));
    const r = await inbox.createClient(options()).createInbox({ body: { name: "support" } });
    expect(r.ok ? undefined : r.error).toMatchObject({
      status: 402,
      category: "billing",
      message: "Max inboxes reached for your plan",
      attempts: 1,
    });
  });

  it("waits Retry-After on a 429, up to the spec's 3 retries", async () => {
    server.script(json(429, { detail: "Rate limit exceeded" }, { "retry-after": "2" }));
    const r = await inbox.createClient(options()).getInbox({ path: { inbox_id: ID } });
    expect(r.ok ? 0 : r.error.attempts).toBe(4);
    expect(clock.sleeps).toEqual([2000, 2000, 2000]);
  });
});

describe("004 prompts: at most 3 retries on 5xx, backoff with jitter; billing blocks never retried", () => {
  it("retries a 500 three times with full jitter", async () => {
    server.script(json(500, { error: { code: "INTERNAL_ERROR", message: "boom" } }, { "x-request-id": "req_9" }));
    const r = await prompts.createClient(options()).listPrompts();
    expect(r.ok ? undefined : r.error).toMatchObject({
      status: 500,
      recovery: "contact-support",
      requestId: "req_9",
      attempts: 4,
    });
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
  });

  it.each([
    [402, "DISPUTED", "update-payment"],
    [402, "PAST_DUE", "update-payment"],
    [403, "API_NOT_ALLOWED", "upgrade-plan"],
  ])("returns %i %s once, as billing (%s)", async (status, code, recovery) => {
    server.script(json(status, { error: { code, message: "blocked" } }));
    const r = await prompts.createClient(options()).getPrompt({ path: { promptId: ID } });
    expect(r.ok ? undefined : r.error).toMatchObject({ status, code, category: "billing", recovery, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });
});
