// Checks and housekeeping around the output folder, kept apart from the write journal.
import { lstatSync, readdirSync, rmSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { SpecError } from "../diagnostics.js";

/** Hidden staging folders inside the output folder: `.faultline-staging-<pid>-<random>`. */
export const STAGING_PREFIX = ".faultline-staging-";

/** lstat, or undefined when there is nothing there (or nothing lstat can see). */
export function lstatIfAny(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function blocked(file: string, problem: string): SpecError {
  return new SpecError({
    file,
    problem,
    fix: "move it away or choose another output folder; faultline replaces only files it generated",
  });
}

/**
 * Fails before anything is written when a generated file cannot be placed: the output folder is
 * a file, a folder faultline needs is a file or a symlink (following it could leave the output
 * folder), or a generated file's place is taken by a folder.
 */
export function assertWritable(outDir: string, written: string[]): void {
  let root: Stats | undefined;
  try {
    root = statSync(outDir);
  } catch {
    root = undefined;
  }
  if (root && !root.isDirectory()) throw blocked(outDir, "the output folder is a file");
  for (const rel of written) {
    const parts = rel.split("/");
    for (let i = 1; i <= parts.length; i++) {
      const here = path.join(outDir, ...parts.slice(0, i));
      const info = lstatIfAny(here);
      if (!info) break;
      const isLast = i === parts.length;
      if (isLast && info.isDirectory()) throw blocked(here, "is a folder where faultline writes a file");
      if (!isLast && !info.isDirectory())
        throw blocked(here, `is ${info.isSymbolicLink() ? "a symlink" : "a file"} where faultline writes a folder`);
    }
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
export function removeAbandonedStaging(outDir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(outDir);
  } catch {
    return;
  }
  for (const name of entries) {
    const match = name.startsWith(STAGING_PREFIX) ? /^(\d+)-/.exec(name.slice(STAGING_PREFIX.length)) : null;
    if (match && Number(match[1]) !== process.pid && !processIsAlive(Number(match[1]))) {
      rmSync(path.join(outDir, name), { recursive: true, force: true });
    }
  }
}
