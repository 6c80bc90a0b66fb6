// A client generated from OpenAI's streaming and file operations (derived from its spec by
// scripts/trim-spec.ts: the operations and every schema they reach, unchanged), used the way its
// docs do: stream a chat completion, upload a file, fetch speech audio, stream a transcription of
// an uploaded file. The usage compiles under the strictest settings (wrong bodies rejected), then
// runs against a loopback server that plays OpenAI.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { compileAll, generateInto } from "../hostile/compile-generated.js";
import { startStreamServer, sse } from "./stream-server.js";

const root = mkdtempSync(path.join(tmpdir(), "faultline-stream-types-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SPEC = path.resolve(import.meta.dirname, "../fixtures/good/openai-streams-and-files.yaml");

const usage = `import { createClient, createCore, createSpeech, isEventStream } from "./openai/index.js";

export async function chat(baseUrl: string): Promise<string> {
  const openai = createClient({ baseUrl, auth: { ApiKeyAuth: "sk-test" }, streamIdleTimeoutMs: 5000 });
  const r = await openai.createChatCompletion({
    body: { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }], stream: true },
  });
  if (!r.ok) return "failed " + r.error.kind;
  if (!isEventStream(r.data)) return r.data.choices[0]?.message.content ?? "";
  let text = "";
  for await (const chunk of r.data) text += chunk.choices[0]?.delta.content ?? "";
  const e = r.data.error;
  if (e === undefined) return text;
  const code: string | undefined = e.code;
  return [text, e.kind, e.kind === "http" ? e.statusKey : "", code, e.category, e.attempts].join("|");
}

export async function upload(baseUrl: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const openai = createClient({ baseUrl, auth: { ApiKeyAuth: "sk-test" } });
  const r = await openai.createFile({ body: { file: new File([bytes], "train.jsonl"), purpose: "fine-tune" } });
  return r.ok ? r.data.filename + ":" + r.data.bytes : "failed " + r.error.kind;
}

export async function speech(baseUrl: string): Promise<number> {
  const openai = createClient({ baseUrl, auth: { ApiKeyAuth: "sk-test" } });
  const r = await openai.createSpeech({ body: { model: "tts-1", input: "Hi", voice: "alloy" } });
  if (!r.ok || isEventStream(r.data)) return -1;
  const audio: Blob = r.data;
  return audio.size;
}

export async function speechAsStream(baseUrl: string): Promise<number> {
  const openai = createClient({ baseUrl, auth: { ApiKeyAuth: "sk-test" } });
  const r = await openai.createSpeech({ body: { model: "tts-1", input: "Hi", voice: "alloy" } }, { parseAs: "stream" });
  if (!r.ok || isEventStream(r.data)) return -1;
  let size = 0;
  for await (const chunk of r.data) size += chunk.byteLength;
  return size;
}

export async function transcribe(baseUrl: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const openai = createClient({ baseUrl, auth: { ApiKeyAuth: "sk-test" } });
  const file = new File([bytes], "hello.wav", { type: "audio/wav" });
  const r = await openai.createTranscription({ body: { file, model: "gpt-4o-transcribe", stream: true } });
  if (!r.ok || !isEventStream(r.data)) return "failed";
  const parts: string[] = [];
  for await (const e of r.data) {
    if (e.type === "transcript.text.delta") parts.push(e.delta);
    else if (e.type === "transcript.text.done") parts.push("|" + e.text);
  }
  return parts.join("");
}

export function wrong(openai: ReturnType<typeof createClient>) {
  void createSpeech(createCore({ auth: { ApiKeyAuth: "k" } }), { body: { model: "tts-1", input: "Hi", voice: "alloy" } }, { parseAs: "stream" }).then((r) => {
    // @ts-expect-error: asked for a stream, the audio is not a Blob
    if (r.ok && !isEventStream(r.data)) void r.data.arrayBuffer();
  });
  // @ts-expect-error: a format: binary field takes a Blob or File, not a path string
  void openai.createFile({ body: { file: "./train.jsonl", purpose: "fine-tune" } });
  // @ts-expect-error: purpose is still the spec's enum
  void openai.createFile({ body: { file: new Blob([]), purpose: "nope" } });
}
`;

it("OpenAI: streams a chat completion, uploads a file, downloads audio, streams a transcription, compiled strictly", async () => {
  await generateInto(SPEC, path.join(root, "src", "openai"));
  writeFileSync(path.join(root, "src", "usage.ts"), usage);
  expect(await compileAll(root)).toBe("");
  const run = await import(pathToFileURL(path.join(root, "dist", "usage.js")).href);

  const chunk = (content: string) =>
    `data: ${JSON.stringify({ id: "c1", choices: [{ index: 0, finish_reason: null, delta: { content } }] })}\n\n`;
  const server = await startStreamServer(async (req, res) => {
    if (req.url === "/files") {
      let size = 0;
      for await (const part of req) size += (part as Buffer).length;
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ id: "file-1", bytes: size, filename: "train.jsonl", purpose: "fine-tune" }));
    }
    if (req.url === "/audio/transcriptions") {
      const form = await new Request("http://x", {
        method: "POST",
        headers: req.headers as HeadersInit,
        body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
        duplex: "half",
      }).formData();
      const file = form.get("file") as File;
      const heard = `${file.name}:${file.size}:${form.get("stream") as string}`;
      const send = sse(res);
      await send(`data: ${JSON.stringify({ type: "transcript.text.delta", delta: "Hel" })}\n\n`);
      await send(`data: ${JSON.stringify({ type: "transcript.text.delta", delta: "lo" })}\n\n`);
      await send(`data: ${JSON.stringify({ type: "transcript.text.done", text: heard })}\n\n`);
      return void res.end();
    }
    if (req.url === "/audio/speech") {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      return void res.end(Buffer.alloc(4096, 1));
    }
    const send = sse(res);
    await send(chunk("Hel"));
    await send(chunk("lo"));
    if (server.requests > 1)
      await send(
        'data: {"error":{"message":"The server had an error","type":"server_error","param":null,"code":"server_error"}}\n\n',
      );
    else await send("data: [DONE]\n\n");
    res.end();
  });
  try {
    expect(await run.chat(server.url)).toBe("Hello");
    expect(await run.chat(server.url)).toBe("Hello|http|stream|server_error|retryable|1");
    expect(server.requests).toBe(2);
    expect(await run.upload(server.url, new Uint8Array(1000).fill(65))).toMatch(/^train\.jsonl:\d{4}$/);
    expect(await run.speech(server.url)).toBe(4096);
    expect(await run.speechAsStream(server.url)).toBe(4096);
    expect(await run.transcribe(server.url, new Uint8Array(2500).fill(9))).toBe("Hello|hello.wav:2500:true");
  } finally {
    await server.close();
  }
}, 120_000);
