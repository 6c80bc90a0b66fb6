// The generators compared, each as its own CLI in a fresh Node process (what a user runs).
// Binaries are resolved from node_modules and started with `node` directly: npx would add
// its own start-up to every number.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const REPO = path.resolve(import.meta.dirname, "..");

/**
 * A package's folder, found the way Node searches node_modules folders. Not by resolving
 * `pkg/package.json` or `pkg`: orval's and @hey-api's exports maps allow neither from require.
 */
function packageDir(pkg: string): string {
  const dir = (require.resolve.paths(pkg) ?? [])
    .map((p) => path.join(p, pkg))
    .find((d) => existsSync(path.join(d, "package.json")));
  if (!dir) throw new Error(`${pkg} is not installed: run npm install`);
  return dir;
}

/** The file a package declares as its command in package.json "bin" (a string, or the named entry). */
function bin(pkg: string, command?: string): string {
  const dir = packageDir(pkg);
  const declared = (
    JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { bin?: string | Record<string, string> }
  ).bin;
  const file = typeof declared === "string" ? declared : declared?.[command ?? pkg];
  if (!file) throw new Error(`${pkg} declares no "${command ?? pkg}" command in its package.json "bin"`);
  return path.join(dir, file);
}

export interface Tool {
  name: string;
  /** What it generates: faultline's is the whole client, openapi-typescript's types only. */
  output: string;
  /** node arguments that generate `spec` into the folder `out`. */
  args: (spec: string, out: string) => string[];
}

export const FAULTLINE: Tool = {
  name: "faultline",
  output: "types + error-classified client + runtime",
  args: (spec, out) => [path.join(REPO, "bin", "faultline.js"), "generate", spec, "-o", out, "--quiet"],
};

export const OPENAPI_TYPESCRIPT: Tool = {
  name: "openapi-typescript",
  output: "types only",
  args: (spec, out) => [bin("openapi-typescript"), spec, "-o", path.join(out, "schema.ts")],
};

export const ORVAL: Tool = {
  name: "orval",
  output: "types + fetch client",
  args: (spec, out) => [bin("orval"), "--input", spec, "--output", path.join(out, "api.ts"), "--client", "fetch"],
};

export const HEY_API: Tool = {
  name: "@hey-api/openapi-ts",
  output: "types + fetch client (sdk)",
  args: (spec, out) => [bin("@hey-api/openapi-ts", "openapi-ts"), "-i", spec, "-o", out, "--silent", "--no-log-file"],
};

export const TOOLS: Tool[] = [FAULTLINE, OPENAPI_TYPESCRIPT, ORVAL, HEY_API];

export function toolVersion(tool: Tool): string {
  const dir = tool === FAULTLINE ? REPO : packageDir(tool.name);
  return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
}
