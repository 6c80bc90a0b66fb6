// The faultline CLI. Exit codes: 0 ok, 1 bad input or stale output (--check), 2 bad usage.
import yargs from "yargs";
import { SpecError } from "../diagnostics.js";
import { VERSION } from "../version.js";
import { CONFIG_FILE } from "./config.js";
import { generateCommand, mocksFlag, type GenerateArgs } from "./generate-command.js";
import { initCommand } from "./init-command.js";
import { loadOptionsOf, withInputFlags, type InputFlags } from "./input-flags.js";
import type { Io } from "./io.js";
export type { Io } from "./io.js";
import { lintCommand } from "./lint-command.js";
import { reportCommand } from "./report-command.js";
import { UsageError } from "./usage-error.js";

const defaultIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  let usage: string | undefined;
  const debug = argv.includes("--debug");
  try {
    await yargs(argv)
      .scriptName("faultline")
      .version(VERSION)
      .strict()
      .exitProcess(false)
      .fail((message, error) => {
        if (error) throw error;
        throw new UsageError(message);
      })
      .option("debug", { type: "boolean", default: false, describe: "show stack traces" })
      .command(
        "generate [spec]",
        "generate a typed error client from an OpenAPI spec (or every spec in faultline.config.json)",
        (y) =>
          withInputFlags(y)
            .positional("spec", { type: "string", describe: "OpenAPI 3.0/3.1 or Swagger 2.0 file (YAML or JSON)" })
            .option("out", { alias: "o", type: "string", describe: "output folder" })
            .option("config", { alias: "c", type: "string", describe: `config file (default ${CONFIG_FILE})` })
            .option("check", { type: "boolean", default: false, describe: "write nothing; exit 1 if the output is stale, with the error-surface diff" })
            .option("watch", { alias: "w", type: "boolean", default: false, describe: "regenerate on every save of the spec, its $ref'd files or the config" })
            .option("quiet", { alias: "q", type: "boolean", default: false, describe: "print only problems (errors, stale output)" })
            .option("json", { type: "boolean", default: false, describe: "machine-readable result" })
            .option("strict", { type: "boolean", default: false, describe: "treat warnings (flaws faultline works around) as errors: write nothing, exit 1" })
            .option("allow-remote-refs", { type: "boolean", describe: "follow http(s) $refs (overrides the config)" })
            .option("force", { type: "boolean", describe: "write into an output folder faultline does not own (it still never replaces or removes your files)" })
            .option("mocks", { type: "string", describe: "also write mocks.ts (mockFetch, chaosFetch); --mocks msw adds msw.ts (MSW v2 handlers)", coerce: mocksFlag }),
        async (args) => {
          exitCode = await generateCommand(args as unknown as GenerateArgs, io);
        },
      )
      .command(
        "init [spec]",
        `write a starter ${CONFIG_FILE} (never overwrites one)`,
        (y) =>
          y
            .positional("spec", { type: "string", describe: "the OpenAPI file (default: openapi.yaml or the like found here)" })
            .option("out", { alias: "o", type: "string", describe: "output folder (default src/api)" }),
        async (args) => {
          exitCode = await initCommand({ ...(args.spec ? { spec: args.spec } : {}), ...(args.out ? { out: args.out } : {}) }, io);
        },
      )
      .command(
        "report <specs..>",
        "print the error surface (operation x status x code, with category, recovery and reason)",
        (y) =>
          withInputFlags(y)
            .positional("specs", { type: "string", array: true, demandOption: true })
            .option("format", { alias: "f", choices: ["md", "html"] as const, default: "md" as const })
            .option("out", { alias: "o", type: "string", describe: "write to this file instead of stdout" })
            .option("allow-remote-refs", { type: "boolean", default: false }),
        async (args) => {
          exitCode = await reportCommand({ specs: args.specs as string[], format: args.format, allowRemoteRefs: args.allowRemoteRefs, load: loadOptionsOf(args as InputFlags), ...(args.out ? { out: args.out } : {}) }, io.out);
        },
      )
      .command(
        "lint <specs..>",
        "warn about error handling a client cannot rely on (missing Retry-After, schemas, idempotency keys, ...)",
        (y) =>
          withInputFlags(y)
            .positional("specs", { type: "string", array: true, demandOption: true })
            .option("strict", { type: "boolean", default: false, describe: "exit 1 when there is any warning" })
            .option("allow-remote-refs", { type: "boolean", default: false }),
        async (args) => {
          exitCode = await lintCommand({ specs: args.specs as string[], strict: args.strict, allowRemoteRefs: args.allowRemoteRefs, load: loadOptionsOf(args as InputFlags) }, io.out);
        },
      )
      .demandCommand(1, "name a command, e.g. faultline generate spec.yaml -o out")
      .help()
      .parseAsync();
  } catch (error) {
    if (error instanceof SpecError) {
      io.err(`error: ${error.message}\n`);
      if (debug) io.err(`${error.stack}\n`);
      return 1;
    }
    if (error instanceof UsageError) {
      usage = error.message;
    } else {
      io.err(`faultline: internal error: ${(error as Error)?.message ?? String(error)}\n`);
      if (debug) io.err(`${(error as Error)?.stack}\n`);
      else io.err("  rerun with --debug for a stack trace, and please report it\n");
      return 1;
    }
  }
  if (usage !== undefined) {
    io.err(`faultline: ${usage}\nrun \`faultline --help\` for usage\n`);
    return 2;
  }
  return exitCode;
}
