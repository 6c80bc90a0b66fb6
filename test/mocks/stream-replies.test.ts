// A mocked success that streams arrives framed as the client reads it, so an app's stream loop
// runs against the mock as against the server: SSE events (a 3.2 itemSchema's event objects with
// their JSON data, or an object schema's data) and JSON lines, one sample item each.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { loadSpec } from "../../src/parse/load.js";
import { createGenerateTools } from "../../src/cli/generate-tools.js";
import { ROOT } from "./seed-clients.js";

const dir = join(ROOT, ".tmp", `mocks-streams-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OBJECT_SSE = `openapi: 3.0.3
info: { title: Ticks, version: "1" }
paths:
  /ticks:
    get:
      operationId: streamTicks
      responses:
        "200":
          description: ticks
          content:
            text/event-stream:
              schema:
                type: object
                required: [seq, price]
                properties: { seq: { type: integer }, price: { type: number } }
`;

type Client = Record<
  string,
  (input?: unknown) => Promise<{ ok: boolean; data: AsyncIterable<unknown> & { error?: unknown } }>
>;

async function mocked(spec: string, name: string) {
  const { files } = await generate(await loadSpec(spec), createGenerateTools(), { mocks: true });
  for (const f of files) {
    mkdirSync(dirname(join(dir, name, f.path)), { recursive: true });
    writeFileSync(join(dir, name, f.path), f.contents);
  }
  writeFileSync(join(dir, name, "package.json"), '{ "type": "module" }');
  const mocks = await import(join(dir, name, "mocks.ts"));
  const index = await import(join(dir, name, "index.ts"));
  return (operation: string, replies: object[] = [{ status: 200 }]) =>
    (
      index.createClient({
        baseUrl: "https://api.example",
        fetch: mocks.mockFetch({ [operation]: replies }),
      }) as Client
    )[operation]!;
}

async function collect(stream: AsyncIterable<unknown> & { error?: unknown }) {
  const seen: unknown[] = [];
  for await (const item of stream) seen.push(item);
  return { seen, error: stream.error };
}

it("3.2 itemSchema: an SSE event object with its JSON data parsed; a JSON line of the item type", async () => {
  const operation = await mocked(join(ROOT, "test/fixtures/good/anthropic-messages-stream-3.2.yaml"), "anthropic");
  const message = await operation("createMessage")({ body: { model: "m", max_tokens: 1, messages: [] } });
  const events = await collect(message.data);
  expect(events.error).toBeUndefined();
  expect(events.seen).toHaveLength(1);
  expect(events.seen[0]).toMatchObject({ event: expect.any(String), data: expect.any(Object) });
  const lines = await collect((await operation("batchResults")({ path: { batch_id: "b1" } })).data);
  expect(lines.error).toBeUndefined();
  expect(lines.seen).toHaveLength(1);
  expect(typeof lines.seen[0]).toBe("object");
});

it("a scripted text body is the stream as sent: a mid-stream error ends it, classified", async () => {
  const operation = await mocked(join(ROOT, "test/fixtures/good/anthropic-messages-stream-3.2.yaml"), "scripted");
  const body =
    'event: ping\ndata: {"type":"ping"}\n\n' +
    'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';
  const message = await operation("createMessage", [{ status: 200, body }])({
    body: { model: "m", max_tokens: 1, messages: [] },
  });
  const events = await collect(message.data);
  expect(events.seen).toEqual([{ event: "ping", data: { type: "ping" } }]);
  expect(events.error).toMatchObject({ code: "overloaded_error", category: "retryable", statusKey: "stream" });
});

it("an SSE object schema: one event whose data is a sample of the schema", async () => {
  const file = join(dir, "ticks.yaml");
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, OBJECT_SSE);
  const operation = await mocked(file, "ticks");
  const ticks = await collect((await operation("streamTicks")()).data);
  expect(ticks).toEqual({ seen: [{ seq: expect.any(Number), price: expect.any(Number) }], error: undefined });
});
