// An operation whose success is a file gets two signatures: the plain one (data is a Blob) and
// one taking { parseAs: "stream" } (data is a ReadableStream). Both must compile strictly for an
// operation whose input is optional (a required call cannot follow an optional input) and for
// one whose input is required, as functions and as createClient's methods, and run.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { compileAll, generateInto } from "../hostile/compile-generated.js";
import { startStreamServer } from "../runtime/stream-server.js";

const root = mkdtempSync(path.join(tmpdir(), "faultline-file-overloads-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SPEC = path.resolve(import.meta.dirname, "../fixtures/good/file-responses.yaml");

const usage = `import { createClient, createCore, getFile, getReport } from "./files/index.js";

async function size(stream: ReadableStream<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const chunk of stream) n += chunk.byteLength;
  return n;
}

export async function sizes(baseUrl: string): Promise<number[]> {
  const core = createCore({ baseUrl });
  const client = createClient({ baseUrl });
  const a = await getReport(core);
  const b = await getReport(core, undefined, { parseAs: "stream" });
  const c = await client.getFile({ path: { id: "x" } }, { parseAs: "stream", timeoutMs: 5000 });
  const d = await getFile(core, { path: { id: "x" } }, { parseAs: "blob" });
  const e = await client.getReport();
  if (!a.ok || !b.ok || !c.ok || !d.ok || !e.ok) return [];
  const blob: Blob = a.data;
  return [blob.size, await size(b.data), await size(c.data), d.data.size, e.data.size];
}

export function wrong(baseUrl: string) {
  const client = createClient({ baseUrl });
  void client.getFile({ path: { id: "x" } }, { parseAs: "stream" }).then((r) => {
    // @ts-expect-error: asked for a stream, data is not a Blob
    if (r.ok) void r.data.arrayBuffer();
  });
  void getReport(createCore({ baseUrl })).then((r) => {
    // @ts-expect-error: not asked for a stream, data is a Blob
    if (r.ok) void r.data.getReader();
  });
  // @ts-expect-error: listFiles returns no file, so parseAs changes nothing: data stays string[]
  void client.listFiles(undefined, { parseAs: "stream" }).then((r) => r.ok && r.data.getReader());
}
`;

it("file operations type-check with and without parseAs: stream, input optional or required, and run", async () => {
  await generateInto(SPEC, path.join(root, "src", "files"));
  writeFileSync(path.join(root, "src", "usage.ts"), usage);
  expect(await compileAll(root)).toBe("");
  const run = await import(pathToFileURL(path.join(root, "dist", "usage.js")).href);
  const server = await startStreamServer((req, res) => {
    const type = req.url === "/report" ? "application/pdf" : "application/octet-stream";
    res.writeHead(200, { "content-type": type });
    res.end(Buffer.alloc(req.url === "/report" ? 3000 : 5000, 7));
  });
  try {
    expect(await run.sizes(server.url)).toEqual([3000, 3000, 5000, 5000, 3000]);
  } finally {
    await server.close();
  }
}, 120_000);
