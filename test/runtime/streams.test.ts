// Streamed success bodies against a real loopback server: server-sent events and JSON lines
// arrive as typed events in order, a mid-stream error ends the loop with the same classified
// error the client returns elsewhere (and is never retried), and leaving early closes the socket.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuntime, type Runtime } from "./render.js";
import { sendReadingBodies, serverPerTest, sse, type StreamServer } from "./stream-server.js";

let rt: Runtime;
beforeAll(async () => (rt = await loadRuntime()));
const send = sendReadingBodies(() => rt);
const serve = serverPerTest();

const op = (stream: "events" | "json") => ({
  id: "createCompletion",
  method: "POST",
  path: "/complete",
  idempotent: false,
  errors: { "429": { category: "retryable", recovery: "wait-and-retry", notProcessed: true } },
  stream,
});
const client = (s: StreamServer, options: object = {}) =>
  rt.createContext(
    { baseUrl: s.url, retry: { maxRetries: 3, baseDelayMs: 1, jitter: "none" }, ...options },
    { codes: {} },
  );

async function collect(stream: AsyncIterable<unknown>, limit = Infinity) {
  const seen: unknown[] = [];
  for await (const e of stream) if (seen.push(e) >= limit) break;
  return seen;
}

describe("events in order", () => {
  it("SSE with a JSON schema yields each event's parsed data and ends at [DONE]", async () => {
    const s = await serve(async (_req, res) => {
      const send = sse(res);
      await send(": keep-alive\n\n");
      for (let i = 0; i < 3; i++) await send(`data: {"i":${i},"text":"t${i}"}\n\n`);
      await send("data: [DONE]\n\n");
      await send(`data: {"i":99}\n\n`); // after the sentinel: never delivered
      res.end();
    });
    const r = await send(client(s), op("json"), { body: {} });
    expect(r.ok).toBe(true);
    expect(rt.isEventStream(r.data)).toBe(true);
    expect(await collect(r.data)).toEqual([0, 1, 2].map((i) => ({ i, text: `t${i}` })));
    expect(r.data.error).toBeUndefined();
  });

  it("SSE without a schema yields events as sent: name, multi-line data, id, split across chunks", async () => {
    const s = await serve(async (_req, res) => {
      const send = sse(res);
      await send("event: delta\r\nid: 7\r\ndata: line one\r\n");
      await send("data: line two\r\n\r\ndata: plain");
      await send("\n\n");
      res.end();
    });
    const r = await send(client(s), op("events"), { body: {} });
    expect(await collect(r.data)).toEqual([{ event: "delta", data: "line one\nline two", id: "7" }, { data: "plain" }]);
  });

  it("SSE lines may end in a lone CR, CRLF or LF, even with a CRLF split across two chunks", async () => {
    const s = await serve(async (_req, res) => {
      const send = sse(res);
      await send("event: a\rdata: one\r\r");
      await send("data: two\r");
      await send("\n\r");
      await send("\ndata: three\r\n\n");
      res.end();
    });
    const r = await send(client(s), op("events"), { body: {} });
    expect(await collect(r.data)).toEqual([{ event: "a", data: "one" }, { data: "two" }, { data: "three" }]);
  });

  it('an event with empty data is not dispatched, and error: null, false or "" in an event is no error', async () => {
    const s = await serve(async (_req, res) => {
      const send = sse(res);
      await send("data:\n\ndata: \n\n");
      await send('data: {"i":1,"error":null}\n\ndata: {"i":2,"error":false}\n\ndata: {"i":3,"error":""}\n\n');
      await send("data: [DONE]\n\n");
      res.end();
    });
    const r = await send(client(s), op("json"), { body: {} });
    expect(await collect(r.data)).toEqual([
      { i: 1, error: null },
      { i: 2, error: false },
      { i: 3, error: "" },
    ]);
    expect(r.data.error).toBeUndefined();
  });

  it("JSON lines yield each line's value, the last line without a newline too", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      res.end('{"n":1}\n\n{"n":2}\n{"n":3}');
    });
    const r = await send(client(s), op("json"), { body: {} });
    expect(await collect(r.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it("a JSON body on a streaming operation stays plain JSON", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"whole":true}');
    });
    const r = await send(client(s), op("json"), { body: {} });
    expect(r.data).toEqual({ whole: true });
    expect(rt.isEventStream(r.data)).toBe(false);
  });
});

