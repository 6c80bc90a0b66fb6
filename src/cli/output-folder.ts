// Checks and housekeeping around the output folder, kept apart from the write journal.
import { lstat, readdir, rm, rmdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { SpecError } from "../diagnostics.js";
import { settleAll } from "./settle.js";

/** Hidden staging folders inside the output folder: `.faultline-staging-<pid>-<random>`. */
export const STAGING_PREFIX = ".faultline-staging-";

function blocked(file: string, problem: string): SpecError {
  return new SpecError({ file, problem, fix: "move it away or choose another output folder; faultline replaces only files it generated" });
}

/**
 * Fails before anything is written when a generated file cannot be placed: the output folder is
 * a file, a folder faultline needs is a file or a symlink (following it could leave the output
 * folder), or a generated file's place is taken by a folder.
 */
export async function assertWritable(outDir: string, written: string[]): Promise<void> {
  const root = await stat(outDir).catch(() => undefined);
  if (root && !root.isDirectory()) throw blocked(outDir, "the output folder is a file");
  // Files are checked in parallel (a file's folders in order); the first problem in `written` order is the one reported.
  await settleAll(written.map((rel) => assertPlaceable(outDir, rel)));
}

async function assertPlaceable(outDir: string, rel: string): Promise<void> {
  const parts = rel.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const here = path.join(outDir, ...parts.slice(0, i));
    const info = await lstat(here).catch(() => undefined);
    if (!info) return;
    const isLast = i === parts.length;
    if (isLast && info.isDirectory()) throw blocked(here, "is a folder where faultline writes a file");
    if (!isLast && !info.isDirectory()) throw blocked(here, `is ${info.isSymbolicLink() ? "a symlink" : "a file"} where faultline writes a folder`);
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A staging folder left by a faultline process that was killed mid-write. */
export async function removeAbandonedStaging(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch(() => [] as string[]);
  for (const name of entries) {
    const match = name.startsWith(STAGING_PREFIX) ? /^(\d+)-/.exec(name.slice(STAGING_PREFIX.length)) : null;
    if (match && Number(match[1]) !== process.pid && !processIsAlive(Number(match[1]))) {
      await rm(path.join(outDir, name), { recursive: true, force: true });
    }
  }
}

/**
 * After a commit the staging folder holds the backups and empty folders: unlinking those in
 * parallel and removing the folders deepest first is a fifth of what a recursive rm costs (it
 * stats and lists every entry in turn). Anything unexpected left there falls to the recursive rm.
 */
export async function removeStaging(staging: string, backups: string[], files: string[]): Promise<void> {
  try {
    await settleAll(backups.map((backup) => unlink(backup)));
    const deepestFirst = foldersAbove(files);
    for (const side of ["new", "old"]) {
      for (const dir of deepestFirst) await rmdir(path.join(staging, side, dir)).catch(ignoreMissing);
      await rmdir(path.join(staging, side)).catch(ignoreMissing);
    }
    await rmdir(staging);
  } catch {
    await rm(staging, { recursive: true, force: true });
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== "ENOENT") throw error;
}

/** Every folder above the files (relative paths), deepest first. */
function foldersAbove(files: string[]): string[] {
  const ancestors = files.flatMap((r) => r.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/")));
  return [...new Set(ancestors)].sort((a, b) => b.length - a.length);
}

/** Removed files may leave folders empty: those go too (rmdir leaves any that still hold something). */
export async function removeEmptyDirs(outDir: string, removed: string[]): Promise<void> {
  for (const dir of foldersAbove(removed)) await rmdir(path.join(outDir, dir)).catch(() => undefined);
}
