// The faultline CLI. Exit codes: 0 ok, 1 bad input or stale output (--check), 2 bad usage.
import path from "node:path";
import yargs, { type Argv } from "yargs";
import { SpecError } from "../diagnostics.js";
import { VERSION } from "../version.js";
import { CONFIG_FILE } from "./config.js";
import { generateCommand, mocksFlag, type GenerateArgs } from "./generate-command.js";
import { initCommand } from "./init-command.js";
import { loadOptionsOf, withInputFlags, type InputFlags } from "./input-flags.js";
import { cwdOf, type Io } from "./io.js";
import { specArgument } from "./spec-argument.js";
export type { Io } from "./io.js";
import { lintCommand } from "./lint-command.js";
import { LINT_RULE_IDS } from "../lint/rule-summary.js";
import { isSpecUrl } from "../parse/fetch-root.js";
import { jsonFailure, withOutputFlags } from "./output-flags.js";
import { reportCommand } from "./report-command.js";
import { UsageError } from "./usage-error.js";

/** report's and lint's positional: one or more spec files or URLs. */
function withSpecs<T>(y: Argv<T>) {
  return y.positional("specs", {
    type: "string",
    array: true,
    demandOption: true,
    describe: "spec files or http(s) URLs",
  });
}

const defaultIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  let usage: string | undefined;
  const debug = argv.includes("--debug");
  // Read from argv, not yargs: a usage error is found before yargs hands back any flag.
  const json = argv.includes("--json");
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
          withOutputFlags(withInputFlags(y))
            .positional("spec", {
              type: "string",
              describe: "OpenAPI 3.0/3.1 or Swagger 2.0 file (YAML or JSON), or its http(s) URL",
            })
            .option("out", { alias: "o", type: "string", describe: "output folder" })
            .option("config", { alias: "c", type: "string", describe: `config file (default ${CONFIG_FILE})` })
            .option("check", {
              type: "boolean",
              default: false,
              describe: "write nothing; exit 1 if the output is stale, with the error-surface diff",
            })
            .option("watch", {
              alias: "w",
              type: "boolean",
              default: false,
              describe: "regenerate on every save of the spec, its $ref'd files or the config",
            })
            .option("strict", {
              type: "boolean",
              default: false,
              describe: "treat warnings (flaws faultline works around) as errors: write nothing, exit 1",
            })
            .option("allow-remote-refs", { type: "boolean", describe: "follow http(s) $refs (overrides the config)" })
            .option("force", {
              type: "boolean",
              describe:
                "write into an output folder faultline does not own (it still never replaces or removes your files)",
            })
            .option("mocks", {
              type: "string",
              describe: "also write mocks.ts (mockFetch, chaosFetch); --mocks msw adds msw.ts (MSW v2 handlers)",
              coerce: mocksFlag,
            }),
        async (args) => {
          // A URL has no file to watch: the session would sit there and never regenerate.
          if (args.watch && args.spec !== undefined && isSpecUrl(args.spec))
            throw new UsageError(
              "--watch needs a spec file: a URL cannot be watched; download the spec, or run without --watch",
            );
          exitCode = await generateCommand(args as unknown as GenerateArgs, io);
        },
      )
      .command(
        "init [spec]",
        `write a starter ${CONFIG_FILE} (never overwrites one)`,
        (y) =>
          withOutputFlags(y)
            .positional("spec", {
              type: "string",
              describe: "the OpenAPI file (default: openapi.yaml or the like found here)",
            })
            .option("out", { alias: "o", type: "string", describe: "output folder (default src/api)" }),
        async (args) => {
          exitCode = await initCommand(
            {
              ...(args.spec ? { spec: args.spec } : {}),
              ...(args.out ? { out: args.out } : {}),
              json: args.json,
              quiet: args.quiet,
            },
            io,
          );
        },
      )
      .command(
        "report <specs..>",
        "print the error surface (operation x status x code, with category, recovery and reason)",
        (y) =>
          withSpecs(withOutputFlags(withInputFlags(y)))
            .option("format", { alias: "f", choices: ["md", "html"] as const, default: "md" as const })
            .option("out", { alias: "o", type: "string", describe: "write to this file instead of stdout" })
            .option("allow-remote-refs", { type: "boolean", default: false }),
        async (args) => {
          const options = {
            specs: args.specs.map((s) => specArgument(s, cwdOf(io))),
            format: args.format,
            allowRemoteRefs: args.allowRemoteRefs,
            load: loadOptionsOf(args as InputFlags),
            json: args.json,
            quiet: args.quiet,
          };
          exitCode = await reportCommand(
            { ...options, ...(args.out ? { out: path.resolve(cwdOf(io), args.out) } : {}) },
            io,
          );
        },
      )
      .command(
        "lint <specs..>",
        "warn about error handling a client cannot rely on (missing Retry-After, schemas, idempotency keys, ...)",
        (y) =>
          withSpecs(withOutputFlags(withInputFlags(y)))
            .option("strict", { type: "boolean", default: false, describe: "exit 1 when there is any warning" })
            .option("rule", {
              type: "string",
              array: true,
              describe: `only this rule's warnings (repeatable): ${LINT_RULE_IDS.join(", ")}`,
            })
            .option("allow-remote-refs", { type: "boolean", default: false }),
        async (args) => {
          const options = {
            specs: args.specs.map((s) => specArgument(s, cwdOf(io))),
            strict: args.strict,
            allowRemoteRefs: args.allowRemoteRefs,
            load: loadOptionsOf(args as InputFlags),
            json: args.json,
            quiet: args.quiet,
          };
          exitCode = await lintCommand({ ...options, rules: args.rule ?? [] }, io);
        },
      )
      .demandCommand(1, "name a command, e.g. faultline generate spec.yaml -o out")
      .help()
      .parseAsync();
  } catch (error) {
    if (error instanceof SpecError) {
      if (json) io.out(jsonFailure(error.diagnostic));
      io.err(`error: ${error.message}\n`);
      if (debug) io.err(`${error.stack}\n`);
      return 1;
    }
    if (error instanceof UsageError) {
      usage = error.message;
    } else {
      if (json)
        io.out(
          jsonFailure({
            problem: `internal error: ${(error as Error)?.message ?? String(error)}`,
            fix: "rerun with --debug for a stack trace, and please report it",
          }),
        );
      io.err(`faultline: internal error: ${(error as Error)?.message ?? String(error)}\n`);
      if (debug) io.err(`${(error as Error)?.stack}\n`);
      else io.err("  rerun with --debug for a stack trace, and please report it\n");
      return 1;
    }
  }
  if (usage !== undefined) {
    if (json) io.out(jsonFailure({ problem: usage, fix: "run `faultline --help` for usage" }, true));
    io.err(`faultline: ${usage}\nrun \`faultline --help\` for usage\n`);
    return 2;
  }
  return exitCode;
}
