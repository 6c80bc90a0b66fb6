// faultline.config.json (or faultline.config.mjs): many specs in one run, each with its output
// folder, classification overrides and retry defaults. Paths are relative to the config file.
// Config-wide `overrides` and `retry` apply to every spec; a spec's own entry wins field by field.
import { createHash } from "node:crypto";
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SpecError, pointerOf } from "../diagnostics.js";
import type { RetryAdviceIR } from "../ir.js";
import type { ClassifyOverrides } from "../normalize/classify.js";
import { mergeRetryAdvice } from "../normalize/retry-defaults.js";
import type { InputLimits } from "../parse/limits.js";
import type { RefRoots } from "../parse/ref-files.js";
import { validateConfig, type ConfigDefaults } from "./config-validate.js";

export interface Target {
  /** Absolute paths. */
  spec: string;
  output: string;
  overrides?: ClassifyOverrides;
  retry?: RetryAdviceIR;
  allowRemoteRefs?: boolean;
  /** Write into an output folder faultline does not own (never replacing the user's files). */
  force?: boolean;
  /** Also write mocks.ts (true), and msw.ts ("msw"). */
  mocks?: boolean | "msw";
  /** Input limits set by the config or flags; the rest take their defaults. */
  limits?: Partial<InputLimits>;
  /** Folders $ref'd files may live in besides the spec's own (absolute), or "anywhere". */
  refRoots?: RefRoots;
  /** Where the target was declared: diagnostics about its overrides point there. */
  origin?: { file: string; pointer: string };
}

export interface Config {
  file: string;
  targets: Target[];
  /** The config-wide settings: what a spec given on the command line but not listed here gets. */
  defaults: ConfigDefaults;
  /** The config file's folder: paths in `defaults` are relative to it. */
  base: string;
}

export const CONFIG_FILE = "faultline.config.json";
export const CONFIG_MODULE = "faultline.config.mjs";

