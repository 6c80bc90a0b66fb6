// The runtime's handlebars templates, read from the package's templates/runtime folder: the
// CLI's side of generate()'s templates (generate() reads no files). Compiled once per process,
// or once per --watch session.
import { readdirSync, readFileSync } from "node:fs";
import { compileRuntimeTemplates, type RuntimeTemplate } from "../emit/client/runtime-files.js";

/** Two levels up from src/cli and from dist/cli alike: the package root. */
export const RUNTIME_TEMPLATE_DIR = new URL("../../templates/runtime/", import.meta.url);

export function readRuntimeTemplates(dir: URL = RUNTIME_TEMPLATE_DIR): RuntimeTemplate[] {
  const names = readdirSync(dir).filter((name) => name.endsWith(".ts.hbs"));
  return compileRuntimeTemplates(names.map((name) => ({ name, text: readFileSync(new URL(name, dir), "utf8") })));
}

/** The constant part of a generated mocks.ts (src/emit/mocks/mocks-file.ts). */
export function readMockRuntime(): string {
  return readFileSync(new URL("../../templates/mocks/mock-fetch.ts.txt", import.meta.url), "utf8");
}
