// The user's own files: `generate -o src` into a folder that holds their index.ts and client.ts
// must not replace them. faultline writes into a folder it owns (its .faultline.json manifest, or
// nothing but generated files) or a new/empty one; --force lets it write next to other files,
// and it never replaces or removes a file it did not write, --force or not, --check too.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, miniSpec, snapshot, tempDir, writeJson, writeSpec } from "./helpers.js";

const USER_INDEX = "export * from './app.js';\n";
const USER_CLIENT = "export const client = 'mine';\n";
const FORCE_FIX =
  'fix: generate into a new or empty folder (e.g. src/api), or pass --force (config "force": true) to write next to those files: faultline still never replaces or removes them';

async function projectWithUserFiles(): Promise<string> {
  const dir = await tempDir();
  await writeSpec(dir, "spec.yaml", miniSpec());
  await mkdir(path.join(dir, "src"));
  await writeFile(path.join(dir, "src/index.ts"), USER_INDEX);
  await writeFile(path.join(dir, "src/client.ts"), USER_CLIENT);
  return dir;
}

describe("output folder ownership", () => {
  it("refuses a folder of the user's own files: exit 1, names them, says how to fix, touches nothing", async () => {
    const dir = await projectWithUserFiles();
    const before = await snapshot(dir);
    const run = await cli(["generate", "spec.yaml", "-o", "src"], dir);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `error: src: the output folder holds files faultline did not write (client.ts, index.ts), and no .faultline.json that says faultline owns it\n  ${FORCE_FIX}\n`,
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it("--check refuses the same folder, and so does the config's output", async () => {
    const dir = await projectWithUserFiles();
    const before = await snapshot(dir);
    const check = await cli(["generate", "spec.yaml", "-o", "src", "--check"], dir);
    expect(check.code).toBe(1);
    expect(check.err).toContain("the output folder holds files faultline did not write (client.ts, index.ts)");
    await writeJson(path.join(dir, "faultline.config.json"), { specs: [{ spec: "spec.yaml", output: "src" }] });
    const viaConfig = await cli(["generate"], dir);
    expect(viaConfig.code).toBe(1);
    expect(viaConfig.err).toContain("holds files faultline did not write");
    await rm(path.join(dir, "faultline.config.json"));
    expect(await snapshot(dir)).toEqual(before);
  });

  it("--force writes next to the user's files but never replaces one", async () => {
    const dir = await projectWithUserFiles();
    const before = await snapshot(dir);
    const clash = await cli(["generate", "spec.yaml", "-o", "src", "--force"], dir);
    expect(clash.code).toBe(1);
    expect(clash.err).toContain(
      "faultline would replace client.ts, index.ts, which it did not write (it does not start with faultline's generated header)",
    );
    expect(clash.err).toContain("never replaces a file it did not write, even with --force");
    expect(await snapshot(dir)).toEqual(before);

    await rm(path.join(dir, "src/client.ts"));
    await rm(path.join(dir, "src/index.ts"));
    await writeFile(path.join(dir, "src/app.ts"), USER_CLIENT);
    const forced = await cli(["generate", "spec.yaml", "-o", "src", "--force"], dir);
    expect(forced).toMatchObject({ code: 0, err: "" });
    expect(await readFile(path.join(dir, "src/app.ts"), "utf8")).toBe(USER_CLIENT);
    const manifest = JSON.parse(await readFile(path.join(dir, "src/.faultline.json"), "utf8")) as { files: string[] };
    expect(manifest.files).toContain("client.ts");
    expect(manifest.files).not.toContain("app.ts");
    // Owned now: no --force needed, and the user's file stays.
    expect(await cli(["generate", "spec.yaml", "-o", "src"], dir)).toMatchObject({ code: 0, err: "" });
    expect(await readFile(path.join(dir, "src/app.ts"), "utf8")).toBe(USER_CLIENT);
  });

  it('"force": true in the config does what --force does', async () => {
    const dir = await tempDir();
    await writeSpec(dir, "spec.yaml", miniSpec());
    await mkdir(path.join(dir, "src"));
    await writeFile(path.join(dir, "src/app.ts"), USER_CLIENT);
    await writeJson(path.join(dir, "faultline.config.json"), {
      force: true,
      specs: [{ spec: "spec.yaml", output: "src" }],
    });
    expect(await cli(["generate"], dir)).toMatchObject({ code: 0, err: "" });
    expect(await readFile(path.join(dir, "src/app.ts"), "utf8")).toBe(USER_CLIENT);
  });

  it("in a folder it owns, removes only what its manifest lists, even a file that looks generated", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "spec.yaml", miniSpec());
    expect(await cli(["generate", "spec.yaml", "-o", "gen"], dir)).toMatchObject({ code: 0 });
    const lookalike = "// Generated by faultline 0.1.0 from my own template\nexport const x = 1;\n";
    await writeFile(path.join(dir, "gen/extra.ts"), lookalike);
    await writeFile(path.join(dir, "gen/notes.md"), "# notes\n");
    const again = await cli(["generate", "spec.yaml", "-o", "gen"], dir);
    expect(again).toMatchObject({ code: 0, err: "" });
    expect(again.out).toMatch(/unchanged \(\d+ ms\)\n$/);
    expect(await readFile(path.join(dir, "gen/extra.ts"), "utf8")).toBe(lookalike);
    expect(await readFile(path.join(dir, "gen/notes.md"), "utf8")).toBe("# notes\n");
  });

  it("a folder written before manifests (generated files only) is adopted, and gets its manifest", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "spec.yaml", miniSpec());
    await cli(["generate", "spec.yaml", "-o", "gen"], dir);
    const manifest = await readFile(path.join(dir, "gen/.faultline.json"), "utf8");
    expect(manifest).not.toMatch(/\d{4}-\d\d-\d\d|0\.1\.0/); // no date, no version: byte-stable
    await rm(path.join(dir, "gen/.faultline.json"));
    await writeSpec(dir, "spec.yaml", miniSpec({ codes: ["QUOTA_EXCEEDED"] }));
    const run = await cli(["generate", "spec.yaml", "-o", "gen"], dir);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(await readFile(path.join(dir, "gen/.faultline.json"), "utf8")).toBe(manifest);
  });
});
