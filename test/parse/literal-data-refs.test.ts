// A $ref inside an example value is data (src/parse/literal-data.ts), and files are read only
// after the bounded scan (src/parse/ref-files.ts). Together: in a multi-file spec, an example
// that $refs a file is neither read nor a reason to refuse the spec (matrix-data's APIs do this).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/parse/load.js";

function specDir(exampleFile: string | undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), "faultline-literal-refs-"));
  writeFileSync(path.join(dir, "error.yaml"), "type: object\nproperties:\n  message: { type: string }\n");
  if (exampleFile !== undefined) writeFileSync(path.join(dir, "example.yaml"), exampleFile);
  writeFileSync(
    path.join(dir, "api.yaml"),
    `openapi: 3.0.3
info: { title: t, version: "1" }
paths:
  /x:
    get:
      operationId: getX
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object }
              examples:
                response:
                  value: { $ref: "example.yaml#/event" }
        "400":
          description: bad
          content:
            application/json:
              schema: { $ref: "error.yaml" }
`,
  );
  return dir;
}

describe("a $ref in an example value beside a real external $ref", () => {
  it.each([
    ["an existing file", "event: { type: m.room.message }\n"],
    ["a missing file", undefined],
  ])("loads when the example names %s, and reads only the schema's file", async (_label, exampleFile) => {
    const dir = specDir(exampleFile);
    const loaded = await loadSpec(path.join(dir, "api.yaml"));
    expect(loaded.files.map((f) => path.basename(f))).toEqual(["api.yaml", "error.yaml"]);
    expect(JSON.stringify(loaded.document)).not.toContain("m.room.message");
  });
});
