// generated-samples/ is both the CLI's golden output and a strict compile target: it must be
// exactly what the generator makes from specs/ today, and it must type-check.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");

describe("docs/error-surface.md", () => {
  it("is the report faultline makes from specs/ today", async () => {
    const specs = readdirSync("specs")
      .filter((f) => f.endsWith(".yaml"))
      .sort()
      .map((f) => `specs/${f}`);
    let out = "";
    expect(await main(["report", ...specs], { out: (t) => (out += t), err: () => undefined })).toBe(0);
    expect(out, "stale docs/error-surface.md: run `npm run samples`").toBe(
      readFileSync("docs/error-surface.md", "utf8"),
    );
  });
});

describe("generated-samples", () => {
  it("is up to date with specs/ (faultline generate --check)", async () => {
    let out = "";
    let err = "";
    const code = await main(["generate", "--check"], { out: (t) => (out += t), err: (t) => (err += t) });
    expect(err, `stale generated-samples: run \`npm run samples\`\n${out}`).toBe("");
    expect(code).toBe(0);
    const config = JSON.parse(readFileSync("faultline.config.json", "utf8")) as { specs: unknown[] };
    expect(out.match(/up to date/g)).toHaveLength(config.specs.length);
  });

  it("compiles with strict, noUncheckedIndexedAccess and exactOptionalPropertyTypes", () => {
    try {
      execFileSync(process.execPath, [TSC, "-p", "generated-samples/tsconfig.json"], { encoding: "utf8" });
    } catch (error) {
      expect.fail(`tsc failed:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
    }
  });
});
