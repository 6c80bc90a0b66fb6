// OpenAPI 3.2 itemSchema, used the way a caller would: a client generated from a Messages-stream
// spec (Anthropic's events, written as 3.2) narrows each event on its `event` name to a `data`
// that is the parsed JSON its contentSchema declares, a text-data event stays a string, and JSON
// lines are typed by their item. The usage compiles strictly, then runs against a loopback server.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { compileAll, generateInto } from "../hostile/compile-generated.js";
import { startStreamServer, sse } from "./stream-server.js";

const root = mkdtempSync(path.join(tmpdir(), "faultline-stream-items-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SPEC = path.resolve(import.meta.dirname, "../fixtures/good/anthropic-messages-stream-3.2.yaml");

const usage = `import { createClient } from "./messages/index.js";
import type { paths } from "./messages/schema.js";

type Item = paths["/messages"]["post"]["responses"]["200"]["content"]["text/event-stream"];

export async function stream(baseUrl: string): Promise<string[]> {
  const client = createClient({ baseUrl, streamIdleTimeoutMs: 5000 });
  const r = await client.createMessage({
    body: { model: "claude-sonnet-4", max_tokens: 64, messages: [{ role: "user", content: "Hi" }], stream: true },
  });
  if (!r.ok) return ["failed " + r.error.kind];
  const seen: string[] = [];
  for await (const e of r.data) {
    if (e.event === "message_start") seen.push("start " + e.data.message.id);
    else if (e.event === "content_block_delta") seen.push("text " + e.data.delta.text);
    else if (e.event === "message_delta") seen.push("delta " + e.data.delta.stop_reason + " " + e.data.usage.output_tokens);
    else if (e.event === "heartbeat") {
      const text: string = e.data;
      seen.push("heartbeat " + text);
    } else seen.push(e.event + " " + e.data.type);
  }
  const error = r.data.error;
  if (error !== undefined) {
    const code: string | undefined = error.code;
    seen.push([error.kind, error.kind === "http" ? error.statusKey : "", code, error.category, error.attempts].join("|"));
  }
  return seen;
}

export async function results(baseUrl: string): Promise<string[]> {
  const client = createClient({ baseUrl });
  const r = await client.batchResults({ path: { batch_id: "b1" } });
  if (!r.ok) return ["failed " + r.error.kind];
  const lines: string[] = [];
  for await (const line of r.data) lines.push(line.custom_id + ":" + line.result.type);
  return lines;
}

export function wrong(e: Item): void {
  if (e.event === "message_delta") {
    // @ts-expect-error: message_delta's data has no message (message_start's has)
    void e.data.message;
  }
  if (e.event === "heartbeat") {
    // @ts-expect-error: heartbeat's data is declared text, not JSON
    void e.data.type;
  }
  // @ts-expect-error: an error event ends the stream (r.data.error): it is never an item
  if (e.event === "error") void e;
}
`;

const event = (name: string, data: unknown) =>
  `event: ${name}\ndata: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;

it("3.2 itemSchema: SSE events narrow on their name to typed JSON data, JSON lines to their item; compiled strictly", async () => {
  const generated = await generateInto(SPEC, path.join(root, "src", "messages"));
  expect(generated.warnings).toEqual([]);
  writeFileSync(path.join(root, "src", "usage.ts"), usage);
  expect(await compileAll(root)).toBe("");
  const run = await import(pathToFileURL(path.join(root, "dist", "usage.js")).href);

  let scenario = "";
  const server = await startStreamServer(async (req, res) => {
    if (req.url?.startsWith("/messages/batches/")) {
      res.writeHead(200, { "content-type": "application/x-jsonl" });
      res.write(JSON.stringify({ custom_id: "a", result: { type: "succeeded" } }) + "\n");
      return void res.end(JSON.stringify({ custom_id: "b", result: { type: "errored" } }) + "\n");
    }
    const send = sse(res);
    await send(
      event("message_start", { type: "message_start", message: { id: "msg_1", model: "m", role: "assistant" } }),
    );
    if (scenario === "overloaded") {
      await send(event("error", { type: "error", error: { type: "overloaded_error", message: "Overloaded" } }));
      return void res.end();
    }
    await send(event("ping", scenario === "not-json" ? "pong" : { type: "ping" }));
    await send(
      event("content_block_delta", {
        type: "content_block_delta",
        index: 0,
        delta: { type: "text_delta", text: "Hel" },
      }),
    );
    await send(
      event("content_block_delta", {
        type: "content_block_delta",
        index: 0,
        delta: { type: "text_delta", text: "lo" },
      }),
    );
    await send(event("heartbeat", "still here"));
    await send(
      event("message_delta", {
        type: "message_delta",
        delta: { stop_reason: "end_turn" },
        usage: { output_tokens: 2 },
      }),
    );
    await send(event("message_stop", { type: "message_stop" }));
    res.end();
  });
  try {
    expect(await run.stream(server.url)).toEqual([
      "start msg_1",
      "ping ping",
      "text Hel",
      "text lo",
      "heartbeat still here",
      "delta end_turn 2",
      "message_stop message_stop",
    ]);
    // Mid-stream overload: the events before it, then the classified error; never retried.
    scenario = "overloaded";
    const before = server.requests;
    expect(await run.stream(server.url)).toEqual(["start msg_1", "http|stream|overloaded_error|retryable|1"]);
    expect(server.requests - before).toBe(1);
    // Data declared JSON that is not JSON ends the stream: the type promised a parsed value.
    scenario = "not-json";
    expect(await run.stream(server.url)).toEqual(["start msg_1", "network|||retryable|1"]);
    expect(await run.results(server.url)).toEqual(["a:succeeded", "b:errored"]);
  } finally {
    await server.close();
  }
}, 120_000);
