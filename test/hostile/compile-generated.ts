// Generates clients into a temp folder, compiles them with the strictest settings a user may
// have, and runs the compiled code in a child process (a payload that called process.exit
// must not take the test runner down with it).
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { writeOutput } from "../../src/cli/write-output.js";
import { createGenerateTools } from "../../src/cli/generate-tools.js";
import { generate, type GenerateResult } from "../../src/generate.js";
import { loadSpec } from "../../src/parse/load.js";

/** One formatter and one set of compiled templates for every spec this file generates. */
const tools = createGenerateTools();

const run = promisify(execFile);
const TSC = path.resolve("node_modules/typescript/bin/tsc");
const PROBE = path.resolve("test/hostile/probe.mjs");

export async function generateInto(spec: string, outDir: string): Promise<GenerateResult> {
  const result = await generate(await loadSpec(spec), tools);
  mkdirSync(outDir, { recursive: true });
  await writeOutput(outDir, result.files);
  return result;
}

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    lib: ["ES2023"],
    types: ["node"],
    typeRoots: [path.resolve("node_modules/@types")],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitOverride: true,
    skipLibCheck: false,
    rootDir: "src",
    outDir: "dist",
  },
  include: ["src/**/*.ts"],
};

/** Compiles root/src into root/dist; returns tsc's diagnostics (empty when clean). */
export async function compileAll(root: string): Promise<string> {
  writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ type: "module", private: true }));
  try {
    await run(process.execPath, [TSC, "-p", path.join(root, "tsconfig.json"), "--pretty", "false"], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return "";
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return `${failed.stdout ?? ""}${failed.stderr ?? ""}` || failed.message;
  }
}

export interface ProbeReport {
  pwned: unknown;
  operations: Record<
    string,
    { method: string; path: string; errors: Record<string, { codes: string[]; protoCodes: boolean }> }
  >;
  methods: string[];
  calls: { method: string; url: string; ok: boolean; kind: string | undefined; code: string | undefined }[];
}

/** Imports the compiled index.js in a fresh node, calls every client method against a stub fetch. */
export async function probe(indexJs: string): Promise<{ exitCode: number; report?: ProbeReport; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [PROBE, indexJs], { maxBuffer: 64 * 1024 * 1024 });
    return { exitCode: 0, report: JSON.parse(stdout) as ProbeReport, stderr };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { exitCode: typeof failed.code === "number" ? failed.code : -1, stderr: failed.stderr ?? "" };
  }
}
