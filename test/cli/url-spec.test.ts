// A URL as the root spec, against a real server on 127.0.0.1: fetched with bounds on bytes and
// time, redirects followed a few times, credentials used but never shown, and the spec's own
// $refs refused unless --allow-remote-refs (then resolved against the spec's URL).
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers.js";

const SPEC = `openapi: 3.0.3
info: { title: Fetched, version: "1.0" }
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200": { description: ok }
        "429":
          description: slow down
          headers: { Retry-After: { schema: { type: integer } } }
          content:
            application/json:
              schema: { type: object, properties: { code: { type: string, enum: [RATE_LIMITED] } } }
`;
const WITH_REF = SPEC.replace(/"429":[\s\S]*$/, `"500": { $ref: "./shared/errors.yaml#/ServerError" }\n`);
const ERRORS = `ServerError:\n  description: the server failed\n  content:\n    application/json:\n      schema: { type: object, properties: { code: { type: string, enum: [INTERNAL] } } }\n`;

let server: Server;
let base: string;
const requests: string[] = [];

const send = (res: ServerResponse, status: number, body: string, type = "application/yaml") =>
  res.writeHead(status, { "content-type": type }).end(body);

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? "";
    requests.push(url);
    if (url === "/spec.yaml") return send(res, 200, SPEC);
    if (url === "/moved") return res.writeHead(302, { location: "/spec.yaml" }).end();
    if (url === "/loop") return res.writeHead(302, { location: "/loop" }).end();
    if (url === "/to-file") return res.writeHead(302, { location: "file:///etc/passwd" }).end();
    if (url === "/page") return send(res, 200, "<!doctype html><title>Docs</title>", "text/html; charset=utf-8");
    if (url === "/not-a-spec.json") return send(res, 200, '{"hello": "world"}', "application/json");
    if (url === "/api/with-ref.yaml") return send(res, 200, WITH_REF);
    if (url === "/api/shared/errors.yaml") return send(res, 200, ERRORS);
    if (url.startsWith("/private.yaml?")) {
      const ok = req.headers.authorization === `Basic ${Buffer.from("ann:s3cret").toString("base64")}`;
      return ok ? send(res, 200, SPEC) : send(res, 401, "who are you?", "text/plain");
    }
    if (url === "/huge.yaml") {
      // Chunked, no Content-Length: only counting the bytes read can stop it.
      res.writeHead(200, { "content-type": "application/yaml" });
      const chunk = `# ${"x".repeat(64 * 1024)}\n`;
      let sent = 0;
      const more = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200) res.once("drain", more);
        else res.end();
      };
      return more();
    }
    if (url === "/slow.yaml")
      return res.writeHead(200, { "content-type": "application/yaml" }).write("openapi: 3.0.3\n"); // never ends
    send(res, 404, "not found", "text/plain");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function expectCleanError(run: { code: number; out: string; err: string }, problem: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.err).toMatch(problem);
  expect(run.err).toMatch(/\n {2}fix: .+/);
  expect(run.err).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
}

