// A stream that fails before its first event delivered nothing yet, so the call may still be
// retried as an error response would be, under the same rules (retry budget, and a POST replayed
// only when that is safe). Once an event was delivered, nothing is retried.
import { beforeAll, expect, it } from "vitest";
import { loadRuntime, type Runtime } from "./render.js";
import { sendReadingBodies, serverPerTest, sse, type StreamServer } from "./stream-server.js";

let rt: Runtime;
beforeAll(async () => (rt = await loadRuntime()));
const serve = serverPerTest();
const send = sendReadingBodies(() => rt);
const op = (idempotent: boolean) => ({
  id: "streamMessages",
  method: idempotent ? "GET" : "POST",
  path: "/messages",
  idempotent,
  errors: {},
  stream: "json",
});
const client = (s: StreamServer, options: object = {}) =>
  rt.createContext(
    { baseUrl: s.url, retry: { maxRetries: 2, baseDelayMs: 1, jitter: "none" }, ...options },
    { codes: {} },
  );
async function collect(stream: AsyncIterable<unknown>) {
  const seen: unknown[] = [];
  for await (const e of stream) seen.push(e);
  return seen;
}
const OVERLOADED =
  'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';

/** Fails the first `failures` requests with `first` as their first event, then streams two events. */
async function flaky(failures: number, first: string) {
  const server: StreamServer = await serve(async (_req, res) => {
    const send = sse(res);
    if (server.requests <= failures) await send(first);
    else for (const i of [1, 2]) await send(`data: {"i":${i}}\n\n`);
    res.end();
  });
  return server;
}

it("an error event before any event is retried on an idempotent operation: the events come from the retry", async () => {
  const s = await flaky(1, OVERLOADED);
  const r = await send(client(s), op(true), {});
  expect(r).toMatchObject({ ok: true, attempts: 2 });
  expect(await collect(r.data)).toEqual([{ i: 1 }, { i: 2 }]);
  expect(r.data.error).toBeUndefined();
  expect(s.requests).toBe(2);
});

it("a POST is not replayed on an error the server may have acted on: the stream reports it", async () => {
  const s = await flaky(1, OVERLOADED);
  const r = await send(client(s), op(false), {});
  expect(r).toMatchObject({ ok: true, attempts: 1 });
  expect(await collect(r.data)).toEqual([]);
  expect(r.data.error).toMatchObject({
    kind: "http",
    statusKey: "stream",
    code: "overloaded_error",
    category: "retryable",
  });
  expect(s.requests).toBe(1);
});

it("a POST is replayed on a rate limit before the first event, waiting as the error says", async () => {
  const limited = 'data: {"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}\n\n';
  const s = await flaky(1, limited);
  const r = await send(client(s), op(false), {});
  expect(r).toMatchObject({ ok: true, attempts: 2 });
  expect(await collect(r.data)).toEqual([{ i: 1 }, { i: 2 }]);
  expect(s.requests).toBe(2);
});

it("retries stop at the budget; the last attempt's stream carries its error", async () => {
  const s = await flaky(Infinity, OVERLOADED);
  const r = await send(client(s), op(true), {});
  expect(s.requests).toBe(3);
  expect(r.ok).toBe(true);
  expect(await collect(r.data)).toEqual([]);
  expect(r.data.error).toMatchObject({ code: "overloaded_error", attempts: 3 });
});

it("timeoutMs bounds the wait for the first event: a stalled stream times out and is retried", async () => {
  const s = await serve((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(": connected\n\n"); // a comment, not an event; then silence
  });
  const r = await send(client(s, { timeoutMs: 100, retry: { maxRetries: 1, baseDelayMs: 1 } }), op(true), {});
  expect(s.requests).toBe(2);
  expect(await collect(r.data)).toEqual([]);
  expect(r.data.error).toMatchObject({ kind: "timeout", attempts: 2 });
});

it("an error after the first event is never retried, and a stream is read once", async () => {
  const s = await serve(async (_req, res) => {
    const send = sse(res);
    await send('data: {"i":1}\n\n');
    await send(OVERLOADED);
    res.end();
  });
  const r = await send(client(s), op(true), {});
  expect(await collect(r.data)).toEqual([{ i: 1 }]);
  expect(await collect(r.data)).toEqual([]);
  expect(r.data.error).toMatchObject({ code: "overloaded_error", attempts: 1 });
  expect(s.requests).toBe(1);
});
