import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { expect, it } from "vitest";

const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");

it("generated result unions narrow on status, code and category (tsc --strict over test/types/narrowing.ts)", () => {
  try {
    execFileSync(process.execPath, [TSC, "-p", "test/types/tsconfig.json"], { encoding: "utf8" });
  } catch (error) {
    expect.fail(`tsc failed:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
  }
});
