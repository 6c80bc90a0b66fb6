// `faultline lint` through the real CLI: warnings on stdout with file:line:col, JSON pointer,
// message, rule and fix, then a count per rule; exit 0 with warnings, 1 with --strict;
// --rule keeps only the rules named, --json prints one JSON document, --quiet only the warnings.
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
        "warnings per rule:",
        "  1  post-without-idempotency-key",
        "  1  retry-after-missing",
        "  1  undocumented-code",
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

/** Two operations that each break two rules, and one more rule broken once: counts 2, 2, 1. */
const BUSY = `openapi: 3.0.3
info: { title: Busy, version: "1" }
paths:
  /a:
    post:
      operationId: createA
      responses:
        "201": { description: created }
        "429": { description: slow down }
  /b:
    post:
      operationId: createB
      responses:
        "201": { description: created }
        "503": { description: down }
  /c:
    get:
      operationId: getC
      responses:
        "200": { description: ok }
`;

describe("faultline lint: rules and summary", () => {
  let busy: string;
  beforeAll(() => {
    busy = path.join(mkdtempSync(path.join(tmpdir(), "faultline-lint-")), "busy.yaml");
    writeFileSync(busy, BUSY);
  });

  it("ends with a count per rule, most frequent first, ties by rule id", async () => {
    const run = await runCli("lint", busy);
    expect(run.code).toBe(0);
    expect(run.out.slice(run.out.indexOf("warnings per rule:"))).toBe(
      [
        "warnings per rule:",
        "  2  error-without-schema",
        "  2  post-without-idempotency-key",
        "  2  retry-after-missing",
        "  1  no-error-responses",
        "7 warnings",
        "",
      ].join("\n"),
    );
  });

  it("--rule keeps only the rules named (repeatable), summary included", async () => {
    const one = await runCli("lint", busy, "--rule", "retry-after-missing");
    expect(one.code).toBe(0);
    expect(one.out.match(/\[[a-z-]+\]$/gm)).toEqual(["[retry-after-missing]", "[retry-after-missing]"]);
    expect(one.out).toMatch(/warnings per rule:\n {2}2 {2}retry-after-missing\n2 warnings\n$/);
    const two = await runCli("lint", busy, "--rule", "no-error-responses", "--rule", "retry-after-missing");
    expect([...new Set(two.out.match(/\[[a-z-]+\]$/gm))].sort()).toEqual([
      "[no-error-responses]",
      "[retry-after-missing]",
    ]);
    expect(two.out).toMatch(/3 warnings\n$/);
  });

  it("--rule with an unknown id is a usage error that lists the known rules", async () => {
    const run = await runCli("lint", busy, "--rule", "retry-after-mising");
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toContain(
      'unknown lint rule "retry-after-mising": the rules are spec-warning, no-error-responses, error-without-schema, retry-after-missing, undocumented-code, inconsistent-envelope, post-without-idempotency-key',
    );
  });

  it("--json prints one document: every warning with its rule and place, the counts per rule", async () => {
    const run = await runCli("lint", busy, "--json", "--rule", "retry-after-missing", "--rule", "no-error-responses");
    expect(run).toMatchObject({ code: 0, err: "" });
    const json = JSON.parse(run.out);
    expect(json).toMatchObject({
      ok: true,
      strict: false,
      rules: ["no-error-responses", "retry-after-missing"],
      total: 3,
      perRule: { "retry-after-missing": 2, "no-error-responses": 1 },
    });
    expect(Object.keys(json.perRule)).toEqual(["retry-after-missing", "no-error-responses"]);
    expect(json.specs).toHaveLength(1);
    expect(json.specs[0].warnings[0]).toEqual({
      rule: "retry-after-missing",
      file: busy,
      pointer: "/paths/~1a/post/responses/429/headers",
      line: 9,
      column: 9,
      problem: "POST /a: the 429 response declares no Retry-After header, so clients can only guess how long to wait",
      fix: expect.stringContaining("Retry-After"),
    });
  });

  it("--json with --strict and a spec that cannot be read: ok false, the error in the document, exit 1", async () => {
    const run = await runCli("lint", busy, path.join(path.dirname(busy), "missing.yaml"), "--json", "--strict");
    expect(run.code).toBe(1);
    const json = JSON.parse(run.out);
    expect(json.ok).toBe(false);
    expect(json.specs[1]).toMatchObject({ ok: false, error: { problem: "file not found" } });
    expect(json.total).toBe(7);
    expect(run.err).toContain("missing.yaml: file not found");
  });

  it("a spec that cannot be read does not stop the others; the total says so, exit 1", async () => {
    const run = await runCli("lint", path.join(path.dirname(busy), "missing.yaml"), busy);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^error: .*missing\.yaml: file not found\n/);
    expect(run.out.match(/^warning: /gm)).toHaveLength(7);
    expect(run.out).toMatch(/\n7 warnings \(1 spec could not be read\)\n$/);
  });

  it("--quiet prints the warnings only: no summary, and nothing for a clean spec", async () => {
    const run = await runCli("lint", busy, "--quiet");
    expect(run.code).toBe(0);
    expect(run.out.match(/^warning: /gm)).toHaveLength(7);
    expect(run.out).not.toContain("warnings per rule");
    expect(run.out).not.toMatch(/7 warnings/);
    expect(await runCli("lint", clean, "-q")).toEqual({ code: 0, out: "", err: "" });
  });
});
