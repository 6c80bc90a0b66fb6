// The flags that bound what a spec may ask of faultline (docs/security.md), shared by generate,
// report and lint: each input limit, and where $ref'd files may live.
import type { Argv } from "yargs";
import type { InputLimits } from "../parse/limits.js";
import type { LoadOptions } from "../parse/load.js";
import { UsageError } from "./usage-error.js";

export interface InputFlags {
  allowRefOutside?: boolean;
  maxSpecMb?: number;
  maxNodes?: number;
  maxDepth?: number;
  maxNameLength?: number;
  fetchTimeout?: number;
}

/** Flag -> the limit it sets, and the factor from the flag's unit to the limit's. */
const LIMIT_FLAGS = [
  {
    flag: "max-spec-mb",
    arg: "maxSpecMb",
    limit: "maxSpecBytes",
    scale: 1024 * 1024,
    describe: "largest spec file read, root or $ref'd, in MB (default 50)",
  },
  {
    flag: "max-nodes",
    arg: "maxNodes",
    limit: "maxNodes",
    scale: 1,
    describe: "most objects and lists in a spec file, YAML aliases expanded (default 2000000)",
  },
  {
    flag: "max-depth",
    arg: "maxDepth",
    limit: "maxDepth",
    scale: 1,
    describe: "deepest nesting in a spec (default 100)",
  },
  {
    flag: "max-name-length",
    arg: "maxNameLength",
    limit: "maxNameLength",
    scale: 1,
    describe: "longest key, operationId or name, in characters (default 10000)",
  },
  {
    flag: "fetch-timeout",
    arg: "fetchTimeout",
    limit: "fetchTimeoutMs",
    scale: 1000,
    describe: "seconds to fetch a spec given as an http(s) URL (default 30)",
  },
] as const;

export function withInputFlags<T>(y: Argv<T>): Argv<T> {
  let out = y.option("allow-ref-outside", {
    type: "boolean",
    describe: "let $refs name files outside the spec's folder (overrides the config's allowRefOutside)",
  });
  for (const { flag, describe } of LIMIT_FLAGS) out = out.option(flag, { type: "number", describe });
  return out;
}

/** The limits given as flags: each overrides the config's. */
export function limitFlags(flags: InputFlags): Partial<InputLimits> {
  const limits: Partial<InputLimits> = {};
  for (const { flag, arg, limit, scale } of LIMIT_FLAGS) {
    const value = flags[arg];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${flag} must be a number above 0`);
    limits[limit] = Math.floor(value * scale);
  }
  return limits;
}

/** For commands without a config (report, lint): the flags alone. */
export function loadOptionsOf(flags: InputFlags): Pick<LoadOptions, "limits" | "refRoots"> {
  return { limits: limitFlags(flags), ...(flags.allowRefOutside ? { refRoots: "anywhere" as const } : {}) };
}
