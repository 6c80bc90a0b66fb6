import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SpecError } from "../../src/diagnostics.js";
import { findConfig, loadConfig } from "../../src/cli/config.js";
import { validateConfig } from "../../src/cli/config-validate.js";
import { resolveTargets } from "../../src/cli/targets.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { generateIr } from "../../src/generate.js";
import { miniSpec, tempDir, writeJson } from "./helpers.js";

function diagnosticOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof SpecError) return error.diagnostic;
    throw error;
  }
  throw new Error("expected a SpecError");
}

const entry = { spec: "a.yaml", output: "out/a" };

describe("validateConfig rejects, with a pointer and a fix", () => {
  const cases: [string, unknown, string, RegExp, RegExp?][] = [
    ["not an object", [], "", /must be an object/],
    ["no specs", {}, "/specs", /non-empty list/],
    ["empty specs", { specs: [] }, "/specs", /non-empty list/],
    [
      "unknown root key with a suggestion",
      { specs: [entry], overides: {} },
      "/overides",
      /unknown key/,
      /did you mean "overrides"/,
    ],
    ["missing output", { specs: [{ spec: "a.yaml" }] }, "/specs/0/output", /must be a path/],
    ["spec not a string", { specs: [{ spec: 3, output: "o" }] }, "/specs/0/spec", /must be a path/],
    ["unknown entry key", { specs: [{ ...entry, outDir: "x" }] }, "/specs/0/outDir", /unknown key/, /allowed here/],
    [
      "bad category",
      { specs: [{ ...entry, overrides: { codes: { X: { category: "fatal" } } } }] },
      "/specs/0/overrides/codes/X/category",
      /unknown category "fatal"/,
      /retryable, terminal, billing/,
    ],
    [
      "bad recovery",
      { specs: [{ ...entry, overrides: { status: { "429": { recovery: "wait" } } } }] },
      "/specs/0/overrides/status/429/recovery",
      /unknown recovery/,
    ],
    [
      "bad status key",
      { specs: [{ ...entry, overrides: { status: { "200": { category: "terminal" } } } }] },
      "/specs/0/overrides/status/200",
      /not an error status/,
    ],
    [
      "misspelt classification key",
      { specs: [{ ...entry, overrides: { codes: { X: { categroy: "billing" } } } }] },
      "/specs/0/overrides/codes/X/categroy",
      /unknown key/,
      /did you mean "category"/,
    ],
    [
      "operations at the top",
      { specs: [entry], overrides: { operations: {} } },
      "/overrides/operations",
      /belong to one spec/,
    ],
    [
      "bad operation override",
      { specs: [{ ...entry, overrides: { operations: { createCase: { code: {} } } } }] },
      "/specs/0/overrides/operations/createCase/code",
      /unknown key/,
      /did you mean "codes"/,
    ],
    ["retry field", { specs: [entry], retry: { maxRetries: -1 } }, "/retry", /maxRetries is -1/],
    [
      "retry typo",
      { specs: [{ ...entry, retry: { maxRetry: 3 } }] },
      "/specs/0/retry",
      /unknown retry field "maxRetry"/,
    ],
    [
      "retry byStatus key",
      { specs: [entry], retry: { byStatus: { "200": {} } } },
      "/retry/byStatus/200",
      /not an error status/,
    ],
    [
      "allowRemoteRefs as a string",
      { specs: [{ ...entry, allowRemoteRefs: "yes" }] },
      "/specs/0/allowRemoteRefs",
      /true or false/,
    ],
    [
      "a limit that is not a whole number",
      { specs: [entry], limits: { maxDepth: 2.5 } },
      "/limits/maxDepth",
      /whole number above 0, not 2.5/,
    ],
    [
      "a limit as a string",
      { specs: [{ ...entry, limits: { maxSpecMb: "50" } }] },
      "/specs/0/limits/maxSpecMb",
      /whole number above 0, not "50"/,
    ],
    [
      "a misspelt limit",
      { specs: [entry], limits: { maxDeph: 10 } },
      "/limits/maxDeph",
      /unknown key/,
      /did you mean "maxDepth"/,
    ],
    [
      "allowRefOutside as a string",
      { specs: [entry], allowRefOutside: "../shared" },
      "/allowRefOutside",
      /true, false or a list of folders/,
    ],
    [
      "allowRefOutside with an empty folder",
      { specs: [{ ...entry, allowRefOutside: [""] }] },
      "/specs/0/allowRefOutside/0",
      /must be a path/,
    ],
    ["force as a string", { specs: [entry], force: "yes" }, "/force", /true or false/],
    [
      "escaped pointer tokens",
      { specs: [{ ...entry, overrides: { codes: { "a/b": { category: "nope" } } } }] },
      "/specs/0/overrides/codes/a~1b/category",
      /unknown category/,
    ],
  ];
  for (const [name, raw, pointer, problem, fix] of cases) {
    it(name, () => {
      const d = diagnosticOf(() => validateConfig(raw, "faultline.config.json"));
      expect(d.file).toBe("faultline.config.json");
      expect(d.pointer).toBe(pointer);
      expect(d.problem).toMatch(problem);
      if (fix) expect(d.fix).toMatch(fix);
    });
  }

  it("accepts the full shape", () => {
    const raw = {
      $schema: "./node_modules/faultline/schema.json",
      specs: [
        {
          ...entry,
          overrides: {
            status: { "5XX": { category: "retryable" }, default: {} },
            codes: { X: { category: "billing", recovery: "update-payment" } },
            operations: { createCase: { status: { "429": { recovery: "wait-and-retry" } } } },
          },
          retry: { maxRetries: 1 },
          allowRemoteRefs: true,
        },
      ],
      overrides: { codes: { Y: { category: "terminal" } } },
      retry: { baseDelayMs: 500, jitter: "none", byStatus: { "429": { maxRetries: 0 } } },
    };
    expect(validateConfig(raw, "f").specs[0]!.overrides!.operations!.createCase!.status!["429"]).toEqual({
      recovery: "wait-and-retry",
    });
  });
});

