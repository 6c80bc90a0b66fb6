// tsc over generated files with the strictest flags generated clients promise to support:
// strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes, NodeNext modules.
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

/** tsc with the strictest flags generated clients promise to support; its output ("" when clean). */
export function strictTsc(files: string[], cwd: string): string {
  const args = [
    join(ROOT, "node_modules/typescript/bin/tsc"),
    "--noEmit",
    "--strict",
    "--noUncheckedIndexedAccess",
    "--exactOptionalPropertyTypes",
    "--module",
    "nodenext",
    "--moduleResolution",
    "nodenext",
    "--target",
    "es2022",
    "--lib",
    "es2022",
    "--types",
    "node",
    "--typeRoots",
    join(ROOT, "node_modules/@types"),
    "--skipLibCheck",
    "--verbatimModuleSyntax",
    "--isolatedModules",
    ...files,
  ];
  try {
    execFileSync(process.execPath, args, { cwd, encoding: "utf8" });
    return "";
  } catch (e) {
    return String((e as { stdout?: string }).stdout);
  }
}
