// Warnings through the real CLI: a flawed spec still generates (exit 0) with a count and each
// warning on stderr; --quiet hides them, --json carries them, --strict refuses the spec (exit 1,
// nothing written), and `lint` lists them with its own warnings.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const SPEC = "test/fixtures/flawed/duplicate-operation-ids.yaml";
const FIX = "  fix: operationIds must be unique (OAS 3.1 §4.8.10.1): rename one of them";
const WARNINGS = [
  `warning: ${SPEC}:11:7 at #/paths/~1api~1v1~1health/head/operationId: operationId "v1.health.get" is already used at #/paths/~1api~1v1~1health/get`,
  `  faultline: renamed this operation's id to "headApiV1Health"`,
  FIX,
  `warning: ${SPEC}:21:7 at #/paths/~1v2~1phone_numbers/get/operationId: operationId "ListPhoneNumbers" is already used at #/paths/~1phone_numbers/get`,
  `  faultline: renamed this operation's id to "getV2PhoneNumbers"`,
  FIX,
].join("\n");

const outDir = () => path.join(mkdtempSync(path.join(tmpdir(), "faultline-warn-")), "client");

describe("spec warnings in the CLI", () => {
  it("generate writes the client and prints a count and each warning on stderr", async () => {
    const out = outDir();
    const run = await runCli("generate", SPEC, "-o", out);
    expect(run.code).toBe(0);
    expect(run.err).toBe(`${SPEC}: 2 warnings\n${WARNINGS}\n`);
    expect(run.out).toMatch(/4 operations, 2 error variants, 27 written/);
    expect(existsSync(path.join(out, "client.ts"))).toBe(true);
  });

  it("--quiet hides them", async () => {
    const run = await runCli("generate", SPEC, "-o", outDir(), "--quiet");
    expect(run).toMatchObject({ code: 0, err: "", out: "" });
  });

  it("--json carries them with where, what and what faultline did", async () => {
    const run = await runCli("generate", SPEC, "-o", outDir(), "--json");
    expect(run.code).toBe(0);
    const [target] = JSON.parse(run.out).targets;
    expect(target.warnings).toEqual([
      expect.objectContaining({
        file: SPEC,
        line: 11,
        column: 7,
        pointer: "/paths/~1api~1v1~1health/head/operationId",
        did: `renamed this operation's id to "headApiV1Health"`,
      }),
      expect.objectContaining({
        file: SPEC,
        line: 21,
        column: 7,
        did: `renamed this operation's id to "getV2PhoneNumbers"`,
      }),
    ]);
  });

  it("--strict turns them into errors: exit 1, nothing written", async () => {
    const out = outDir();
    const run = await runCli("generate", SPEC, "-o", out, "--strict");
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `${SPEC}: 2 warnings (--strict: refused, nothing written)\n${WARNINGS.replaceAll("warning: ", "error: ")}\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("lint lists them", async () => {
    const run = await runCli("lint", SPEC);
    expect(run.out).toContain(`${WARNINGS}\n`);
    expect(run.out).toMatch(/^\d+ warnings$/m);
  });
});
