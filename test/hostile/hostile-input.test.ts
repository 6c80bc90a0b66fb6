// Hostile generator input too big to commit, made on the fly: endless and special files, huge
// files, 5,000 levels of nesting, 100,000-character names, $refs out of the spec's folder. Each
// is refused through the real CLI: exit 1, one diagnostic (file, line:col, pointer, problem,
// fix), no stack trace, the existing output folder untouched; each limit has a flag and a config key.
import { execFileSync, spawn } from "node:child_process";
import { mkdir, symlink, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { cli, miniSpec, snapshot, tempDir, writeJson, writeSpec, type CliRun } from "../cli/helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SPEC_FIX = "point at a YAML or JSON file on disk";

let dir: string;
let before: Awaited<ReturnType<typeof snapshot>>;
beforeEach(async () => {
  dir = await tempDir();
  await mkdir(path.join(dir, "api"));
  await writeSpec(dir, "api/good.yaml", miniSpec());
  expect(await cli(["generate", "api/good.yaml", "-o", "out"], dir)).toMatchObject({ code: 0, err: "" });
  before = await snapshot(path.join(dir, "out"));
});

/** The whole contract of a refusal: exit 1, exactly this diagnostic, no stack, output untouched. */
async function expectRefused(run: CliRun, diagnostic: string): Promise<void> {
  expect(run.err).toBe(`error: ${diagnostic}\n`);
  expect(run.err).not.toMatch(/^\s+at /m);
  expect(run.code).toBe(1);
  expect(await snapshot(path.join(dir, "out"))).toEqual(before);
}

/** A spec whose 500 response has this schema, as JSON text. */
function specWithSchema(schemaJson: string, operationId = "getThing"): string {
  return `{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{"/things":{"get":{"operationId":${JSON.stringify(operationId)},"responses":{"500":{"description":"e","content":{"application/json":{"schema":${schemaJson}}}}}}}}}`;
}

/** Where a diagnostic places a key of specWithSchema's one-line JSON: the column of its opening quote. */
const columnOf = (key: string) => specWithSchema('{"$ref":"x"}').indexOf(`"${key}"`) + 1;
/** Diagnostics name files outside the working folder absolutely (the temp folder is outside the repository). */
const abs = (rel: string) => path.join(dir, rel);

const nested = (levels: number) =>
  `${'{"type":"object","properties":{"a":'.repeat(levels)}{"type":"string"}${"}}".repeat(levels)}`;

describe("files that are not spec files", () => {
  it("a device as the spec: refused without reading it", async () => {
    await expectRefused(
      await cli(["generate", "/dev/zero", "-o", "out"], dir),
      `${path.relative(dir, "/dev/zero")}: is not a regular file (a device, FIFO or socket): faultline reads spec files only\n  fix: ${SPEC_FIX}`,
    );
  });

  it("a FIFO with no writer: refused, without waiting for one", async () => {
    execFileSync("mkfifo", [path.join(dir, "api/pipe.yaml")]);
    await expectRefused(
      await cli(["generate", "api/pipe.yaml", "-o", "out"], dir),
      `api/pipe.yaml: is not a regular file (a device, FIFO or socket): faultline reads spec files only\n  fix: ${SPEC_FIX}`,
    );
  });

  it("a $ref to a device, even where outside refs are allowed", async () => {
    await writeFile(path.join(dir, "api/spec.json"), specWithSchema('{"$ref":"/dev/zero"}'));
    await expectRefused(
      await cli(["generate", "api/spec.json", "-o", "out", "--allow-ref-outside"], dir),
      `api/spec.json:1:${columnOf("$ref")} at #/paths/~1things/get/responses/500/content/application~1json/schema/$ref: $ref "/dev/zero" names /dev/zero, which is not a regular file (a device, FIFO or socket): faultline reads spec files only\n  fix: ${SPEC_FIX}`,
    );
  });
});

describe("size", () => {
  const tooBig = (mb: string, knob = "--max-spec-mb (config limits.maxSpecMb)") =>
    `is larger than ${mb}, the limit for one spec file\n  fix: split the spec with $refs, or raise ${knob}`;

  it("a 60 MB spec file is refused by its size, before it is read (default 50 MB)", async () => {
    await writeFile(path.join(dir, "api/huge.yaml"), "openapi: 3.1.0\n");
    await truncate(path.join(dir, "api/huge.yaml"), 60 * 1024 * 1024); // sparse: no 60 MB on disk
    await expectRefused(
      await cli(["generate", "api/huge.yaml", "-o", "out"], dir),
      `api/huge.yaml: ${tooBig("50 MB")}`,
    );
  });

  it("a $ref'd file over --max-spec-mb, and over the config's limits.maxSpecMb", async () => {
    await writeFile(
      path.join(dir, "api/big.json"),
      JSON.stringify({ type: "string", description: "x".repeat(1_200_000) }),
    );
    await writeFile(path.join(dir, "api/spec.json"), specWithSchema('{"$ref":"./big.json"}'));
    const diagnostic = `api/spec.json:1:${columnOf("$ref")} at #/paths/~1things/get/responses/500/content/application~1json/schema/$ref: $ref "./big.json" names ${abs("api/big.json")}, which ${tooBig("1 MB")}`;
    await expectRefused(await cli(["generate", "api/spec.json", "-o", "out", "--max-spec-mb", "1"], dir), diagnostic);
    await writeJson(path.join(dir, "faultline.config.json"), {
      limits: { maxSpecMb: 1 },
      specs: [{ spec: "api/spec.json", output: "out" }],
    });
    await expectRefused(await cli(["generate"], dir), diagnostic);
    expect((await cli(["generate", "api/spec.json", "-o", "out", "--max-spec-mb", "2"], dir)).code).toBe(0);
  });
});

describe("nesting depth", () => {
  it("5,000 levels: refused at load with the pointer, not a stack overflow", async () => {
    await writeFile(path.join(dir, "api/deep.json"), specWithSchema(nested(5000)));
    const run = await cli(["generate", "api/deep.json", "-o", "out"], dir);
    // Depth 101: 8 levels down to the schema, then 46 x (properties, a) and one more "properties".
    const pointer = `#/paths/~1things/get/responses/500/content/application~1json/schema${"/properties/a".repeat(46)}/properties`;
    const column =
      specWithSchema(nested(5000)).indexOf('"properties"') +
      1 +
      46 * '"properties":{"a":{"type":"object",'.length +
      '"properties":'.length;
    await expectRefused(
      run,
      `api/deep.json:1:${column} at ${pointer}: nested more than 100 levels deep\n  fix: flatten the nesting with $refs to components, or raise --max-depth (config limits.maxDepth)`,
    );
  });

  it("5,000 levels of YAML: the parser stops at the same limit, with line:col", async () => {
    const flow = `openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {/x: {get: {responses: {"500": {description: e, content: {application/json: {schema: ${"{a: ".repeat(5000)}1${"}".repeat(5000)}}}}}}}}\n`;
    await writeFile(path.join(dir, "api/deep.yaml"), flow);
    const run = await cli(["generate", "api/deep.yaml", "-o", "out"], dir);
    expect(run.err).toMatch(
      /^error: api\/deep\.yaml:3:\d+: nested more than 100 levels deep\n {2}fix: flatten the nesting with \$refs to components, or raise --max-depth \(config limits\.maxDepth\)\n$/,
    );
    await expectRefused(run, run.err.replace(/^error: /, "").replace(/\n$/, ""));
  });

  it("--max-depth and limits.maxDepth set the limit", async () => {
    await writeFile(path.join(dir, "api/deep.json"), specWithSchema(nested(20)));
    expect((await cli(["generate", "api/deep.json", "-o", "out2"], dir)).code).toBe(0);
    const flag = await cli(["generate", "api/deep.json", "-o", "out", "--max-depth", "30"], dir);
    expect(flag.err).toContain("nested more than 30 levels deep");
    await expectRefused(flag, flag.err.replace(/^error: /, "").replace(/\n$/, ""));
    await writeJson(path.join(dir, "faultline.config.json"), {
      specs: [{ spec: "api/deep.json", output: "out", limits: { maxDepth: 30 } }],
    });
    expect((await cli(["generate"], dir)).err).toBe(flag.err);
  });
});

describe("name length", () => {
  it("a 100,000-character operationId is refused with its pointer", async () => {
    await writeFile(path.join(dir, "api/long.json"), specWithSchema('{"type":"string"}', "a".repeat(100_000)));
    await expectRefused(
      await cli(["generate", "api/long.json", "-o", "out"], dir),
      `api/long.json:1:${columnOf("operationId")} at #/paths/~1things/get/operationId: operationId of 100,000 characters ("${"a".repeat(40)}"...); the limit is 10,000\n  fix: shorten it, or raise --max-name-length (config limits.maxNameLength)`,
    );
  });

  it("a 100,000-character property name, and --max-name-length", async () => {
    await writeFile(
      path.join(dir, "api/key.json"),
      specWithSchema(`{"type":"object","properties":{"${"k".repeat(100_000)}":{"type":"string"}}}`),
    );
    const run = await cli(["generate", "api/key.json", "-o", "out"], dir);
    expect(run.err).toContain(
      `at #/paths/~1things/get/responses/500/content/application~1json/schema/properties/${"k".repeat(100_000)}: a key of 100,000 characters`,
    );
    await expectRefused(run, run.err.replace(/^error: /, "").replace(/\n$/, ""));
    expect((await cli(["generate", "api/key.json", "-o", "out", "--max-name-length", "200000"], dir)).code).toBe(0);
  });

  it("the installed CLI exits at once on a 100,000-character operationId (it used to write, then never exit)", async () => {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
      cwd: ROOT,
    });
    await writeFile(path.join(dir, "api/long.json"), specWithSchema('{"type":"string"}', "a".repeat(100_000)));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(ROOT, "bin/faultline.js"), "generate", "api/long.json", "-o", "out"],
        { cwd: dir, stdio: ["ignore", "ignore", "pipe"] },
      );
      let err = "";
      child.stderr.on("data", (chunk: Buffer) => void (err += chunk.toString()));
      // A hang is the failure here: the test runner's timeout would report it, this names it.
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, err });
      });
    });
    expect(exit).toMatchObject({ code: 1, signal: null });
    expect(exit.err).toContain("operationId of 100,000 characters");
    expect(await snapshot(path.join(dir, "out"))).toEqual(before);
  }, 120_000);
});