describe("loadConfig", () => {
  it("limits merge per limit (entry over root, flags over both); allowRefOutside folders are relative to the config", async () => {
    const dir = await tempDir();
    await writeJson(path.join(dir, "faultline.config.json"), {
      limits: { maxSpecMb: 2, maxDepth: 40 },
      allowRefOutside: ["../shared"],
      force: true,
      specs: [
        { ...entry, limits: { maxDepth: 30 } },
        { spec: "b.yaml", output: "out/b", allowRefOutside: true, force: false },
      ],
    });
    const { targets } = await resolveTargets({}, dir);
    expect(targets[0]).toMatchObject({
      limits: { maxSpecBytes: 2 * 1024 * 1024, maxDepth: 30 },
      refRoots: [path.resolve(dir, "../shared")],
      force: true,
    });
    expect(targets[1]).toMatchObject({
      limits: { maxSpecBytes: 2 * 1024 * 1024, maxDepth: 40 },
      refRoots: "anywhere",
      force: false,
    });
    const flagged = await resolveTargets({ maxDepth: 7, allowRefOutside: false, force: false }, dir);
    expect(flagged.targets[0]).toMatchObject({
      limits: { maxSpecBytes: 2 * 1024 * 1024, maxDepth: 7 },
      refRoots: [],
      force: false,
    });
    await expect(resolveTargets({ maxNodes: Number.NaN }, dir)).rejects.toThrow(UsageError);
  });

  it("resolves paths against the config's folder and merges config-wide settings under each spec's", async () => {
    const dir = await tempDir();
    await writeJson(path.join(dir, "faultline.config.json"), {
      overrides: { codes: { X: { category: "billing" }, Y: { category: "terminal" } } },
      retry: { maxRetries: 5, baseDelayMs: 100, byStatus: { "429": { maxRetries: 1, jitter: "none" } } },
      specs: [
        {
          spec: "specs/a.yaml",
          output: "gen/a",
          overrides: { codes: { X: { recovery: "update-payment" } } },
          retry: { maxRetries: 2, byStatus: { "429": { maxRetries: 0 } } },
        },
      ],
    });
    const config = await loadConfig(path.join(dir, "faultline.config.json"));
    const [target] = config.targets;
    expect(target!.spec).toBe(path.join(dir, "specs/a.yaml"));
    expect(target!.output).toBe(path.join(dir, "gen/a"));
    expect(target!.overrides!.codes).toEqual({
      X: { category: "billing", recovery: "update-payment" },
      Y: { category: "terminal" },
    });
    expect(target!.retry).toEqual({
      maxRetries: 2,
      baseDelayMs: 100,
      byStatus: { "429": { maxRetries: 0, jitter: "none" } },
    });
  });

  it("rejects output folders that overlap: one would delete the other's files", async () => {
    const dir = await tempDir();
    await writeJson(path.join(dir, "faultline.config.json"), {
      specs: [
        { spec: "a.yaml", output: "gen" },
        { spec: "b.yaml", output: "gen/b" },
      ],
    });
    await expect(loadConfig(path.join(dir, "faultline.config.json"))).rejects.toThrow(
      /specs\/1\/output: output folder overlaps that of specs\[0\]/,
    );
  });

  it("reports invalid JSON and a missing file", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "faultline.config.json"), '{ "specs": [ }');
    await expect(loadConfig(path.join(dir, "faultline.config.json"))).rejects.toThrow(/invalid JSON/);
    await expect(loadConfig(path.join(dir, "missing.json"))).rejects.toThrow(/config file not found/);
  });

  it("loads faultline.config.mjs (default export), validated the same way", async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, "faultline.config.mjs"),
      'const output = "gen/" + "a";\nexport default { specs: [{ spec: "a.yaml", output }] };\n',
    );
    expect(await findConfig(dir)).toBe(path.join(dir, "faultline.config.mjs"));
    expect((await loadConfig(path.join(dir, "faultline.config.mjs"))).targets[0]!.output).toBe(path.join(dir, "gen/a"));
    await writeFile(path.join(dir, "bad.mjs"), "export default { specs: [{ spec: 1 }] };\n");
    await expect(loadConfig(path.join(dir, "bad.mjs"))).rejects.toThrow(/bad\.mjs at #\/specs\/0\/spec/);
    await writeFile(path.join(dir, "none.mjs"), "export const specs = [];\n");
    await expect(loadConfig(path.join(dir, "none.mjs"))).rejects.toThrow(/no default export/);
    await writeFile(path.join(dir, "broken.mjs"), "export default {\n");
    await expect(loadConfig(path.join(dir, "broken.mjs"))).rejects.toThrow(/cannot load the module/);
  });

  it("refuses to guess between a .json and an .mjs config", async () => {
    const dir = await tempDir();
    await writeJson(path.join(dir, "faultline.config.json"), { specs: [entry] });
    await writeFile(path.join(dir, "faultline.config.mjs"), "export default {};\n");
    await expect(findConfig(dir)).rejects.toThrow(/both faultline.config.json and faultline.config.mjs exist/);
  });
});

