// ts-morph, loaded with the process's one TypeScript compiler. ts-morph ships its own copy of
// TypeScript (@ts-morph/common/dist/typescript.js) and openapi-typescript requires the
// `typescript` package: two 9 MB compilers, each ~0.4 s to compile and run at start-up, in every
// `faultline` process. ts-morph 27 bundles TypeScript 5.9, the version we pin, so we hand it the
// `typescript` package instead of letting it load its copy. If the versions ever differ in
// major.minor, ts-morph loads its own (correct, just slower).
import { closeSync, openSync, readSync } from "node:fs";
import { createRequire, Module } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

const majorMinor = (version: string) => version.split(".").slice(0, 2).join(".");

/** The path ts-morph requires its TypeScript from, or undefined if that layout changed. */
function bundledCompilerPath(): string | undefined {
  try {
    const common = require.resolve("@ts-morph/common", { paths: [path.dirname(require.resolve("ts-morph"))] });
    return path.join(path.dirname(common), "typescript.js");
  } catch {
    return undefined;
  }
}

/** The compiler states its version near the top (`var version = "5.9.2"`, ~100 KB in). */
function fileHead(file: string): string {
  const buffer = Buffer.alloc(256 * 1024);
  const fd = openSync(file, "r");
  try {
    return buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** True when ts-morph was given the shared compiler (tests check a ts-morph upgrade keeps it so). */
export let sharesCompiler = false;

function shareCompiler(): void {
  const bundled = bundledCompilerPath();
  if (!bundled || require.cache[bundled]) return;
  const ts = require("typescript") as typeof import("typescript");
  const bundledVersion = /\bvar version = "([\d.]+)"/.exec(fileHead(bundled))?.[1];
  if (!bundledVersion || majorMinor(bundledVersion) !== majorMinor(ts.version)) return;
  const module = new Module(bundled);
  module.filename = bundled;
  module.loaded = true;
  module.exports = ts;
  require.cache[bundled] = module;
  sharesCompiler = true;
}

let loaded: typeof import("ts-morph") | undefined;

/**
 * ts-morph, loaded on first use: with the compiler it is ~0.6 s, which `lint`, `report`,
 * `init` and `--help` never need, and which a `generate` run spends after the spec is read (a
 * worker imports prettier meanwhile, format-thread.ts). Through require(), not import: ts-morph
 * is CommonJS, and Node's ESM loader would first scan it for exports (~0.25 s).
 */
export function tsMorph(): typeof import("ts-morph") {
  if (!loaded) {
    shareCompiler();
    loaded = require("ts-morph") as typeof import("ts-morph");
  }
  return loaded;
}
