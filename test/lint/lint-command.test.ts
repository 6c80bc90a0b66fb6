// `faultline lint` through the real CLI: warnings on stdout with file:line:col, JSON pointer,
// message, rule and fix; exit 0 with warnings, 1 with --strict.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

const NOISY = `openapi: 3.0.3
info: { title: Noisy, version: "1" }
paths:
  /things:
    post:
      operationId: createThing
      responses:
        "201": { description: created }
        "429":
          description: "Slow down: RATE_LIMITED."
          content:
            application/json:
              schema: { type: object, properties: { code: { type: string }, message: { type: string } } }
`;

const CLEAN = `openapi: 3.0.3
info: { title: Clean, version: "1" }
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok }
        "404":
          description: "No such thing: THING_NOT_FOUND."
          content:
            application/json:
              schema: { type: object, properties: { code: { type: string, enum: [THING_NOT_FOUND] }, message: { type: string } } }
`;

let noisy: string;
let clean: string;
beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), "faultline-lint-"));
  noisy = path.join(dir, "noisy.yaml");
  clean = path.join(dir, "clean.yaml");
  writeFileSync(noisy, NOISY);
  writeFileSync(clean, CLEAN);
});

describe("faultline lint", () => {
  it("prints each warning with its position, pointer, rule and fix, and exits 0", async () => {
    const run = await runCli("lint", noisy);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      [
        `warning: ${noisy}:5:5 at #/paths/~1things/post/parameters: POST /things is not idempotent and takes no Idempotency-Key header, so a timeout or 5xx on it can never be retried safely [post-without-idempotency-key]`,
        "  fix: accept an Idempotency-Key header parameter; or, if repeating the request is harmless, mark it x-faultline-idempotent: true",
        `warning: ${noisy}:9:9 at #/paths/~1things/post/responses/429/headers: POST /things: the 429 response declares no Retry-After header, so clients can only guess how long to wait [retry-after-missing]`,
        "  fix: declare it: headers: { Retry-After: { description: seconds to wait, schema: { type: integer } } }",
        `warning: ${noisy}:10:11 at #/paths/~1things/post/responses/429/description: POST /things: the 429 description mentions RATE_LIMITED, but the response does not enumerate it [undocumented-code]`,
        "  fix: add RATE_LIMITED to the enum of the body's code property, or declare it under x-faultline-codes",
        "3 warnings",
        "",
      ].join("\n"),
    );
  });

  it("exits 1 with --strict when there is a warning", async () => {
    const run = await runCli("lint", noisy, "--strict");
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/3 warnings \(--strict: failing\)\n$/);
  });

  it("exits 0 with --strict on a clean spec", async () => {
    const run = await runCli("lint", clean, "--strict");
    expect(run).toEqual({ code: 0, out: "no warnings\n", err: "" });
  });

  it("lints several specs in one run", async () => {
    const run = await runCli("lint", clean, noisy, "--strict");
    expect(run.code).toBe(1);
    expect(run.out.match(/^warning: /gm)).toHaveLength(3);
  });
});
