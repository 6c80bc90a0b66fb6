// --json and --quiet on every command, through the real CLI entry point: --json prints exactly one
// JSON document on stdout (also when the command fails, with ok: false), --quiet prints nothing
// on success. A command that rejected either flag would exit 2 ("Unknown argument").
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, miniSpec, tempDir, writeSpec } from "./helpers.js";

/** Each command, run in a folder holding spec.yaml (the mini spec): argv for a success and for a failure. */
const COMMANDS: { name: string; ok: string[]; failing: string[] }[] = [
  { name: "generate", ok: ["generate", "spec.yaml", "-o", "gen"], failing: ["generate", "missing.yaml", "-o", "gen"] },
  { name: "lint", ok: ["lint", "spec.yaml"], failing: ["lint", "missing.yaml"] },
  { name: "report", ok: ["report", "spec.yaml", "-o", "report.md"], failing: ["report", "missing.yaml"] },
  { name: "init", ok: ["init", "spec.yaml"], failing: ["init", "spec.yaml"] },
];

async function folder(): Promise<string> {
  const dir = await tempDir();
  await writeSpec(dir, "spec.yaml", miniSpec());
  return dir;
}

describe.each(COMMANDS)("$name", ({ name, ok, failing }) => {
  it("--json: one JSON document on stdout with ok: true, nothing on stderr", async () => {
    const dir = await folder();
    const run = await cli([...ok, "--json"], dir);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ ok: true });
  });

  it("--json on failure: still one JSON document, ok: false with the problem and the fix, exit 1", async () => {
    const dir = await folder();
    // init fails the second time: a config is never overwritten.
    if (name === "init") expect((await cli(ok, dir)).code).toBe(0);
    const run = await cli([...failing, "--json"], dir);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.out);
    expect(json.ok).toBe(false);
    expect(JSON.stringify(json)).toMatch(/"problem":"[^"]+","fix":"[^"]+"/);
    expect(run.err).toMatch(/^error: /);
  });

  it("--quiet: nothing printed on success, the work still done", async () => {
    const dir = await folder();
    // lint's clean case needs no warnings to print: --rule keeps one rule the mini spec passes.
    const argv = name === "lint" ? [...ok, "--rule", "undocumented-code"] : ok;
    const run = await cli([...argv, "--quiet"], dir);
    expect(run).toEqual({ code: 0, out: "", err: "" });
    if (name === "report") expect(await readFile(path.join(dir, "report.md"), "utf8")).toContain("| Cases |");
    if (name === "init")
      expect(await readFile(path.join(dir, "faultline.config.json"), "utf8")).toContain('"spec": "spec.yaml"');
  });
});

describe("--json and usage errors", () => {
  it("a usage error under --json is a JSON document too, exit 2", async () => {
    const dir = await folder();
    const run = await cli(["lint", "spec.yaml", "--json", "--bogus-flag"], dir);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.out)).toMatchObject({
      ok: false,
      usage: true,
      error: { problem: expect.stringContaining("bogus-flag") },
    });
  });

  it("report --json without -o carries the rows; --quiet without -o still prints the report", async () => {
    const dir = await folder();
    const json = JSON.parse((await cli(["report", "spec.yaml", "--json"], dir)).out);
    expect(json).toMatchObject({ ok: true, out: null, operations: 2, withoutErrors: 0 });
    expect(json.rows.map((r: { status: string; code: string }) => `${r.status} ${r.code}`.trim())).toContain(
      "429 RATE_LIMITED",
    );
    const quiet = await cli(["report", "spec.yaml", "-q"], dir);
    expect(quiet.out).toMatch(/^# Error surface/);
  });
});
