// The faultline CLI. Exit codes: 0 ok, 1 bad input or stale output (--check), 2 bad usage.
import yargs from "yargs";
import { SpecError } from "../diagnostics.js";
import { VERSION } from "../version.js";
import { CONFIG_FILE, loadConfig, type Target } from "./config.js";
import { runTarget, type TargetOutcome } from "./generate-command.js";
import { lintCommand } from "./lint-command.js";
import { reportCommand } from "./report-command.js";

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

class UsageError extends Error {}

function describe(outcome: TargetOutcome, check: boolean): string {
  const changed = outcome.written.length + outcome.removed.length;
  const what = check
    ? changed === 0 ? "up to date" : `STALE: ${[...outcome.written, ...outcome.removed.map((r) => `${r} (removed)`)].join(", ")}`
    : changed === 0 ? "unchanged" : `${outcome.written.length} written, ${outcome.removed.length} removed, ${outcome.unchanged.length} unchanged`;
  return `${outcome.spec} -> ${outcome.output}: ${outcome.operations} operations, ${outcome.errorVariants} error variants, ${what} (${outcome.ms} ms)\n`;
}

async function generateCommand(args: { spec?: string; out?: string; config?: string; check: boolean; quiet: boolean; json: boolean; allowRemoteRefs: boolean }, io: Io): Promise<number> {
  let targets: Target[];
  if (args.spec) {
    if (!args.out) throw new UsageError("generate needs --out <dir> when a spec is given");
    targets = [{ spec: args.spec, output: args.out }];
  } else {
    targets = (await loadConfig(args.config ?? CONFIG_FILE)).targets;
  }
  const outcomes: TargetOutcome[] = [];
  for (const target of targets) {
    const outcome = await runTarget(target, { check: args.check, allowRemoteRefs: args.allowRemoteRefs });
    outcomes.push(outcome);
    if (!args.quiet && !args.json) io.out(describe(outcome, args.check));
  }
  if (args.json) io.out(`${JSON.stringify({ ok: true, targets: outcomes }, null, 2)}\n`);
  const stale = args.check && outcomes.some((o) => o.written.length + o.removed.length > 0);
  if (stale && !args.json) io.err("generated output is stale: run `faultline generate` and commit the result\n");
  return stale ? 1 : 0;
}

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
          y
            .positional("spec", { type: "string", describe: "OpenAPI 3.0/3.1 or Swagger 2.0 file (YAML or JSON)" })
            .option("out", { alias: "o", type: "string", describe: "output folder" })
            .option("config", { alias: "c", type: "string", describe: `config file (default ${CONFIG_FILE})` })
            .option("check", { type: "boolean", default: false, describe: "write nothing; exit 1 if the output is stale" })
            .option("quiet", { alias: "q", type: "boolean", default: false })
            .option("json", { type: "boolean", default: false, describe: "machine-readable result" })
            .option("allow-remote-refs", { type: "boolean", default: false, describe: "follow http(s) $refs" }),
        async (args) => {
          exitCode = await generateCommand(args as never, io);
        },
      )
      .command(
        "report <specs..>",
        "print the error surface (operation x status x code, with category, recovery and reason)",
        (y) =>
          y
            .positional("specs", { type: "string", array: true, demandOption: true })
            .option("format", { alias: "f", choices: ["md", "html"] as const, default: "md" as const })
            .option("out", { alias: "o", type: "string", describe: "write to this file instead of stdout" })
            .option("allow-remote-refs", { type: "boolean", default: false }),
        async (args) => {
          exitCode = await reportCommand({ specs: args.specs as string[], format: args.format, allowRemoteRefs: args.allowRemoteRefs, ...(args.out ? { out: args.out } : {}) }, io.out);
        },
      )
      .command(
        "lint <specs..>",
        "warn about error handling a client cannot rely on (missing Retry-After, schemas, idempotency keys, ...)",
        (y) =>
          y
            .positional("specs", { type: "string", array: true, demandOption: true })
            .option("strict", { type: "boolean", default: false, describe: "exit 1 when there is any warning" })
            .option("allow-remote-refs", { type: "boolean", default: false }),
        async (args) => {
          exitCode = await lintCommand({ specs: args.specs as string[], strict: args.strict, allowRemoteRefs: args.allowRemoteRefs }, io.out);
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
