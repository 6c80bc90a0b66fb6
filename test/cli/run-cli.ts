// Runs the real CLI entry point in-process and captures what it prints.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** Every file under dir with its bytes and mtime: two snapshots are equal only if nothing was touched. */
export function snapshotDir(dir: string): Record<string, { bytes: string; mtimeMs: number }> {
  const files: Record<string, { bytes: string; mtimeMs: number }> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = { bytes: readFileSync(file).toString("base64"), mtimeMs: statSync(file).mtimeMs };
  }
  return files;
}