describe("resolveTargets: flags win over the file", () => {
  async function setup() {
    const dir = await tempDir();
    await writeJson(path.join(dir, "faultline.config.json"), {
      overrides: { codes: { Z: { category: "billing" } } },
      specs: [
        {
          spec: "a.yaml",
          output: "gen/a",
          overrides: { codes: { A: { category: "terminal" } } },
          allowRemoteRefs: true,
        },
        { spec: "b.yaml", output: "gen/b" },
      ],
    });
    return dir;
  }

  it("a listed spec keeps its settings and takes --out", async () => {
    const dir = await setup();
    const { targets } = await resolveTargets({ spec: "a.yaml", out: "elsewhere", allowRemoteRefs: false }, dir);
    expect(targets).toHaveLength(1);
    expect(targets[0]!.output).toBe(path.join(dir, "elsewhere"));
    expect(targets[0]!.overrides!.codes).toEqual({ Z: { category: "billing" }, A: { category: "terminal" } });
    expect(targets[0]!.allowRemoteRefs).toBe(false);
  });

  it("an unlisted spec gets the config-wide settings, and needs --out", async () => {
    const dir = await setup();
    const { targets } = await resolveTargets({ spec: "c.yaml", out: "gen/c" }, dir);
    expect(targets[0]!.overrides!.codes).toEqual({ Z: { category: "billing" } });
    await expect(resolveTargets({ spec: "c.yaml" }, dir)).rejects.toThrow(UsageError);
  });

  it("--out without a spec is ambiguous with several specs; no config and no spec is an error", async () => {
    const dir = await setup();
    await expect(resolveTargets({ out: "x" }, dir)).rejects.toThrow(/--out is ambiguous/);
    expect((await resolveTargets({}, dir)).targets.map((t) => path.relative(dir, t.output))).toEqual([
      "gen/a",
      "gen/b",
    ]);
    await expect(resolveTargets({}, await tempDir())).rejects.toThrow(/no faultline.config.json/);
  });
});

describe("retry defaults precedence", () => {
  it("the spec's root x-faultline-retry wins field by field over the config's defaults", () => {
    const document = miniSpec({
      root: { "x-faultline-retry": { maxRetries: 4, byStatus: { "429": { jitter: "none" } } } },
    });
    const { api } = generateIr(
      { file: "a.yaml", document, hash: "0" },
      {
        retry: {
          maxRetries: 1,
          baseDelayMs: 250,
          byStatus: { "429": { maxRetries: 0, jitter: "full" }, "503": { maxRetries: 2 } },
        },
      },
    );
    expect(api.retry).toEqual({
      maxRetries: 4,
      baseDelayMs: 250,
      byStatus: { "429": { maxRetries: 0, jitter: "none" }, "503": { maxRetries: 2 } },
    });
  });

  it("the config's defaults become the root advice when the spec has none", () => {
    const { api } = generateIr({ file: "a.yaml", document: miniSpec(), hash: "0" }, { retry: { maxRetries: 1 } });
    expect(api.retry).toEqual({ maxRetries: 1 });
  });
});
