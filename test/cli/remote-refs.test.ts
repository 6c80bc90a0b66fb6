// A spec is untrusted input: an http(s) $ref is not fetched unless --allow-remote-refs says so.
// A local server counts the requests, so "refused" is proven, not just printed.
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const ERRORS_YAML = `ServerError:
  description: the server failed
  content:
    application/json:
      schema:
        type: object
        properties:
          code: { type: string, enum: [INTERNAL] }
          message: { type: string }
`;

/** A fetched file is untrusted too: an alias bomb served by the server. */
const LAUGHS_YAML = [
  "a: &a [{}, {}, {}, {}, {}, {}, {}, {}, {}]",
  ..."bcdefgh".split("").map((c, i) => `${c}: &${c} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`),
  "ServerError: { description: e, x-l: [*h, *h, *h, *h, *h, *h, *h, *h, *h] }",
  "",
].join("\n");

let server: Server;
let laughsSpec: string;
let requests: string[];
let spec: string;
let nestedSpec: string;
let out: string;

beforeAll(async () => {
  requests = [];
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    res
      .writeHead(200, { "content-type": "application/yaml" })
      .end(req.url === "/laughs.yaml" ? LAUGHS_YAML : ERRORS_YAML);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const dir = mkdtempSync(path.join(tmpdir(), "faultline-remote-"));
  spec = path.join(dir, "openapi.yaml");
  // A local file the root trusts, which itself reaches for the URL: refused just the same.
  nestedSpec = path.join(dir, "nested.yaml");
  writeFileSync(
    path.join(dir, "errors.yaml"),
    `ServerError:\n  $ref: "http://127.0.0.1:${port}/errors.yaml#/ServerError"\n`,
  );
  writeFileSync(
    nestedSpec,
    `openapi: 3.0.3
info: { title: Nested, version: "1.0" }
paths:
  /things:
    get:
      responses:
        "200": { description: ok }
        "500": { $ref: "./errors.yaml#/ServerError" }
`,
  );
  out = path.join(dir, "client");
  laughsSpec = path.join(dir, "laughs-spec.yaml");
  writeFileSync(
    laughsSpec,
    `openapi: 3.0.3\ninfo: { title: Laughs, version: "1.0" }\npaths:\n  /things:\n    get:\n      responses:\n        "500": { $ref: "http://127.0.0.1:${port}/laughs.yaml#/ServerError" }\n`,
  );
  writeFileSync(
    spec,
    `openapi: 3.0.3
info: { title: Remote, version: "1.0" }
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200": { description: ok }
        "500":
          $ref: "http://127.0.0.1:${port}/errors.yaml#/ServerError"
`,
  );
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("remote $refs", () => {
  it("are refused by default, and nothing is fetched", async () => {
    const run = await runCli("generate", spec, "-o", out);
    expect(run.code).toBe(1);
    // The file is shown relative to the working folder or absolute, whichever is shorter: either names the spec.
    const shown =
      /^error: (.+):10:11 at #\/paths\/~1things\/get\/responses\/500\/\$ref: remote \$ref "http:\/\/127\.0\.0\.1:/.exec(
        run.err,
      );
    expect(shown, run.err).not.toBeNull();
    expect(path.resolve(shown![1]!)).toBe(spec);
    expect(run.err).toContain(
      "fix: download the referenced file and $ref it by relative path, or pass --allow-remote-refs",
    );
    expect(requests).toEqual([]);
  });

  it("are refused by report too", async () => {
    const run = await runCli("report", spec);
    expect(run.code).toBe(1);
    expect(run.err).toContain("refused: a spec is untrusted input");
    expect(requests).toEqual([]);
  });

  it("are refused inside a local file the spec pulls in, and nothing is fetched", async () => {
    const run = await runCli("generate", nestedSpec, "-o", out);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /nested\.yaml:8:18 at #\/paths\/~1things\/get\/responses\/500\/\$ref: remote \$ref "http:\/\/127\.0\.0\.1:\d+\/errors\.yaml" \(reached through \$ref "\.\/errors\.yaml#\/ServerError"\) refused/,
    );
    expect(requests).toEqual([]);
  });

  it("a fetched file gets the same limits as a local one (an alias bomb is refused, naming the URL)", async () => {
    const run = await runCli("generate", laughsSpec, "-o", out, "--allow-remote-refs");
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /^error: http:\/\/127\.0\.0\.1:\d+\/laughs\.yaml at #\/.+: more than 2,000,000 objects and lists once YAML aliases are expanded/,
    );
    expect(requests).toContain("/laughs.yaml");
    requests.length = 0;
  });

  it("are followed with --allow-remote-refs", async () => {
    const run = await runCli("generate", spec, "-o", out, "--allow-remote-refs");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(requests).toEqual(["/errors.yaml"]);
    const report = await runCli("report", spec, "--allow-remote-refs");
    expect(report.out).toContain("`INTERNAL`");
  });
});
