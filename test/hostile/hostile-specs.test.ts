// Hostile specs: names, keys and text built to break out of the strings and comments they are
// printed into. Each one is generated, compiled with strict settings, imported and called in a
// child process. A payload that ran would set globalThis.__pwned or exit the child with 7.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import type { GenerateResult } from "../../src/generate.js";
import { compileAll, generateInto, probe, type ProbeReport } from "./compile-generated.js";

const DIR = "test/fixtures/hostile";
const FIXTURES = readdirSync(DIR)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();
const nameOf = (fixture: string) => fixture.replace(/\.\w+$/, "");
/** Identifiers only a payload uses: in generated code they may appear in strings and comments, never as code. */
const PAYLOAD_IDENTIFIERS = new Set(["__pwned", "process", "alert"]);

let root: string;
const generated = new Map<string, GenerateResult>();
const probes = new Map<string, Awaited<ReturnType<typeof probe>>>();
let tscOutput: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "faultline-hostile-"));
  for (const fixture of FIXTURES)
    generated.set(
      nameOf(fixture),
      await generateInto(path.join(DIR, fixture), path.join(root, "src", nameOf(fixture))),
    );
  tscOutput = await compileAll(root);
  await Promise.all(
    FIXTURES.map(async (f) => probes.set(nameOf(f), await probe(path.join(root, "dist", nameOf(f), "index.js")))),
  );
}, 300_000);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

function identifiersIn(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

it("the corpus has at least 15 hostile specs", () => {
  expect(FIXTURES.length).toBeGreaterThanOrEqual(15);
});

it("nothing is written outside each spec's output folder", () => {
  const expectedTop = new Set(["package.json", "tsconfig.json"]);
  for (const file of filesUnder(root)) {
    const [top, name] = path.relative(root, file).split(path.sep);
    if (expectedTop.has(top!)) continue;
    expect(["src", "dist"]).toContain(top);
    expect(FIXTURES.map(nameOf)).toContain(name);
  }
});

describe.each(FIXTURES.map(nameOf))("%s", (name) => {
  const result = () => generated.get(name)!;
  const report = (): ProbeReport => {
    const run = probes.get(name)!;
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    return run.report!;
  };

  it("names only plain relative paths for its files", () => {
    for (const { path: file } of result().files) {
      expect(file).toMatch(/^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)*\.(ts|json)$/);
      expect(path.posix.normalize(file)).toBe(file);
    }
  });

  it("compiles under strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes, nodenext", () => {
    const ours = tscOutput
      .split("\n")
      .filter((line) => line.includes(`/src/${name}/`) || line.startsWith(`src/${name}/`));
    expect(ours).toEqual([]);
  });

  it("runs no payload when imported and when every method is called", () => {
    const { pwned, methods, calls } = report();
    expect(pwned).toBeNull();
    expect(methods.sort()).toEqual(
      result()
        .api.operations.map((op) => op.name)
        .sort(),
    );
    expect(calls.map((c) => c.kind)).toEqual(methods.map(() => "http"));
    for (const call of calls) expect(call.url.startsWith("http://127.0.0.1:9/base/")).toBe(true);
  });

  it("keeps every path and error code exactly as the spec wrote it", () => {
    const { operations } = report();
    for (const op of result().api.operations) {
      const emitted = operations[op.name]!;
      expect(emitted).toBeDefined();
      expect(emitted.path).toBe(op.path);
      expect(emitted.method).toBe(op.method.toUpperCase());
      for (const error of op.errors) {
        const codes = error.codes.map((c) => c.value).sort();
        expect(emitted.errors[error.key]).toEqual({
          codes: codes.length > 0 ? expect.arrayContaining(codes) : [],
          protoCodes: false,
        });
        expect(emitted.errors[error.key]!.codes).toHaveLength(codes.length);
      }
    }
  });

  it("writes no raw control characters or line separators into any source file", () => {
    for (const file of result().files.filter((f) => f.path.endsWith(".ts")))
      expect(file.contents).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/);
  });

  it("has payload words only inside strings and comments, never as code", () => {
    for (const file of result().files) {
      const payloadCode = identifiersIn(file.path, file.contents).filter((id) => PAYLOAD_IDENTIFIERS.has(id));
      expect({ file: file.path, payloadCode }).toEqual({ file: file.path, payloadCode: [] });
    }
  });
});

describe("the checks above can fail", () => {
  // Guards against a vacuous corpus: the payload words really are in the generated text.
  it("payload text reaches the generated files", () => {
    const all = [...generated.values()].flatMap((r) => r.files.map((f) => f.contents)).join("\n");
    for (const word of PAYLOAD_IDENTIFIERS) expect(all).toContain(word);
    expect(all).toContain("*\\/ globalThis.__pwned");
  });

  it("the identifier scan sees code that a payload would have become", () => {
    expect(identifiersIn("x.ts", 'const a = "x"; globalThis.__pwned = 1; /* process */')).toContain("__pwned");
    expect(identifiersIn("x.ts", 'const a = "x"; /* globalThis.__pwned = 1; process */')).not.toContain("__pwned");
  });

  it("the probe reports a payload that ran", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-pwned-"));
    const index = path.join(dir, "index.mjs");
    writeFileSync(
      index,
      "globalThis.__pwned = 1; export const operations = {}; export const createClient = () => ({});\n",
    );
    expect((await probe(index)).report?.pwned).toBe(1);
    writeFileSync(index, "process.exit(7);\n");
    expect((await probe(index)).exitCode).toBe(7);
  });
});

it("the long-names spec really is long", () => {
  const spec = readFileSync(path.join(DIR, "long-names.json"), "utf8");
  expect(spec.length).toBeGreaterThan(50_000);
  expect(generated.get("long-names")!.api.operations.some((op) => (op.operationId ?? "").length > 5000)).toBe(true);
});
