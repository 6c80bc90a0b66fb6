// The bench's entry point works (the number itself is machine-dependent: see docs/cli.md).
import { describe, expect, it } from "vitest";
import { measureWatchLatencySamples } from "../../bench/watch-latency.js";
import { DEBOUNCE_MS } from "../../src/cli/watch.js";
import { miniSpec, tempDir, writeSpec } from "./helpers.js";

describe("measureWatchLatency", () => {
  it("times each save until the watcher wrote the output, and leaves the spec untouched", async () => {
    const dir = await tempDir();
    const spec = await writeSpec(dir, "cases.yaml", miniSpec());
    const { readFile } = await import("node:fs/promises");
    const original = await readFile(spec, "utf8");
    const result = await measureWatchLatencySamples(spec, 3);
    expect(result.samplesMs).toHaveLength(3);
    // Never faster than the debounce: a lower number would mean it timed the wrong event.
    for (const ms of result.samplesMs) expect(ms).toBeGreaterThanOrEqual(DEBOUNCE_MS);
    expect(result.medianMs).toBe([...result.samplesMs].sort((a, b) => a - b)[1]);
    expect(await readFile(spec, "utf8")).toBe(original);
  });
});
