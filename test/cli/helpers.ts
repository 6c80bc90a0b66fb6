// Shared by the CLI tests: temp folders, small inline specs, the real CLI with captured output,
// and folder snapshots (bytes and mtimes) to prove what a command did and did not touch.
import { lstat, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";

export { miniSpec, writeJson, writeSpec, type SpecOptions } from "./specs.js";

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "faultline-cli-"));
  made.push(dir);
  return dir;
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(argv: string[], cwd: string, io: Partial<Io> = {}): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    cwd,
    isTTY: false,
    env: {},
    ...io,
  });
  return { code, out, err };
}

export interface Entry {
  bytes: string;
  mtimeMs: number;
}

/** Every entry under dir (hidden ones too): files with bytes and mtime, folders as "<dir>". */
export async function snapshot(dir: string): Promise<Map<string, Entry | "<dir>">> {
  const result = new Map<string, Entry | "<dir>">();
  async function walk(at: string, prefix: string): Promise<void> {
    for (const name of (await readdir(at)).sort()) {
      const full = path.join(at, name);
      const info = await lstat(full);
      if (info.isDirectory()) {
        result.set(`${prefix}${name}/`, "<dir>");
        await walk(full, `${prefix}${name}/`);
      } else {
        result.set(`${prefix}${name}`, {
          bytes: info.isSymbolicLink() ? "<symlink>" : await readFile(full, "utf8"),
          mtimeMs: info.mtimeMs,
        });
      }
    }
  }
  await walk(dir, "");
  return result;
}

/** Old mtimes must be distinguishable from a rewrite within the same clock tick. */
export async function ageFiles(snap: Map<string, Entry | "<dir>">, dir: string): Promise<void> {
  const { utimes } = await import("node:fs/promises");
  const old = new Date(Date.UTC(2020, 0, 1));
  for (const [rel, entry] of snap) if (entry !== "<dir>") await utimes(path.join(dir, rel), old, old);
}
