// The real CLI, main(argv, io), on real files in temp folders.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ageFiles, cli, miniSpec, snapshot, tempDir, writeJson, writeSpec } from "./helpers.js";

const ESC = "\x1b[";

async function project(config: Record<string, unknown> = {}) {
  const dir = await tempDir();
  await writeSpec(dir, "cases.yaml", miniSpec());
  await writeJson(path.join(dir, "faultline.config.json"), {
    specs: [{ spec: "cases.yaml", output: "gen/cases", ...config }],
  });
  return dir;
}

describe("generate", () => {
  it("generates from the config, then leaves unchanged files alone (mtimes kept)", async () => {
    const dir = await project();
    const run = await cli(["generate"], dir);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toMatch(
      /^cases\.yaml -> gen\/cases: 2 operations, 4 error variants, 27 written, 0 removed, 0 unchanged/,
    );
    const out = path.join(dir, "gen/cases");
    expect(await readdir(out)).toContain("error-surface.json");
    await ageFiles(await snapshot(out), out);
    const before = await snapshot(out);
    const again = await cli(["generate"], dir);
    expect(again.out).toMatch(/unchanged \(\d+ ms\)\n$/);
    expect(await snapshot(out)).toEqual(before);
  });

  it("a spec and --out on the command line need no config", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "api.json", miniSpec());
    expect((await cli(["generate", "api.json", "-o", "out"], dir)).code).toBe(0);
    expect(await readdir(path.join(dir, "out"))).toContain("client.ts");
  });

  it("prints the error-surface diff when a regeneration changes it", async () => {
    const dir = await project();
    await cli(["generate"], dir);
    await writeSpec(dir, "cases.yaml", miniSpec({ codes: ["USAGE_LIMIT_REACHED", "QUOTA_EXCEEDED"] }));
    const run = await cli(["generate"], dir);
    expect(run.out).toContain("    - POST /cases 429 RATE_LIMITED: removed (was retryable, wait-and-retry)\n");
    expect(run.out).toContain("    + POST /cases 429 QUOTA_EXCEEDED: added (billing, upgrade-plan)\n");
  });

  it("a bad spec: exit 1, a diagnostic, and the output folder byte-identical", async () => {
    const dir = await project();
    await cli(["generate"], dir);
    const out = path.join(dir, "gen/cases");
    await writeFile(path.join(out, "mine.ts"), "// my own file\n");
    const before = await snapshot(out);
    await writeFile(path.join(dir, "cases.yaml"), "openapi: 3.1.0\ninfo: [unclosed\n");
    const run = await cli(["generate"], dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^error: cases\.yaml:\d+:\d+: invalid YAML/);
    expect(run.err).toContain("fix:");
    expect(await snapshot(out)).toEqual(before);
  });

  it("one failing spec does not stop the others, and the run exits 1", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "good.yaml", miniSpec());
    await writeFile(path.join(dir, "bad.yaml"), "swagger: '1.2'\n");
    await writeJson(path.join(dir, "faultline.config.json"), {
      specs: [
        { spec: "bad.yaml", output: "gen/bad" },
        { spec: "good.yaml", output: "gen/good" },
      ],
    });
    const run = await cli(["generate"], dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/bad\.yaml:1:1 at #\/swagger: unsupported version/);
    expect(run.out).toMatch(/good\.yaml -> gen\/good: .* 27 written/);
  });

  it("an operation override naming no operation is an error pointing into the config", async () => {
    const dir = await project({ overrides: { operations: { createCas: { codes: { X: { category: "billing" } } } } } });
    const run = await cli(["generate"], dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'faultline.config.json at #/specs/0/overrides/operations/createCas: cases.yaml has no operation "createCas"',
    );
    expect(run.err).toContain("createCase");
  });
});