describe("$refs that leave the spec's folder", () => {
  beforeEach(async () => {
    await mkdir(path.join(dir, "shared"));
    await writeJson(path.join(dir, "shared/error.json"), {
      type: "object",
      properties: { code: { type: "string", enum: ["SECRET_FROM_OUTSIDE"] } },
    });
    await writeFile(path.join(dir, "api/spec.json"), specWithSchema('{"$ref":"../shared/error.json"}'));
  });
  const refused = (named: string) =>
    `api/spec.json:1:${columnOf("$ref")} at #/paths/~1things/get/responses/500/content/application~1json/schema/$ref: $ref "../shared/error.json" leaves the spec's folder ${abs("api")}: it names ${named}\n  fix: keep $ref'd files inside the spec's folder, or allow that folder: --allow-ref-outside, or "allowRefOutside": ["../shared"] in the config`;

  it("are refused by default", async () => {
    await expectRefused(await cli(["generate", "api/spec.json", "-o", "out"], dir), refused(abs("shared/error.json")));
  });

  it("a symlink inside the folder that leads outside is refused too", async () => {
    await symlink(path.join(dir, "shared"), path.join(dir, "api/linked"));
    await writeFile(path.join(dir, "api/spec.json"), specWithSchema('{"$ref":"./linked/error.json"}'));
    const run = await cli(["generate", "api/spec.json", "-o", "out"], dir);
    expect(run.err).toContain(
      `$ref "./linked/error.json" leaves the spec's folder ${abs("api")}: it names ${abs("api/linked/error.json")}, through a symlink that leads outside`,
    );
    await expectRefused(run, run.err.replace(/^error: /, "").replace(/\n$/, ""));
  });

  it("are followed with --allow-ref-outside, or into the folders the config's allowRefOutside lists", async () => {
    expect(await cli(["generate", "api/spec.json", "-o", "out", "--allow-ref-outside"], dir)).toMatchObject({
      code: 0,
      err: "",
    });
    await writeJson(path.join(dir, "faultline.config.json"), {
      allowRefOutside: ["shared"],
      specs: [{ spec: "api/spec.json", output: "out2" }],
    });
    expect(await cli(["generate"], dir)).toMatchObject({ code: 0, err: "" });
    await writeJson(path.join(dir, "faultline.config.json"), {
      allowRefOutside: ["elsewhere"],
      specs: [{ spec: "api/spec.json", output: "out3" }],
    });
    expect((await cli(["generate"], dir)).err).toContain(
      `leaves the spec's folder ${abs("api")}: it names ${abs("shared/error.json")}`,
    );
  });
});
