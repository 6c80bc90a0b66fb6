// A one-operation spec edit must rewrite only the files whose content changes: no spec title or
// hash in every header (only index.ts cites them), and the runtime byte-identical across edits.
// Each case copies a seed spec (with its external $ref files) to a temp folder, edits it, and
// generates both versions.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { loadSpec } from "../../src/parse/load.js";
import { isGeneratedByFaultline } from "../../src/cli/write-output.js";
import { createGenerateTools } from "../../src/cli/generate-tools.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function filesOf(file: string): Promise<Map<string, string>> {
  const spec = await loadSpec(file);
  const { files } = await generate(spec, createGenerateTools());
  return new Map(files.map((f) => [f.path, f.contents]));
}

/** Generates specs/bots.yaml before and after `edit` of its text; returns both file maps. */
async function beforeAndAfter(edit: (yaml: string) => string) {
  const dir = mkdtempSync(path.join(tmpdir(), "faultline-edit-"));
  dirs.push(dir);
  cpSync("specs/bots.yaml", path.join(dir, "bots.yaml"));
  cpSync("specs/bots", path.join(dir, "bots"), { recursive: true });
  const file = path.join(dir, "bots.yaml");
  const before = await filesOf(file);
  const text = readFileSync(file, "utf8");
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
  return { before, after: await filesOf(file) };
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

describe("a one-operation spec edit", () => {
  it("adding an error response to getBot changes its data, types, schema and surface; the runtime and client.ts stay byte-identical", async () => {
    const { before, after } = await beforeAndAfter((yaml) =>
      yaml.replace(
        /(operationId: getBot[\s\S]*?'404':\n\s+\$ref: '[^']+'\n)/,
        "$1        '410':\n          description: The bot was deleted.\n",
      ),
    );
    expect(changed(before, after)).toEqual([
      "error-surface.json",
      "index.ts",
      "operations.ts",
      "schema.ts",
      "types.ts",
    ]);
    const runtime = [...before.keys()].filter((p) => p.startsWith("runtime/"));
    expect(runtime.length).toBeGreaterThan(5);
    for (const p of runtime) expect(after.get(p), p).toBe(before.get(p));
  });

  it("editing getBot's summary changes only its documentation (client.ts, schema.ts) and the cited hash (index.ts)", async () => {
    const { before, after } = await beforeAndAfter((yaml) =>
      yaml.replace("summary: Get a bot\n", "summary: Get one bot by id\n"),
    );
    expect(changed(before, after)).toEqual(["client.ts", "index.ts", "schema.ts"]);
  });

  it("cites the spec's hash in index.ts only, and its title in no header but index.ts's", async () => {
    const spec = await loadSpec("specs/bots.yaml");
    const files = [...(await generate(spec, createGenerateTools())).files];
    expect(files.filter((f) => f.contents.includes(spec.hash.slice(0, 16))).map((f) => f.path)).toEqual(["index.ts"]);
    const headers = files.filter(
      (f) => f.path.endsWith(".ts") && /^(\/\/.*\n)*/.exec(f.contents)![0].includes("Bots API"),
    );
    expect(headers.map((f) => f.path)).toEqual(["index.ts"]);
  });

  it("still starts every file with faultline's mark, which a folder without a manifest is adopted by", async () => {
    const files = await filesOf("specs/bots.yaml");
    expect([...files].filter(([, text]) => !isGeneratedByFaultline(text)).map(([p]) => p)).toEqual([]);
  });
});