describe("generate --check", () => {
  it("exit 0 when up to date, and writes nothing", async () => {
    const dir = await project();
    await cli(["generate"], dir);
    const run = await cli(["generate", "--check"], dir);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/up to date/);
  });

  it("exit 1 with the error-surface diff when a config override changed a category", async () => {
    const dir = await project({
      overrides: { codes: { USAGE_LIMIT_REACHED: { category: "retryable", recovery: "wait-and-retry" } } },
    });
    await cli(["generate"], dir);
    // The override is removed: the code's own words ("usage limit") classify it as billing again.
    await writeJson(path.join(dir, "faultline.config.json"), { specs: [{ spec: "cases.yaml", output: "gen/cases" }] });
    const before = await snapshot(path.join(dir, "gen"));
    const run = await cli(["generate", "--check"], dir);
    expect(run.code).toBe(1);
    expect(run.out).toContain("STALE");
    expect(run.out).toContain(
      "    ~ POST /cases 429 USAGE_LIMIT_REACHED: retryable -> billing, recovery wait-and-retry -> upgrade-plan\n",
    );
    expect(run.out).toMatch(/files: error-surface\.json, operations\.ts, types\.ts/);
    expect(run.err).toContain("generated output is stale");
    expect(await snapshot(path.join(dir, "gen"))).toEqual(before);
  });

  it("names the files to remove, and says when there is no surface to compare with", async () => {
    const dir = await project();
    await cli(["generate"], dir);
    const out = path.join(dir, "gen/cases");
    // A file an earlier run wrote (its manifest lists it) that this run no longer generates.
    await writeFile(path.join(out, "leftover.ts"), "// Generated by faultline 0.0.1\n");
    const manifest = JSON.parse(await readFile(path.join(out, ".faultline.json"), "utf8")) as { files: string[] };
    await writeJson(path.join(out, ".faultline.json"), { ...manifest, files: [...manifest.files, "leftover.ts"] });
    await writeFile(path.join(out, "error-surface.json"), "{}");
    const run = await cli(["generate", "--check"], dir);
    expect(run.code).toBe(1);
    expect(run.out).toContain("no error-surface.json to compare with");
    expect(run.out).toContain("leftover.ts (to remove)");
  });

  it("--json: one machine-readable document, with the changes as data and text", async () => {
    const dir = await project({ overrides: { codes: { RATE_LIMITED: { category: "billing" } } } });
    await cli(["generate"], dir);
    await writeJson(path.join(dir, "faultline.config.json"), { specs: [{ spec: "cases.yaml", output: "gen/cases" }] });
    const run = await cli(["generate", "--check", "--json"], dir);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.out);
    expect(result).toMatchObject({ ok: false, check: true, stale: true });
    expect(result.targets[0].changes).toEqual([
      {
        kind: "variant-changed",
        variant: "POST /cases 429 RATE_LIMITED",
        category: { from: "billing", to: "retryable" },
        text: "POST /cases 429 RATE_LIMITED: billing -> retryable",
      },
    ]);
    expect(result.targets[0].inputs).toEqual([path.join(dir, "cases.yaml")]);
  });

  it("--json reports a broken spec as a diagnostic", async () => {
    const dir = await project();
    await writeFile(path.join(dir, "cases.yaml"), "");
    const run = await cli(["generate", "--json"], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out).targets[0]).toMatchObject({ ok: false, error: { problem: "the file is empty" } });
  });

  it("--quiet prints nothing when up to date, and the stale report on stderr", async () => {
    const dir = await project();
    await cli(["generate"], dir);
    expect(await cli(["generate", "--check", "-q"], dir)).toEqual({ code: 0, out: "", err: "" });
    await writeSpec(dir, "cases.yaml", miniSpec({ title: "Renamed" }));
    const stale = await cli(["generate", "--check", "-q"], dir);
    expect(stale.code).toBe(1);
    expect(stale.out).toBe("");
    expect(stale.err).toContain("STALE");
  });
});

describe("terminal output", () => {
  it("no escape codes when stdout is not a TTY", async () => {
    const dir = await project();
    const run = await cli(["generate"], dir);
    expect(run.out + run.err).not.toContain(ESC);
  });

  it("at a TTY: a progress line (erased) and colours; NO_COLOR turns colours off but keeps progress", async () => {
    const dir = await project();
    const tty = await cli(["generate", "--check"], dir, { isTTY: true });
    expect(tty.out).toContain("\r\x1b[K[1/1] cases.yaml: loading...");
    expect(tty.out).toContain(`${ESC}31m`);
    const noColour = await cli(["generate", "--check"], dir, { isTTY: true, env: { NO_COLOR: "1" } });
    expect(noColour.out).toContain("[1/1] cases.yaml: generating...");
    expect(noColour.out.replace(/\r\x1b\[K/g, "")).not.toContain(ESC);
  });

  it("--json and --quiet show no progress even at a TTY", async () => {
    const dir = await project();
    expect((await cli(["generate", "--json"], dir, { isTTY: true })).out).not.toContain(ESC);
    expect((await cli(["generate", "--quiet"], dir, { isTTY: true })).out).toBe("");
  });
});

describe("init", () => {
  it("writes a starter config that validates, naming the spec it finds", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "openapi.json", miniSpec());
    const run = await cli(["init"], dir);
    expect(run.code).toBe(0);
    const config = JSON.parse(await readFile(path.join(dir, "faultline.config.json"), "utf8"));
    expect(config.specs[0]).toMatchObject({ spec: "openapi.json", output: "src/api" });
    expect((await cli(["generate"], dir)).code).toBe(0);
  });

  it("refuses to overwrite an existing config: exit 1, file unchanged", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "faultline.config.mjs"), "export default {};\n");
    const run = await cli(["init", "api.yaml", "-o", "gen"], dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/already exists/);
    expect(await readdir(dir)).toEqual(["faultline.config.mjs"]);
  });
});

describe("usage errors exit 2", () => {
  it.each([
    [["generate", "unlisted.yaml"]],
    [["generate", "--check", "--watch"]],
    [["generate", "--no-such-flag"]],
    [[]],
  ])("%j", async (argv) => {
    const dir = await project();
    const run = await cli(argv, dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain("faultline --help");
  });
});
