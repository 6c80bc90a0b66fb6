// Editors on Windows save JSON with a byte-order mark; JSON.parse rejects one, so the loader strips it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/parse/load.js";

describe("loadSpec", () => {
  it("reads a JSON spec that starts with a byte-order mark", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "faultline-bom-")), "openapi.json");
    writeFileSync(
      file,
      `\uFEFF${JSON.stringify({ openapi: "3.0.3", info: { title: "Bom", version: "1" }, paths: {} })}`,
    );
    const loaded = await loadSpec(file);
    expect(loaded.document.info).toEqual({ title: "Bom", version: "1" });
  });
});
