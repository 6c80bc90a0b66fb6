// `faultline init`: a starter faultline.config.json. It never overwrites a config (exit 1), and
// shows the shape of every setting with empty values, so it changes nothing until edited.
import { access, writeFile } from "node:fs/promises";
import path from "node:path";
import { SpecError } from "../diagnostics.js";
import { CONFIG_FILE, findConfig } from "./config.js";
import { cwdOf, type Io } from "./io.js";

const LIKELY_SPECS = ["openapi.yaml", "openapi.yml", "openapi.json", "swagger.yaml", "swagger.yml", "swagger.json"];

async function firstExisting(cwd: string, names: string[]): Promise<string | undefined> {
  for (const name of names) {
    if (
      await access(path.join(cwd, name)).then(
        () => true,
        () => false,
      )
    )
      return name;
  }
  return undefined;
}

export function starterConfig(spec: string, output: string): string {
  const config = {
    specs: [{ spec, output, overrides: { status: {}, codes: {}, operations: {} }, retry: {} }],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

export async function initCommand(
  args: { spec?: string; out?: string; json?: boolean; quiet?: boolean },
  io: Io,
): Promise<number> {
  const cwd = cwdOf(io);
  const existing = await findConfig(cwd).catch((error: unknown) =>
    error instanceof SpecError ? error.diagnostic.file : undefined,
  );
  if (existing) {
    throw new SpecError({
      file: path.relative(cwd, existing) || existing,
      problem: "a faultline config already exists; init does not overwrite it",
      fix: "edit it, or delete it and run `faultline init` again",
    });
  }
  const spec = args.spec ?? (await firstExisting(cwd, LIKELY_SPECS)) ?? "openapi.yaml";
  const output = args.out ?? "src/api";
  const file = path.join(cwd, CONFIG_FILE);
  try {
    // "wx": fail rather than overwrite if a config appeared since the check above.
    await writeFile(file, starterConfig(spec, output), { flag: "wx" });
  } catch (error) {
    throw new SpecError({
      file: CONFIG_FILE,
      problem: `cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      fix: "run init in a folder you can write to, without a config in it",
    });
  }
  if (args.json) io.out(`${JSON.stringify({ ok: true, config: CONFIG_FILE, spec, output }, null, 2)}\n`);
  else if (!args.quiet)
    io.out(`wrote ${CONFIG_FILE} (spec ${spec}, output ${output})\nnext: edit it, then run \`faultline generate\`\n`);
  return 0;
}
