// generate() is pure: a spec and its tools in, files out. The formatter and the runtime templates
// are the caller's, and nothing one call uses is kept for the next (issue 16).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readRuntimeTemplates } from "../../src/cli/runtime-templates.js";
import { compileRuntimeTemplates } from "../../src/emit/client/runtime-files.js";
import { createFormatter, type Formatter } from "../../src/format/formatter.js";
import { generate, type SpecInput } from "../../src/generate.js";

/** Built in memory: generate() needs no file to read. */
const spec: SpecInput = {
  file: "memory.json",
  hash: "0123456789abcdef0123456789abcdef",
  document: {
    openapi: "3.0.3",
    info: { title: "Pure", version: "1.0.0" },
    paths: {
      "/items/{id}": {
        get: {
          operationId: "getItem",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } },
            },
            "404": {
              description: "gone",
              content: { "application/json": { schema: { type: "object", properties: { code: { type: "string" } } } } },
            },
          },
        },
      },
    },
  },
};

/** A formatter that formats nothing and remembers what it was given. */
function recordingFormatter(mark = ""): Formatter & { seen: string[] } {
  const seen: string[] = [];
  return { seen, format: async (source) => (seen.push(source), `${mark}${source}`) };
}

const templates = compileRuntimeTemplates([
  { name: "b.ts.hbs", text: 'export const VERSION = "{{version}}";\n' },
  { name: "a.ts.hbs", text: "export const A = 1;\n" },
  { name: "notes.md", text: "not a template" },
]);

const contents = (files: { path: string; contents: string }[], name: string) =>
  files.find((f) => f.path === name)?.contents;

describe("a pure generate()", () => {
  it("formats with the formatter it is given and renders the templates it is given", async () => {
    const formatter = recordingFormatter();
    const result = await generate(spec, { formatter, templates });
    expect(result.files.map((f) => f.path)).toEqual([
      "client.ts",
      "error-surface.json",
      "index.ts",
      "operations.ts",
      "runtime/a.ts",
      "runtime/b.ts",
      "schema.ts",
      "types.ts",
    ]);
    // The four printed files went through the formatter, and came out as it gave them.
    expect(formatter.seen).toHaveLength(4);
    for (const name of ["client.ts", "operations.ts", "schema.ts", "types.ts"]) {
      const text = contents(result.files, name)!;
      expect(formatter.seen.some((source) => text.endsWith(source))).toBe(true);
    }
    expect(contents(result.files, "runtime/b.ts")).toMatch(/export const VERSION = "\d+\.\d+\.\d+[^"]*";\n$/);
    expect(contents(result.files, "runtime/a.ts")).toMatch(/export const A = 1;\n$/);
  });

  it("gives each call its own result: two formatters in one process do not leak into each other", async () => {
    const plain = await generate(spec, { formatter: recordingFormatter(), templates });
    const marked = await generate(spec, { formatter: recordingFormatter("// marked\n"), templates });
    const prettier = await generate(spec, { formatter: createFormatter(), templates });
    const plainAgain = await generate(spec, { formatter: recordingFormatter(), templates });
    for (const name of ["client.ts", "operations.ts", "schema.ts", "types.ts"]) {
      expect(contents(marked.files, name)).toContain("// marked\n");
      expect(contents(plain.files, name)).not.toContain("// marked\n");
      expect(contents(plainAgain.files, name)).toBe(contents(plain.files, name));
    }
    // Prettier changes the printed layout: its run is its own too.
    expect(contents(prettier.files, "schema.ts")).not.toBe(contents(plain.files, "schema.ts"));
    expect(contents(prettier.files, "runtime/b.ts")).toBe(contents(plain.files, "runtime/b.ts"));
  });

  it("renders other templates when given other templates, in the same process", async () => {
    const formatter = recordingFormatter();
    const own = await generate(spec, { formatter, templates });
    const shipped = await generate(spec, { formatter, templates: readRuntimeTemplates() });
    expect(own.files.filter((f) => f.path.startsWith("runtime/")).map((f) => f.path)).toEqual([
      "runtime/a.ts",
      "runtime/b.ts",
    ]);
    expect(shipped.files.filter((f) => f.path.startsWith("runtime/")).map((f) => f.path)).toEqual(
      readdirSync("templates/runtime")
        .filter((f) => f.endsWith(".ts.hbs"))
        .sort()
        .map((f) => `runtime/${f.replace(/\.hbs$/, "")}`),
    );
  });
});

/**
 * Files whose module-level handles another change of issue 16 removes (the patched
 * dependencies: openapi-typescript, ts-morph). The merge of that change empties this list.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith(".ts") ? [file] : [];
  });
}

describe("no state between runs in src/", () => {
  it("has no module-level let or var, and no module-level Map or memo filled at run time", () => {
    const found = sourceFiles("src")
      .map((file) => file.split(path.sep).join("/"))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) =>
            /^(export )?(let|var) |^(export )?const \w+(: (?!Readonly)[^=]+)? = new (Map|WeakMap|Lru)\b/.test(line)
              ? [`${file}:${i + 1}: ${line}`]
              : [],
          ),
      );
    expect(found).toEqual([]);
  });
});