function fail(file: string, pointer: string, problem: string, fix: string): SpecError {
  return new SpecError({ file, pointer, problem, fix });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The config file in `cwd`, if there is one; two of them is ambiguous, so an error. */
export async function findConfig(cwd: string): Promise<string | undefined> {
  const json = path.join(cwd, CONFIG_FILE);
  const module = path.join(cwd, CONFIG_MODULE);
  const [hasJson, hasModule] = await Promise.all([exists(json), exists(module)]);
  if (hasJson && hasModule)
    throw fail(
      CONFIG_MODULE,
      "",
      `both ${CONFIG_FILE} and ${CONFIG_MODULE} exist`,
      "keep one of them, or pick one with --config",
    );
  return hasJson ? json : hasModule ? module : undefined;
}

function isModule(file: string): boolean {
  return /\.(?:mjs|js)$/.test(file);
}

/**
 * Node caches modules by URL: a query string naming the file's bytes makes --watch see an edited
 * file, and the same bytes load once. No counter: nothing here outlives the call.
 */
async function moduleUrl(file: string, fresh: boolean): Promise<string> {
  const url = pathToFileURL(file).href;
  if (!fresh) return url;
  return `${url}?reload=${createHash("sha256")
    .update(await readFile(file))
    .digest("hex")
    .slice(0, 16)}`;
}

async function readRaw(file: string, shown: string, fresh: boolean): Promise<unknown> {
  if (isModule(file)) {
    if (!(await exists(file)))
      throw fail(shown, "", "config file not found", "check the path, or create a config with `faultline init`");
    let loaded: { default?: unknown };
    try {
      loaded = (await import(await moduleUrl(file, fresh))) as { default?: unknown };
    } catch (error) {
      throw fail(
        shown,
        "",
        `cannot load the module: ${(error as Error).message}`,
        `fix the module so that \`node ${path.basename(file)}\` runs`,
      );
    }
    if (loaded.default === undefined)
      throw fail(shown, "", "the module has no default export", "end it with: export default { specs: [...] }");
    return loaded.default;
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw fail(
      shown,
      "",
      "config file not found",
      "create it with `faultline init`, or pass a spec: faultline generate spec.yaml -o out",
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw fail(
      shown,
      "",
      `invalid JSON: ${(error as Error).message}`,
      "correct the JSON syntax (JSON allows no comments or trailing commas)",
    );
  }
}

export function mergeOverrides(
  under: ClassifyOverrides | undefined,
  over: ClassifyOverrides | undefined,
): ClassifyOverrides | undefined {
  if (!under) return over;
  if (!over) return under;
  const table = (a: ClassifyOverrides["status"], b: ClassifyOverrides["status"]) => {
    if (!a || !b) return a ?? b;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return Object.fromEntries(keys.map((k) => [k, { ...a[k], ...b[k] }]));
  };
  const status = table(under.status, over.status);
  const codes = table(under.codes, over.codes);
  return {
    ...(status ? { status } : {}),
    ...(codes ? { codes } : {}),
    ...(over.operations ? { operations: over.operations } : {}),
  };
}

/** `allowRefOutside` from the config: folders are relative to the config file (`base`). */
export function refRootsOf(allow: boolean | string[] | undefined, base: string): RefRoots | undefined {
  if (allow === undefined) return undefined;
  if (typeof allow === "boolean") return allow ? "anywhere" : [];
  return allow.map((folder) => path.resolve(base, folder));
}

/** A config-wide setting under a spec's own: the spec's entry wins (limits field by field). */
export function withDefaults(target: Target, defaults: ConfigDefaults, base = process.cwd()): Target {
  const overrides = mergeOverrides(defaults.overrides, target.overrides);
  const retry = mergeRetryAdvice(defaults.retry, target.retry);
  const allowRemoteRefs = target.allowRemoteRefs ?? defaults.allowRemoteRefs;
  const force = target.force ?? defaults.force;
  const mocks = target.mocks ?? defaults.mocks;
  const limits = defaults.limits || target.limits ? { ...defaults.limits, ...target.limits } : undefined;
  const refRoots = target.refRoots ?? refRootsOf(defaults.allowRefOutside, base);
  return {
    spec: target.spec,
    output: target.output,
    ...(target.origin ? { origin: target.origin } : {}),
    ...(overrides ? { overrides } : {}),
    ...(retry ? { retry } : {}),
    ...(allowRemoteRefs !== undefined ? { allowRemoteRefs } : {}),
    ...(force !== undefined ? { force } : {}),
    ...(mocks !== undefined ? { mocks } : {}),
    ...(limits ? { limits } : {}),
    ...(refRoots !== undefined ? { refRoots } : {}),
  };
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** Two targets sharing or nesting output folders would delete each other's files as stale. */
function checkOutputsApart(file: string, base: string, targets: Target[]): void {
  targets.forEach((t, j) => {
    const i = targets.findIndex(
      (other, k) => k < j && (isInside(other.output, t.output) || isInside(t.output, other.output)),
    );
    if (i >= 0) {
      throw fail(
        file,
        pointerOf("specs", j, "output"),
        `output folder overlaps that of specs[${i}] (${path.relative(base, targets[i]!.output) || "."})`,
        "give every spec its own output folder, not inside another one",
      );
    }
  });
}

/**
 * `fresh` re-imports a .mjs config instead of using Node's module cache (for --watch).
 * Diagnostics name the file relative to `cwd` (default: the process's).
 */
export async function loadConfig(file: string, options: { fresh?: boolean; cwd?: string } = {}): Promise<Config> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, file);
  const shown = path.relative(cwd, absolute) || absolute;
  const valid = validateConfig(await readRaw(absolute, shown, options.fresh ?? false), shown);
  const base = path.dirname(absolute);
  const { specs, ...defaults } = valid;
  const targets = specs.map(({ allowRefOutside, ...entry }, i) => {
    const refRoots = refRootsOf(allowRefOutside, base);
    return withDefaults(
      {
        ...entry,
        ...(refRoots ? { refRoots } : {}),
        spec: path.resolve(base, entry.spec),
        output: path.resolve(base, entry.output),
        origin: { file, pointer: pointerOf("specs", i) },
      },
      defaults,
      base,
    );
  });
  checkOutputsApart(shown, base, targets);
  return { file: absolute, targets, defaults, base };
}
