// Files both ways against a real loopback server: a multipart upload the server parses back into
// the same fields and bytes, octet-stream uploads from every body kind, binary downloads as Blob.
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuntime, type Runtime } from "./render.js";
import { sendReadingBodies, serverPerTest, type StreamServer } from "./stream-server.js";

let rt: Runtime;
beforeAll(async () => (rt = await loadRuntime()));
const send = sendReadingBodies(() => rt);
const serve = serverPerTest();
const client = (s: StreamServer, options: object = {}) =>
  rt.createContext({ baseUrl: s.url, retry: { maxRetries: 0 }, ...options }, { codes: {} });
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The request as the server received it, parsed by the platform's own multipart parser. */
async function received(req: IncomingMessage) {
  const body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
  return new Request("http://x", {
    method: "POST",
    headers: req.headers as HeadersInit,
    body,
    duplex: "half",
  });
}

// Every byte value, so a text round trip (UTF-8 mangling) would show.
const bytes = new Uint8Array(300_000).map((_, i) => (i * 7 + (i >> 8)) & 255);

describe("uploads", () => {
  it("multipart/form-data: the server parses back the same fields, file name, type and bytes", async () => {
    const s = await serve(async (req, res) => {
      const form = await (await received(req)).formData();
      const out: Record<string, unknown> = {};
      for (const [name, value] of form) {
        out[name] =
          typeof value === "string"
            ? value
            : { name: value.name, type: value.type, sha: sha(new Uint8Array(await value.arrayBuffer())) };
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(out));
    });
    const op = {
      id: "createFile",
      method: "POST",
      path: "/files",
      idempotent: false,
      errors: {},
      requestContentType: "multipart/form-data",
    };
    const file = new File([bytes], "data.bin", { type: "application/x-test" });
    const body = { file, purpose: "fine-tune", expires_after: { anchor: "created_at", seconds: 3600 }, count: 3 };
    const r = await send(client(s), op, { body });
    expect(r.data).toEqual({
      file: { name: "data.bin", type: "application/x-test", sha: sha(bytes) },
      purpose: "fine-tune",
      expires_after: '{"anchor":"created_at","seconds":3600}',
      count: "3",
    });
  });

  it.each([
    ["Uint8Array", () => bytes],
    ["ArrayBuffer", () => bytes.slice().buffer],
    ["Blob", () => new Blob([bytes])],
    ["ReadableStream", () => new Blob([bytes]).stream()],
  ])("application/octet-stream from a %s arrives byte for byte", async (_kind, make) => {
    const s = await serve(async (req, res) => {
      const got = new Uint8Array(await (await received(req)).arrayBuffer());
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: req.headers["content-type"], sha: sha(got) }));
    });
    const op = {
      id: "upload",
      method: "PUT",
      path: "/blob",
      idempotent: true,
      errors: {},
      requestContentType: "application/octet-stream",
    };
    const r = await send(client(s), op, { body: make() });
    expect(r.data).toEqual({ type: "application/octet-stream", sha: sha(bytes) });
  });
});