describe("mid-stream errors", () => {
  it("Anthropic's event: error overloaded_error ends the loop with a classified retryable error, 1 request sent", async () => {
    const s = await serve(async (_req, res) => {
      const send = sse(res);
      await send('event: content_block_delta\ndata: {"type":"content_block_delta","delta":{"text":"Hi"}}\n\n');
      await send('event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n');
      res.end();
    });
    const r = await send(client(s), op("json"), { body: {} });
    expect(await collect(r.data)).toEqual([{ type: "content_block_delta", delta: { text: "Hi" } }]);
    expect(r.data.error).toMatchObject({
      kind: "http",
      status: 200,
      statusKey: "stream",
      code: "overloaded_error",
      message: "Overloaded",
      category: "retryable",
      recovery: "retry-with-backoff",
      attempts: 1,
      operation: "createCompletion",
    });
    expect(s.requests).toBe(1);
  });

  it("a mid-stream error's retry advice in its body (retry_after seconds) becomes retryAfterMs", async () => {
    const s = await serve(async (_req, res) => {
      const send = sse(res);
      await send('data: {"choices":[]}\n\n');
      await send('data: {"error":{"message":"Slow down","code":"rate_limit_exceeded","retry_after":2.5}}\n\n');
      res.end();
    });
    const r = await send(client(s), op("json"), { body: {} });
    expect(await collect(r.data)).toHaveLength(1);
    expect(r.data.error).toMatchObject({ code: "rate_limit_exceeded", recovery: "wait-and-retry", retryAfterMs: 2500 });
  });

  it("OpenAI's error object in a data line is classified by its code's words (rate limit, quota)", async () => {
    const lines = [
      '{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}',
      '{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}',
    ];
    const verdicts = [];
    for (const line of lines) {
      const s = await serve(async (_req, res) => {
        const send = sse(res);
        await send('data: {"choices":[{"delta":{"content":"a"}}]}\n\n');
        await send(`data: ${line}\n\n`);
        res.end();
      });
      const r = await send(client(s), op("json"), { body: {} });
      expect(await collect(r.data)).toHaveLength(1);
      verdicts.push([r.data.error.code, r.data.error.category, r.data.error.recovery, s.requests]);
    }
    expect(verdicts).toEqual([
      ["rate_limit_exceeded", "retryable", "wait-and-retry", 1],
      ["insufficient_quota", "billing", "upgrade-plan", 1],
    ]);
  });

  it("the caller's classify overrides a mid-stream code like any other error", async () => {
    const s = await serve(async (_req, res) => {
      const send = sse(res);
      await send('event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"x"}}\n\n');
      res.end();
    });
    const classify = { codes: { overloaded_error: { category: "terminal", recovery: "contact-support" } } };
    const r = await send(client(s), op("json"), { body: {} }, { classify });
    await collect(r.data);
    expect(r.data.error).toMatchObject({ category: "terminal", reason: "call" });
  });
});

describe("leaving early closes the connection", () => {
  const endless = () =>
    serve(async (_req, res) => {
      const send = sse(res);
      for (let i = 0; !res.destroyed && i < 10_000; i++) await send(`data: {"i":${i}}\n\n`);
    });

  it("aborting the call's signal mid-stream ends the loop with kind aborted; the server sees the socket close", async () => {
    const s = await endless();
    const ac = new AbortController();
    const r = await send(client(s), op("json"), { body: {} }, { signal: ac.signal });
    const seen: unknown[] = [];
    for await (const e of r.data) if (seen.push(e) === 3) ac.abort();
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeLessThan(10_000);
    expect(r.data.error).toMatchObject({ kind: "aborted", category: "terminal" });
    await s.clientLeft;
  });

  it("break out of the loop closes the socket", async () => {
    const s = await endless();
    const r = await send(client(s), op("json"), { body: {} });
    expect(await collect(r.data, 2)).toEqual([{ i: 0 }, { i: 1 }]);
    await s.clientLeft;
    expect(r.data.error).toBeUndefined();
  });
});

describe("bounds", () => {
  it("an idle timeout between events ends the stream with kind timeout, apart from time to first byte", async () => {
    const s = await serve(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 150)); // slow first byte: not the idle timer's business
      const send = sse(res);
      await send('data: {"i":0}\n\n'); // then silence, the connection held open
    });
    const r = await send(client(s, { streamIdleTimeoutMs: 100 }), op("json"), { body: {} });
    expect(await collect(r.data)).toEqual([{ i: 0 }]);
    expect(r.data.error).toMatchObject({ kind: "timeout", category: "retryable" });
    expect(r.data.error.message).toContain("100 ms");
    await s.clientLeft;
  });

  it("an event over maxEventBytes ends the stream with an error instead of buffering it", async () => {
    const s = await serve(async (_req, res) => {
      const send = sse(res);
      await send('data: {"i":0}\n\n');
      for (let i = 0; i < 64 && !res.destroyed; i++) await send(`data: ${"x".repeat(1024)}\n`);
      res.end();
    });
    const r = await send(client(s, { maxEventBytes: 8 * 1024 }), op("events"), { body: {} });
    expect(await collect(r.data)).toEqual([{ data: '{"i":0}' }]);
    expect(r.data.error).toMatchObject({ kind: "network" });
    expect(r.data.error.message).toContain("maxEventBytes (8192)");
  });

  it("a 10 MB stream keeps retained heap flat (measured after gc every 1000 events)", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const payload = "y".repeat(1000);
    const events = 10_240;
    const s = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (let i = 0; i < events; i++) {
        if (!res.write(`data: {"i":${i},"p":"${payload}"}\n\n`)) await new Promise((r) => res.once("drain", r));
      }
      res.end();
    });
    // Measured from before the call: a client that buffered the body before yielding would count it.
    gc();
    const base = process.memoryUsage().heapUsed;
    const r = await send(client(s), op("json"), { body: {} });
    let peak = 0;
    let count = 0;
    let bytes = 0;
    for await (const e of r.data as AsyncIterable<{ i: number; p: string }>) {
      expect(e.i).toBe(count++);
      bytes += e.p.length;
      if (count % 1000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      }
    }
    expect(count).toBe(events);
    expect(bytes).toBeGreaterThanOrEqual(10 * 2 ** 20 - events * 24);
    console.log(`10 MB stream: retained heap growth peak ${(peak / 2 ** 20).toFixed(2)} MB`);
    expect(peak).toBeLessThan(4 * 2 ** 20);
  }, 30_000);
});
