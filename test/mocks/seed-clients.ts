// Each seed spec generated with --mocks msw into .tmp/, beside the app suite written against it
// (test/mocks/apps/<seed>.ts, copied as app.ts) and the shared helpers: the layout a user's repo has.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { generate } from "../../src/generate.js";
import { loadSpec } from "../../src/parse/load.js";
import { createGenerateTools } from "../../src/cli/generate-tools.js";
export { strictTsc } from "../helpers/strict-tsc.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const SEEDS = ["bots", "cases", "inbox", "prompts", "tickets"] as const;
const APPS = join(import.meta.dirname, "apps");

export async function writeSeedApp(runDir: string, seed: string): Promise<string> {
  const dir = join(runDir, seed);
  const { files } = await generate(await loadSpec(join(ROOT, "specs", `${seed}.yaml`)), createGenerateTools(), {
    mocks: "msw",
  });
  for (const f of files) {
    mkdirSync(dirname(join(dir, "client", f.path)), { recursive: true });
    writeFileSync(join(dir, "client", f.path), f.contents);
  }
  copyFileSync(join(APPS, `${seed}.ts`), join(dir, "app.ts"));
  copyFileSync(join(APPS, "every-error.ts"), join(dir, "every-error.ts"));
  // Generated clients are ESM (.js import suffixes): nodenext needs the package to say so.
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
  return dir;
}
