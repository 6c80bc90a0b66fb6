// What a run of saves leaves behind: a watch session remembers formatted pieces and starts
// reading at a save's first event, and none of that may show in the output or the printed lines.
import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { miniSpec, snapshot, tempDir, writeSpec } from "./helpers.js";
import { waitFor, watchSession } from "./watch-session.js";

/** Bytes of every file under dir. */
async function contents(dir: string): Promise<Map<string, string>> {
  const entries = [...(await snapshot(dir))].flatMap(([rel, entry]) =>
    entry === "<dir>" ? [] : [[rel, entry.bytes] as const],
  );
  return new Map(entries);
}

/** `faultline generate` as a fresh process runs it: new module instances, so nothing remembered. */
async function coldGenerate(dir: string, out: string): Promise<Map<string, string>> {
  vi.resetModules();
  const { main } = await import("../../src/cli/main.js");
  const code = await main(["generate", "cases.yaml", "-o", out], {
    out: () => undefined,
    err: () => undefined,
    cwd: dir,
    isTTY: false,
    env: {},
  });
  expect(code).toBe(0);
  return contents(path.join(dir, out));
}

describe("watch, save after save", () => {
  it("writes the very bytes a cold `faultline generate` of each saved spec writes", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    const session = await watchSession(dir);
    await session.next();
    expect(await contents(path.join(dir, "gen"))).toEqual(await coldGenerate(dir, "cold-0"));

    const archive = {
      post: {
        operationId: "archiveCase",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok" }, "409": { description: "already archived" } },
      },
    };
    const saves: [string, () => Promise<unknown>][] = [
      [
        "a code added",
        () =>
          writeSpec(dir, "cases.yaml", miniSpec({ codes: ["RATE_LIMITED", "USAGE_LIMIT_REACHED", "QUOTA_EXCEEDED"] })),
      ],
      [
        "an operation added",
        () =>
          writeSpec(
            dir,
            "cases.yaml",
            miniSpec({ codes: ["RATE_LIMITED"], paths: { "/cases/{id}/archive": archive } }),
          ),
      ],
      ["bytes only", () => appendFile(path.join(dir, "cases.yaml"), "\n\n")],
      ["the title and codes changed back", () => writeSpec(dir, "cases.yaml", miniSpec({ title: "Cases v2" }))],
    ];
    for (const [i, [what, save]] of saves.entries()) {
      await save();
      const event = await session.next();
      expect(event.error, what).toBeUndefined();
      expect(await contents(path.join(dir, "gen")), what).toEqual(await coldGenerate(dir, `cold-${i + 1}`));
    }
    expect(await session.stop()).toBe(0);
  });

  it("a save written in two steps (emptied, then written) is one regeneration of the final text, with no error", async () => {
    const dir = await tempDir();
    await writeSpec(dir, "cases.yaml", miniSpec());
    // A debounce long enough that the two writes fall into it even on a busy machine.
    const session = await watchSession(dir, { debounceMs: 300 });
    await session.next();
    await waitFor(() => session.lines().includes("watching"), "the watching line");

    await writeFile(path.join(dir, "cases.yaml"), "");
    await writeSpec(dir, "cases.yaml", miniSpec({ title: "Second" }));
    const event = await session.next();
    expect(event.error).toBeUndefined();
    expect(await readFile(path.join(dir, "gen/error-surface.json"), "utf8")).toContain('"api": "Second"');
    // Nothing more follows: the emptied file was part of the same save.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(session.events).toHaveLength(2);
    expect(session.lines()).not.toContain("error:");
    expect(await session.stop()).toBe(0);
  });
});
