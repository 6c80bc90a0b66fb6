// --watch through runWatch (with an AbortSignal and an event hook) and through main().
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, miniSpec, snapshot, tempDir, writeJson, writeSpec } from "./helpers.js";
import { waitFor, watchSession } from "./watch-session.js";

describe("watch", () => {
  it("regenerates on save and prints one line with the error-surface diff against the previous save", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    const session = await watchSession(dir);
    expect((await session.next()).initial).toBe(true);
    await waitFor(() => session.lines().includes("watching 1 spec file; press Ctrl+C to stop\n"), "the watching line");

    await writeSpec(dir, "cases.yaml", miniSpec({ codes: ["RATE_LIMITED", "USAGE_LIMIT_REACHED", "QUOTA_EXCEEDED"] }));
    const event = await session.next();
    expect(event.outcome!.changes).toHaveLength(1);
    expect(event.sinceSaveMs).toBeGreaterThan(0);
    const line = session.lines().split("\n").at(-2)!;
    expect(line).toMatch(
      /^cases\.yaml -> gen: \d+ written, 0 removed \(\d+ ms\); 1 added: POST \/cases 429 QUOTA_EXCEEDED: added \(billing, upgrade-plan\)$/,
    );
    expect(await readFile(path.join(dir, "gen/error-surface.json"), "utf8")).toContain("QUOTA_EXCEEDED");
    expect(await session.stop()).toBe(0);
    expect(session.lines()).toMatch(/stopped watching\n$/);
  });

  it("a broken save prints the diagnostic, keeps the last good output, and watching goes on", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    const session = await watchSession(dir);
    await session.next();
    const good = await snapshot(path.join(dir, "gen"));

    await writeFile(path.join(dir, "cases.yaml"), '{ "openapi": "3.1.0", "info": ');
    const broken = await session.next();
    expect(broken.error?.problem).toMatch(/invalid JSON/);
    expect(session.lines()).toMatch(/error: cases\.yaml.*invalid JSON[\s\S]*keeping the last good output in gen\n$/);
    expect(await snapshot(path.join(dir, "gen"))).toEqual(good);

    // The next good save is compared with the last good one, not with the broken one.
    await writeSpec(dir, "cases.yaml", miniSpec({ codes: ["RATE_LIMITED"] }));
    const fixed = await session.next();
    expect(fixed.outcome!.changes.map((c) => c.kind)).toEqual(["variant-removed"]);
    expect(session.lines()).toContain("POST /cases 429 USAGE_LIMIT_REACHED: removed (was billing, upgrade-plan)");
    expect(await session.stop()).toBe(0);
  });

  it("refuses an output folder of the user's files as generate does, and writes once they are moved away", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    await mkdir(path.join(dir, "gen"));
    await writeFile(path.join(dir, "gen/client.ts"), "export const mine = 1;\n");
    const before = await snapshot(path.join(dir, "gen"));
    const session = await watchSession(dir);
    const refused = await session.next();
    expect(refused.error?.problem).toBe(
      "the output folder holds files faultline did not write (client.ts), and no .faultline.json that says faultline owns it",
    );
    expect(await snapshot(path.join(dir, "gen"))).toEqual(before);

    await rm(path.join(dir, "gen/client.ts"));
    await writeSpec(dir, "cases.yaml", miniSpec({ codes: ["RATE_LIMITED"] }));
    const written = await session.next();
    expect(written.outcome?.written).toContain("client.ts");
    expect(await readFile(path.join(dir, "gen/.faultline.json"), "utf8")).toContain('"client.ts"');
    expect(await session.stop()).toBe(0);
  });

  it("watches a file that a later save $refs for the first time, in a new folder too", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    const session = await watchSession(dir);
    await session.next();

    const gone = (codes: string[]) => ({
      Gone: {
        description: "gone",
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: { error: { type: "object", properties: { code: { type: "string", enum: codes } } } },
            },
          },
        },
      },
    });
    await mkdir(path.join(dir, "shared"));
    await writeJson(path.join(dir, "shared/errors.json"), gone(["CASE_ARCHIVED"]));
    const withRef = miniSpec({
      paths: {
        "/cases/{id}/archive": {
          post: {
            operationId: "archiveCase",
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
            responses: { "200": { description: "ok" }, "410": { $ref: "./shared/errors.json#/Gone" } },
          },
        },
      },
    });
    await writeSpec(dir, "cases.yaml", withRef);
    const added = await session.next();
    expect(added.outcome!.inputs).toEqual([path.join(dir, "cases.yaml"), path.join(dir, "shared/errors.json")]);
    expect(added.outcome!.changes.map((c) => c.kind)).toEqual(["operation-added"]);

    // Only the referenced file changes: the watcher must notice it.
    await writeJson(path.join(dir, "shared/errors.json"), gone(["CASE_ARCHIVED", "CASE_PURGED"]));
    const changed = await session.next();
    expect(changed.outcome!.changes).toEqual([
      expect.objectContaining({ kind: "variant-added", variant: "POST /cases/{id}/archive 410 CASE_PURGED" }),
    ]);
    expect(await session.stop()).toBe(0);
  });

  it("a config change regenerates with the new overrides; a broken config keeps the previous one", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    const configFile = path.join(dir, "faultline.config.json");
    await writeJson(configFile, { specs: [{ spec: "cases.yaml", output: "gen" }] });
    const session = await watchSession(dir, { configFile, targetArgs: {} });
    await session.next();

    await writeJson(configFile, {
      specs: [
        {
          spec: "cases.yaml",
          output: "gen",
          overrides: { codes: { RATE_LIMITED: { category: "billing", recovery: "upgrade-plan" } } },
        },
      ],
    });
    await session.next();
    expect(session.lines()).toContain(
      "POST /cases 429 RATE_LIMITED: retryable -> billing, recovery wait-and-retry -> upgrade-plan",
    );

    await writeFile(
      configFile,
      '{ "specs": [{ "spec": "cases.yaml", "output": "gen", "overrides": { "codes": { "X": { "category": "fatal" } } } }] }',
    );
    await waitFor(() => session.lines().includes("keeping the previous configuration"), "the config diagnostic");
    expect(session.lines()).toMatch(
      /error: faultline\.config\.json at #\/specs\/0\/overrides\/codes\/X\/category: unknown category "fatal"/,
    );
    expect(await session.stop()).toBe(0);
  });

  it("folds a burst of saves into one regeneration", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    const session = await watchSession(dir, { debounceMs: 400 });
    await session.next();
    for (const title of ["A", "B", "C", "D"]) await writeSpec(dir, "cases.yaml", miniSpec({ title }));
    await session.next();
    await new Promise((r) => setTimeout(r, 1000));
    expect(session.events).toHaveLength(2);
    expect(await readFile(path.join(dir, "gen/error-surface.json"), "utf8")).toContain('"api": "D"');
    expect(await session.stop()).toBe(0);
  });

  it("--json: one JSON object per regeneration, good or broken", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    const session = await watchSession(dir, { json: true });
    await session.next();
    await writeFile(path.join(dir, "cases.yaml"), "");
    await session.next();
    expect(await session.stop()).toBe(0);
    const lines = session
      .lines()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toMatchObject([
      { spec: "cases.yaml", initial: true, ok: true, target: { output: "gen", hadSurface: false } },
      { spec: "cases.yaml", initial: false, ok: false, error: { problem: "the file is empty" } },
    ]);
  });

  it("runs through main: generate --watch, stopped by the signal, exit 0", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    const controller = new AbortController();
    let out = "";
    const running = cli(["generate", "cases.yaml", "-o", "gen", "--watch"], dir, {
      signal: controller.signal,
      out: (t) => void (out += t),
    });
    await waitFor(() => out.includes("watching"), "the watching line");
    expect(out).toMatch(
      /^cases\.yaml -> gen: 27 written, 0 removed \(\d+ ms\); first generation\nwatching 1 spec file/,
    );
    controller.abort();
    expect((await running).code).toBe(0);
  });
});
