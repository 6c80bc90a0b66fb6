// Type-checks generated clients the way a strict user project would (strict,
// noUncheckedIndexedAccess, exactOptionalPropertyTypes, NodeNext). Many outputs share one tsc
// process: starting tsc and reading lib + @types/node costs ~1 s, paid once per batch instead of
// once per spec. Outputs are independent modules, so each diagnostic belongs to the output
// folder its path starts with.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");
const TYPE_ROOTS = path.dirname(path.dirname(require.resolve("@types/node/package.json")));

export const STRICT_OUTPUT_OPTIONS = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2023"],
  types: ["node"],
  typeRoots: [TYPE_ROOTS],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noEmit: true,
  // @types/node is not ours to check; the generated files are all checked.
  skipLibCheck: true,
};

export interface TypecheckResult {
  /** Diagnostics per output folder (absolute path); an empty list means it compiled. */
  errors: Map<string, string[]>;
  ms: number;
}

/** Writes a tsconfig covering every folder into `root` and runs one tsc over them. */
export async function typecheckOutputs(root: string, dirs: string[], name = "tsconfig.json"): Promise<TypecheckResult> {
  const config = path.join(root, name);
  const include = dirs.map((d) => `${path.relative(root, d).split(path.sep).join("/")}/**/*.ts`);
  writeFileSync(config, JSON.stringify({ compilerOptions: STRICT_OUTPUT_OPTIONS, include }, null, 2));
  const started = performance.now();
  const { code, output } = await run(process.execPath, [TSC, "-p", config, "--pretty", "false"], root);
  const ms = Math.round(performance.now() - started);
  const errors = new Map(dirs.map((d) => [d, [] as string[]]));
  const unattributed: string[] = [];
  for (const line of output.split("\n")) {
    if (!/error TS\d+/.test(line)) continue;
    const file = path.resolve(root, line.replace(/\(\d+,\d+\).*$/, ""));
    const owner = dirs.find((d) => file.startsWith(d + path.sep));
    (owner ? errors.get(owner)! : unattributed).push(
      owner ? path.relative(owner, file) + line.slice(line.indexOf("(")) : line,
    );
  }
  // A crash or a config error is everyone's failure: nothing was proven to compile.
  if (code !== 0 && [...errors.values()].every((e) => e.length === 0)) {
    const why =
      unattributed.length > 0
        ? unattributed
        : [`tsc exited with ${code}: ${output.trim().split("\n").slice(-3).join(" / ")}`];
    for (const d of dirs) errors.set(d, why);
  }
  return { errors, ms };
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), output: signal ? `${output}\nkilled by ${signal}` : output }),
    );
  });
}
