// faultline.config.json: many specs in one run, each with its output folder and overrides.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { SpecError } from "../diagnostics.js";
import type { ClassifyOverrides } from "../normalize/classify.js";

export interface Target {
  spec: string;
  output: string;
  overrides?: ClassifyOverrides;
}

export interface Config {
  file: string;
  targets: Target[];
}

export const CONFIG_FILE = "faultline.config.json";

function fail(file: string, pointer: string, problem: string, fix: string): SpecError {
  return new SpecError({ file, pointer, problem, fix });
}

export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw fail(file, "", "config file not found", `create it with \`faultline init\`, or pass a spec: faultline generate spec.yaml -o out`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw fail(file, "", `invalid JSON: ${(error as Error).message}`, "correct the JSON syntax");
  }
  const specs = (raw as { specs?: unknown })?.specs;
  if (!Array.isArray(specs)) throw fail(file, "/specs", "`specs` must be a list", 'e.g. { "specs": [{ "spec": "openapi.yaml", "output": "src/api" }] }');
  const base = path.dirname(file);
  const targets = specs.map((entry, i): Target => {
    const e = entry as Partial<Target> | null;
    if (typeof e?.spec !== "string") throw fail(file, `/specs/${i}/spec`, "`spec` must be a path", "the spec file, relative to the config file");
    if (typeof e.output !== "string") throw fail(file, `/specs/${i}/output`, "`output` must be a path", "the output folder, relative to the config file");
    return { spec: path.join(base, e.spec), output: path.join(base, e.output), ...(e.overrides ? { overrides: e.overrides } : {}) };
  });
  return { file, targets };
}
