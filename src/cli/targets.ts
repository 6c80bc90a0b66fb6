// Which specs to generate, from the command line and the config file. Flags win over the file:
// a spec named on the command line that the config lists keeps its overrides and retry
// defaults but takes --out if given; one it does not list gets the config-wide settings.
import path from "node:path";
import { SpecError } from "../diagnostics.js";
import { CONFIG_FILE, CONFIG_MODULE, findConfig, loadConfig, withDefaults, type Target } from "./config.js";
import { isSpecUrl } from "../parse/fetch-root.js";
import { limitFlags, type InputFlags } from "./input-flags.js";
import { UsageError } from "./usage-error.js";

export interface TargetArgs extends InputFlags {
  spec?: string;
  out?: string;
  config?: string;
  /** undefined when the flag was not given: the config decides. */
  allowRemoteRefs?: boolean;
  force?: boolean;
  /** --mocks / --mocks msw; undefined when not given: the config decides. */
  mocks?: boolean | "msw";
}

/** Flags win over the config, field by field. */
function withFlags(target: Target, args: TargetArgs): Target {
  const limits = limitFlags(args);
  return {
    ...target,
    ...(args.allowRemoteRefs !== undefined ? { allowRemoteRefs: args.allowRemoteRefs } : {}),
    ...(args.force !== undefined ? { force: args.force } : {}),
    ...(args.mocks !== undefined ? { mocks: args.mocks } : {}),
    ...(args.allowRefOutside !== undefined ? { refRoots: args.allowRefOutside ? "anywhere" : [] } : {}),
    ...(Object.keys(limits).length > 0 ? { limits: { ...target.limits, ...limits } } : {}),
  };
}

export interface ResolvedTargets {
  targets: Target[];
  /** The config file read, if any: --watch watches it too. */
  configFile?: string;
}

export async function resolveTargets(
  args: TargetArgs,
  cwd: string,
  options: { fresh?: boolean } = {},
): Promise<ResolvedTargets> {
  const configFile = args.config !== undefined ? path.resolve(cwd, args.config) : await findConfig(cwd);
  const config = configFile ? await loadConfig(configFile, { ...options, cwd }) : undefined;
  let targets: Target[];
  if (args.spec !== undefined) {
    const spec = isSpecUrl(args.spec) ? args.spec : path.resolve(cwd, args.spec);
    const listed = config?.targets.find((t) => t.spec === spec);
    const output = args.out !== undefined ? path.resolve(cwd, args.out) : listed?.output;
    if (output === undefined)
      throw new UsageError(`generate needs --out <dir> for ${args.spec} (or list it in ${CONFIG_FILE})`);
    targets = [listed ? { ...listed, output } : withDefaults({ spec, output }, config?.defaults ?? {}, config?.base)];
  } else {
    if (!config) {
      throw new SpecError({
        file: path.join(cwd, CONFIG_FILE),
        problem: `no ${CONFIG_FILE} or ${CONFIG_MODULE} here, and no spec was given`,
        fix: "create a config with `faultline init`, or pass a spec: faultline generate openapi.yaml -o src/api",
      });
    }
    if (args.out !== undefined && config.targets.length > 1)
      throw new UsageError(
        `--out is ambiguous: ${path.basename(config.file)} lists ${config.targets.length} specs; name one: faultline generate <spec> -o <dir>`,
      );
    targets =
      args.out !== undefined ? [{ ...config.targets[0]!, output: path.resolve(cwd, args.out) }] : config.targets;
  }
  targets = targets.map((t) => withFlags(t, args));
  return { targets, ...(configFile ? { configFile } : {}) };
}
