// Renders templates/runtime/*.hbs into a temp folder exactly as the generator would
// (Handlebars, noEscape), so tests run against the real rendered TypeScript.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Handlebars from "handlebars";
import { afterAll } from "vitest";
import { runtimeContext } from "../../src/emit/client/runtime-files.js";

export const TEMPLATE_DIR = resolve(import.meta.dirname, "../../templates/runtime");
export const VERSION = "0.0.0-test";

const created: string[] = [];
// vitest stops its workers without a normal exit, so clean up with the file's own afterAll.
afterAll(() => created.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "faultline-runtime-"));
  created.push(dir);
  return dir;
}

/** Renders every template into dir/runtime (or a fresh temp folder, removed after the test file) and returns that folder. */
export function renderRuntime(dir = tempDir()): string {
  const out = join(dir, "runtime");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const file of readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith(".hbs"))) {
    const template = Handlebars.compile(readFileSync(join(TEMPLATE_DIR, file), "utf8"), {
      noEscape: true,
      strict: true,
    });
    writeFileSync(join(dir, "runtime", file.slice(0, -".hbs".length)), template(runtimeContext(VERSION)), {
      flag: "w",
    });
  }
  return out;
}

// The rendered module is untyped from here (it lives in a temp folder); tests type their own data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Runtime = any;

let cached: Promise<Runtime> | undefined;
/** Renders once per test file and imports the rendered index.ts. */
export function loadRuntime(): Promise<Runtime> {
  cached ??= import(pathToFileURL(join(renderRuntime(), "index.ts")).href);
  return cached;
}