describe("a URL as the root spec", () => {
  it("generate fetches it and writes the client; report and lint read it too", async () => {
    const dir = await tempDir();
    const run = await cli(["generate", `${base}/spec.yaml`, "-o", "gen"], dir);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(new RegExp(`^${base}/spec\\.yaml -> gen: 1 operations, 1 error variants`));
    expect(readdirSync(path.join(dir, "gen"))).toContain("index.ts");
    const report = await cli(["report", `${base}/spec.yaml`], dir);
    expect(report.out).toContain("| Fetched | `listThings` GET /things | 429 | `RATE_LIMITED` |");
    const lint = await cli(["lint", `${base}/spec.yaml`, "--json"], dir);
    expect(JSON.parse(lint.out)).toMatchObject({ ok: true, specs: [{ ok: true, spec: `${base}/spec.yaml` }] });
  });

  it("--watch with a URL is a usage error: there is no file to watch", async () => {
    const run = await cli(["generate", `${base}/spec.yaml`, "-o", "gen", "--watch"], await tempDir());
    expect(run.code).toBe(2);
    expect(run.err).toContain("--watch needs a spec file: a URL cannot be watched");
  });

  it("follows a redirect", async () => {
    const run = await cli(["report", `${base}/moved`, "--json"], await tempDir());
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ operations: 1, errorVariants: 2 });
  });

  it("a 404 names the URL and the status, exit 1, nothing written", async () => {
    const dir = await tempDir();
    const run = await cli(["generate", `${base}/gone.yaml`, "-o", "gen"], dir);
    expectCleanError(run, new RegExp(`^error: ${base}/gone\\.yaml: the server answered 404 Not Found\\n`));
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a body over --max-spec-mb is refused while it streams in", async () => {
    const run = await cli(["report", `${base}/huge.yaml`, "--max-spec-mb", "1"], await tempDir());
    expectCleanError(
      run,
      /huge\.yaml: is larger than 1048576 bytes, the limit for one spec file\n {2}fix: raise --max-spec-mb/,
    );
  });

  it("a server that never finishes is given up on after --fetch-timeout", async () => {
    const run = await cli(["lint", `${base}/slow.yaml`, "--fetch-timeout", "0.3"], await tempDir());
    expectCleanError(
      run,
      /slow\.yaml: no complete answer within 0\.3 s\n {2}fix: check the URL and the server, raise --fetch-timeout/,
    );
  });

  it("a body that is not a spec: an HTML page, or JSON without openapi", async () => {
    const dir = await tempDir();
    expectCleanError(
      await cli(["generate", `${base}/page`, "-o", "gen"], dir),
      /page: the server sent an HTML page, not a YAML or JSON spec\n {2}fix: use the URL of the raw file/,
    );
    expectCleanError(
      await cli(["generate", `${base}/not-a-spec.json`, "-o", "gen"], dir),
      /not-a-spec\.json at #: unsupported version \(no `openapi` or `swagger` field\)/,
    );
  });

  it("redirects are followed a few times only, and only to http(s)", async () => {
    const dir = await tempDir();
    expectCleanError(await cli(["report", `${base}/loop`], dir), /loop: redirects more than 5 times/);
    expectCleanError(
      await cli(["report", `${base}/to-file`], dir),
      /to-file: redirects to a file: URL; faultline follows http\(s\) only/,
    );
  });

  it("credentials in the URL are sent as Basic auth, and never shown or written", async () => {
    const dir = await tempDir();
    const secret = `http://ann:s3cret@127.0.0.1:${new URL(base).port}/private.yaml?token=t0ps3cret&v=2`;
    const run = await cli(["generate", secret, "-o", "gen", "--json"], dir);
    expect(run.code).toBe(0);
    const written = readdirSync(path.join(dir, "gen"), { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    );
    const everything = [
      run.out,
      run.err,
      ...written.map((e) => readFileSync(path.join(e.parentPath, e.name), "utf8")),
    ].join("\n");
    expect(everything).toContain("/private.yaml?token=***&v=2");
    expect(everything.match(/.{0,80}(?:s3cret|ann:).{0,80}/g)).toBeNull();
    const lint = await cli(["lint", secret, "--json"], dir);
    expect(JSON.parse(lint.out)).toMatchObject({
      ok: true,
      specs: [{ spec: expect.stringContaining("/private.yaml?token=***&v=2") }],
    });
    expect(lint.out.match(/.{0,80}(?:s3cret|ann:).{0,80}/g)).toBeNull();
    const denied = await cli(["report", secret.replace("s3cret", "wr0ng")], dir);
    expectCleanError(denied, /private\.yaml\?token=\*\*\*&v=2: the server answered 401/);
    expect(denied.err).not.toMatch(/wr0ng|t0ps3cret/);
  });

  it("its relative $refs are remote: refused by default (nothing fetched), resolved against the URL with --allow-remote-refs", async () => {
    const dir = await tempDir();
    requests.length = 0;
    const refused = await cli(["generate", `${base}/api/with-ref.yaml`, "-o", "gen"], dir);
    expectCleanError(
      refused,
      new RegExp(
        `with-ref\\.yaml:9:\\d+ at #/paths/~1things/get/responses/500/\\$ref: \\$ref "\\./shared/errors\\.yaml#/ServerError" names ${base}/api/shared/errors\\.yaml#/ServerError .*refused`,
      ),
    );
    expect(refused.err).toContain("fix: pass --allow-remote-refs");
    expect(requests).toEqual(["/api/with-ref.yaml"]);
    const allowed = await cli(["report", `${base}/api/with-ref.yaml`, "--allow-remote-refs"], dir);
    expect(allowed.err).toBe("");
    expect(allowed.out).toContain("| 500 | `INTERNAL` |");
    expect(requests).toContain("/api/shared/errors.yaml");
  });
});
