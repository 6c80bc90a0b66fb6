// The installed entry point: `node bin/faultline.js` on the built dist/, as a build script runs it.
import { execFileSync, spawn } from "node:child_process";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { miniSpec, tempDir, writeSpec } from "./helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/faultline.js");

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

function run(
  args: string[],
  cwd: string,
  onOut?: (text: string, child: ReturnType<typeof spawn>) => void,
): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      onOut?.(out, child);
    });
    child.stderr.on("data", (chunk: Buffer) => void (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, out, err }));
  });
}

beforeAll(() => {
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
});

describe("bin/faultline.js", () => {
  it("exit 0 on success, 1 on stale output and on a bad spec, 2 on bad usage", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    const ok = await run(["generate", "cases.yaml", "-o", "gen"], dir);
    expect(ok).toMatchObject({ code: 0, err: "" });
    expect(ok.out).toMatch(/^cases\.yaml -> gen: 2 operations/);
    expect(ok.out).not.toContain("\x1b[");

    await writeSpec(dir, "cases.yaml", miniSpec({ codes: ["RATE_LIMITED"] }));
    const stale = await run(["generate", "cases.yaml", "-o", "gen", "--check"], dir);
    expect(stale.code).toBe(1);
    expect(stale.out).toContain("- POST /cases 429 USAGE_LIMIT_REACHED: removed (was billing, upgrade-plan)");

    await writeFile(path.join(dir, "cases.yaml"), "openapi: 3.1.0\n");
    const bad = await run(["generate", "cases.yaml", "-o", "gen"], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^error: cases\.yaml/);
    expect(bad.err).not.toMatch(/\n\s+at /);

    const usage = await run(["generate", "--bogus"], dir);
    expect(usage.code).toBe(2);
  });

  it("writes the checked-in sample byte for byte (prettier formats on a worker thread here)", async () => {
    const dir = await tempDir();
    const result = await run(["generate", path.join(ROOT, "specs/cases.yaml"), "-o", "gen", "--quiet"], dir);
    expect(result).toMatchObject({ code: 0, err: "" });
    const sample = path.join(ROOT, "generated-samples/cases");
    const files = (await readdir(sample, { recursive: true, withFileTypes: true }))
      .filter((f) => f.isFile())
      .map((f) => path.relative(sample, path.join(f.parentPath, f.name)));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files)
      expect(await readFile(path.join(dir, "gen", file), "utf8"), file).toBe(
        await readFile(path.join(sample, file), "utf8"),
      );
  });

  it("every command takes --json and --quiet (lint and report rejected both as unknown arguments)", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    for (const argv of [
      ["generate", "cases.yaml", "-o", "gen"],
      ["lint", "cases.yaml"],
      ["report", "cases.yaml", "-o", "report.md"],
      ["init", "cases.yaml"],
    ]) {
      const json = await run([...argv, "--json"], dir);
      expect(json, argv.join(" ")).toMatchObject({ code: 0, err: "" });
      expect(JSON.parse(json.out), argv.join(" ")).toMatchObject({ ok: true });
      if (argv[0] === "init") await rm(path.join(dir, "faultline.config.json"));
      const quiet = await run(
        [...argv, "--quiet", ...(argv[0] === "lint" ? ["--rule", "undocumented-code"] : [])],
        dir,
      );
      expect(quiet, argv.join(" ")).toMatchObject({ code: 0, out: "", err: "" });
    }
  });

  it("--watch exits 0 on SIGINT", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    let sent = false;
    const result = await run(["generate", "cases.yaml", "-o", "gen", "--watch"], dir, (out, child) => {
      if (!sent && out.includes("press Ctrl+C to stop")) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    expect(sent).toBe(true);
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(result.out).toMatch(/stopped watching\n$/);
  });

  it("stops quietly when the reader closes the pipe early (| head), no stack trace", async () => {
    // lint writes a line per warning, so lines are still coming when the pipe closes.
    const specs = ["bots", "cases", "inbox", "prompts", "tickets"].map((name) =>
      path.join(ROOT, "specs", `${name}.yaml`),
    );
    let closed = false;
    const result = await run(["lint", ...specs, ...specs, ...specs], ROOT, (_out, child) => {
      if (!closed) {
        closed = true;
        child.stdout!.destroy();
      }
    });
    expect(closed).toBe(true);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
  });
});
