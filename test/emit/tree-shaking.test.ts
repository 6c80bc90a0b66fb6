// An app that calls one operation through createCore and that operation's function ships only
// that operation's data: esbuild (bundle, minify, tree-shaking, esm, browser) drops every other
// operation and the runtime modules the call never reaches. The functions behave as the methods
// of createClient do, against a real loopback server.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { loadSpec } from "../../src/parse/load.js";
import { startFaultServer, type FaultServer } from "../runtime/fault-server.js";
import { createGenerateTools } from "../../src/cli/generate-tools.js";

const dir = mkdtempSync(path.join(tmpdir(), "faultline-shake-"));
let names: string[] = [];
let server: FaultServer;

async function generateInto(specFile: string, out: string) {
  const { files, api } = await generate(await loadSpec(specFile), createGenerateTools());
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, out, file.path)), { recursive: true });
    writeFileSync(path.join(dir, out, file.path), file.contents);
  }
  return api;
}

beforeAll(async () => {
  names = (await generateInto("specs/bots.yaml", "client")).operations.map((op) => op.name);
  // The same API without security schemes: its root security and its bearerAuth scheme removed.
  cpSync("specs/bots", path.join(dir, "spec", "bots"), { recursive: true });
  const unsecured = readFileSync("specs/bots.yaml", "utf8")
    .replace(/^security:\n( {2}- .*\n)+/m, "")
    .replace(/^ {2}securitySchemes:\n( {4}.*\n)+/m, "");
  expect(unsecured).not.toMatch(/securitySchemes|bearerAuth/);
  writeFileSync(path.join(dir, "spec", "bots.yaml"), unsecured);
  await generateInto(path.join(dir, "spec", "bots.yaml"), "unsecured");
  await generateInto("test/fixtures/good/openai-streams-and-files.yaml", "streaming");
  await generateInto("test/fixtures/good/file-responses.yaml", "files");
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function bundle(app: string): Promise<string> {
  writeFileSync(path.join(dir, "app.ts"), app);
  const result = await build({
    entryPoints: [path.join(dir, "app.ts")],
    bundle: true,
    minify: true,
    treeShaking: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("a one-operation app", () => {
  it("bundles getBot's data and no other operation's", async () => {
    const code = await bundle(`import { createCore, getBot } from "./client/index.js";
const core = createCore({ baseUrl: "https://bots.example" });
export const result = getBot(core, { path: { botId: "b1" } });
`);
    expect(names.length).toBeGreaterThan(5);
    expect(code).toContain('"getBot"');
    for (const other of names.filter((n) => n !== "getBot")) expect(code).not.toContain(`"${other}"`);
    // Paths only other operations use are gone too (getBot's own is a prefix of some of them).
    expect(code).not.toContain("/actions");
    expect(code).not.toContain("/v1/public/bots");
    // Nothing on the call's path throws a FaultlineError: errors.ts is dropped.
    expect(code).not.toContain("faultline.error");
  });

  it("ships auth.ts only when the spec has security schemes", async () => {
    const app = (from: string) => `import { createCore, getBot } from "./${from}/index.js";
export const result = getBot(createCore({ baseUrl: "https://bots.example" }), { path: { botId: "b1" } });
`;
    expect(await bundle(app("client"))).toContain("Bearer ");
    const unsecured = await bundle(app("unsecured"));
    expect(unsecured).toContain('"getBot"');
    expect(unsecured).not.toContain("Bearer ");
    expect(unsecured).not.toContain("Basic ");
  });

  it("ships the stream reader only with an operation that streams, the file reader only with one that returns files", async () => {
    const getBot = await bundle(`import { createCore, getBot } from "./client/index.js";
export const result = getBot(createCore({ baseUrl: "https://bots.example" }), { path: { botId: "b1" } });
`);
    const chat = await bundle(`import { createCore, createChatCompletion } from "./streaming/index.js";
const core = createCore({ baseUrl: "https://api.example" });
export const result = createChatCompletion(core, { body: { model: "m", messages: [], stream: true } });
`);
    const report = await bundle(`import { createCore, getReport } from "./files/index.js";
export const result = getReport(createCore({ baseUrl: "https://files.example" }));
`);
    // stream.ts only with an operation that streams, files.ts only with one that returns files.
    for (const streamCode of ["[DONE]", "Stream event over", "Stream event is not JSON"]) {
      expect(chat).toContain(streamCode);
      expect(getBot).not.toContain(streamCode);
      expect(report).not.toContain(streamCode);
    }
    for (const fileCode of ["parseAs", "highWaterMark"]) {
      expect(report).toContain(fileCode);
      expect(getBot).not.toContain(fileCode);
      expect(chat).not.toContain(fileCode);
    }
  });

  it("an app that only checks errors ships neither tables nor the call machinery (every runtime module is side-effect free)", async () => {
    const code = await bundle(`import { isFaultlineError } from "./client/index.js";
export const check = isFaultlineError;
`);
    expect(code).not.toContain("reauthenticate"); // the status defaults and vocabulary
    expect(code).not.toContain("maxRetries"); // retry-timing
    expect(code).not.toContain("timed out"); // timers
    expect(code.length).toBeLessThan(300);
  });

  it("bundles every operation when the app uses createClient", async () => {
    const code = await bundle(`import { createClient } from "./client/index.js";
export const client = createClient({ baseUrl: "https://bots.example" });
`);
    for (const name of names) expect(code).toContain(`"${name}"`);
  });
});

describe("operation functions", () => {
  it("send the same request and give the same result as createClient's methods", async () => {
    const mod = await import(pathToFileURL(path.join(dir, "client", "index.ts")).href);
    server.script({ status: 404, body: { error: { code: "NOT_FOUND", message: "no bot" } } });
    const options = { baseUrl: server.url, retry: { maxRetries: 0 } };
    const viaFunction = await mod.getBot(mod.createCore(options), { path: { botId: "b 1" } });
    const viaClient = await mod.createClient(options).getBot({ path: { botId: "b 1" } });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/bots/b%201", "GET /api/bots/b%201"]);
    expect(viaFunction.ok).toBe(false);
    expect({ ...viaFunction.error, headers: undefined }).toEqual({ ...viaClient.error, headers: undefined });
    expect(viaFunction.error).toMatchObject({
      kind: "http",
      status: 404,
      operation: "getBot",
      category: "terminal",
      recovery: "check-resource",
    });
  });

  it("check the options once, in createCore", async () => {
    const mod = await import(pathToFileURL(path.join(dir, "client", "index.ts")).href);
    expect(() => mod.createCore({ baseUrl: "not a url" })).toThrow(TypeError);
    expect(() => mod.createCore({ baseUrl: server.url, timeoutMs: -1 })).toThrow(/timeoutMs/);
  });
});
