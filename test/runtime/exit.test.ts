// The default clock must not keep the process alive: a script that aborts a call during a 30 s
// Retry-After sleep must exit right away.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";
import { renderRuntime } from "./render.js";

it("a process exits promptly after an aborted call and after a timed-out call", () => {
  const runtime = renderRuntime();
  const script = join(runtime, "..", "exit-check.ts");
  writeFileSync(
    script,
    `import { createServer } from "node:http";
import { createContext, send } from "./runtime/index.js";
const server = createServer((req, res) => {
  if (req.url === "/slow") return void setTimeout(() => res.end("late"), 60_000).unref();
  res.writeHead(503, { "retry-after": "30" }).end();
});
server.listen(0, "127.0.0.1", async () => {
  const { port } = server.address() as { port: number };
  const ctx = createContext({ baseUrl: "http://127.0.0.1:" + port }, { codes: {} });
  const op = (path: string) => ({ id: "x", method: "GET" as const, path, idempotent: true, errors: {} });
  const a = await send(ctx, op("/busy"), {}, { signal: AbortSignal.timeout(100) });
  const b = await send(ctx, op("/slow"), {}, { timeoutMs: 100, retry: { maxRetries: 0 } });
  server.closeAllConnections();
  server.close();
  console.log(JSON.stringify([a.ok ? "ok" : a.error.kind, b.ok ? "ok" : b.error.kind]));
});
`,
  );
  const t0 = Date.now();
  const out = spawnSync(process.execPath, ["--import", "tsx", script], {
    cwd: resolve(import.meta.dirname, "../.."),
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(out.stderr).toBe("");
  expect(out.stdout.trim()).toBe('["aborted","timeout"]');
  expect(Date.now() - t0).toBeLessThan(10_000);
}, 30_000);