describe("downloads", () => {
  const op = {
    id: "downloadFile",
    method: "GET",
    path: "/files/{id}/content",
    idempotent: true,
    errors: {},
    binary: true,
  };

  it.each(["image/png", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"])(
    "a binary response (%s) comes back as a Blob with its bytes and type",
    async (type) => {
      const s = await serve((_req, res) => {
        res.writeHead(200, { "content-type": type });
        res.end(bytes);
      });
      const r = await send(client(s), op, { path: { id: "f1" } });
      expect(r.ok).toBe(true);
      expect(r.data).toBeInstanceOf(Blob);
      expect(r.data.type).toBe(type);
      expect(sha(new Uint8Array(await r.data.arrayBuffer()))).toBe(sha(bytes));
    },
  );

  it("a file over maxBodyBytes fails the call instead of filling memory", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(bytes);
    });
    const r = await send(client(s, { maxBodyBytes: 100_000 }), op, { path: { id: "f1" } });
    expect(r.error).toMatchObject({ kind: "network" });
    expect(r.error.message).toContain("maxBodyBytes (100000)");
  });

  it('parseAs: "stream" hands the bytes over as they arrive, past maxBodyBytes, a chunk per read', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(bytes);
    });
    const call = { parseAs: "stream" };
    const r = await send(client(s, { maxBodyBytes: 100_000 }), op, { path: { id: "f1" } }, call);
    expect(r.ok).toBe(true);
    expect(r.data).toBeInstanceOf(ReadableStream);
    const got = new Uint8Array(await new Response(r.data as ReadableStream<Uint8Array>).arrayBuffer());
    expect(sha(got)).toBe(sha(bytes));
  });

  it('parseAs: "stream": a 32 MB download keeps heap and buffers flat (median of 16 readings after gc, one per 2 MB)', async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const chunk = new Uint8Array(64 * 1024).fill(3);
    const s = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      for (let i = 0; i < 512 && !res.destroyed; i++)
        if (!res.write(chunk)) await new Promise((resolve) => res.once("drain", resolve));
      res.end();
    });
    const used = () => (({ heapUsed, arrayBuffers }) => heapUsed + arrayBuffers)(process.memoryUsage());
    gc();
    const base = used();
    const call = { parseAs: "stream" };
    const r = await send(client(s, { maxBodyBytes: 2 ** 20 }), op, { path: { id: "big" } }, call);
    let size = 0;
    let next = 2 ** 21;
    const growth: number[] = [];
    for await (const part of r.data as AsyncIterable<Uint8Array>) {
      size += part.byteLength;
      if (size >= next) {
        next += 2 ** 21;
        gc();
        growth.push(used() - base);
      }
    }
    expect(size).toBe(32 * 2 ** 20);
    // The median: a single reading may catch a transient buffer (up to 8 MB seen); a Blob would hold it all.
    const median = growth.sort((a, b) => a - b)[growth.length >> 1]!;
    const mb = (n: number) => (n / 2 ** 20).toFixed(2);
    console.log(`32 MB byte stream: heap + buffers growth median ${mb(median)} MB, max ${mb(growth.at(-1)!)} MB`);
    expect(growth).toHaveLength(16);
    expect(median).toBeLessThan(4 * 2 ** 20);
  }, 30_000);

  it('parseAs: "stream": a stall past streamIdleTimeoutMs rejects the read with a timeout error', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.write(bytes.subarray(0, 1000)); // then silence, the socket left open
    });
    const r = await send(client(s), op, { path: { id: "f1" } }, { parseAs: "stream", streamIdleTimeoutMs: 50 });
    const reader = (r.data as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).value?.byteLength).toBe(1000);
    await expect(reader.read()).rejects.toMatchObject({ kind: "timeout", operation: "downloadFile" });
    await s.clientLeft;
  });

  it('parseAs: "stream": aborting the signal mid-download closes the socket and rejects the read', async () => {
    const s = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/zip" });
      for (let i = 0; !res.destroyed && i < 10_000; i++)
        await new Promise((resolve) => res.write(bytes.subarray(0, 16_384), () => setImmediate(resolve)));
      res.end();
    });
    const ac = new AbortController();
    const r = await send(client(s), op, { path: { id: "f1" } }, { parseAs: "stream", signal: ac.signal });
    const reader = (r.data as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).done).toBe(false);
    ac.abort();
    await expect(reader.read()).rejects.toMatchObject({ kind: "aborted", category: "terminal" });
    await s.clientLeft;
  });

  it("a JSON error on a file operation is still a classified HttpError", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end('{"error":{"message":"No such file","type":"invalid_request_error","code":"file_not_found"}}');
    });
    const r = await send(client(s), op, { path: { id: "nope" } });
    expect(r.error).toMatchObject({ kind: "http", status: 404, code: "file_not_found", message: "No such file" });
  });
});
