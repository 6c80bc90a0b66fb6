// Which files in an output folder are faultline's. `-o src` by mistake must not replace the user's
// index.ts and client.ts, so faultline keeps a manifest (`.faultline.json`) of the files it wrote
// in every folder it writes, and:
// - writes into a folder only when it is new or empty, holds a manifest, or (a folder written by
//   a faultline without manifests) holds nothing but generated files; `--force` lifts this rule;
// - replaces or removes a file only when the manifest lists it (in a folder without one: when it
//   starts with the generated header); a file the user wrote is never replaced or removed,
//   `--force` or not.
import path from "node:path";
import { SpecError } from "../diagnostics.js";

export const MANIFEST_FILE = ".faultline.json";

const MANIFEST_NOTE =
  "Written by faultline: the files it generated in this folder. It replaces or removes only these; every other file here is yours and left alone.";

/** Sorted, no version, no time: the same files give the same bytes. */
export function manifestText(files: string[]): string {
  return `${JSON.stringify({ "//": MANIFEST_NOTE, files: [...files].sort() }, null, 2)}\n`;
}

/** The files a manifest lists, or undefined when there is none (or it is not one). */
export function parseManifest(text: string | undefined): Set<string> | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as { files?: unknown };
    return Array.isArray(value.files) && value.files.every((f) => typeof f === "string")
      ? new Set(value.files)
      : undefined;
  } catch {
    return undefined;
  }
}

export interface Ownership {
  outDir: string;
  /** Files in the folder now (regular files, the manifest left out). */
  existing: string[];
  manifest: Set<string> | undefined;
  /** Whether a file starts with faultline's generated header. */
  looksGenerated: (rel: string) => boolean;
  force: boolean;
}

/** The manifest decides; a folder without one (written before manifests) is read by the header. */
export function isFaultlines(o: Ownership, rel: string): boolean {
  return o.manifest ? o.manifest.has(rel) : o.looksGenerated(rel);
}

function listed(files: string[]): string {
  const shown = files.slice(0, 5).join(", ");
  return files.length > 5 ? `${shown} and ${files.length - 5} more` : shown;
}

/** Throws unless faultline may write into this folder at all. */
export function assertOwned(o: Ownership): void {
  if (o.force || o.manifest !== undefined) return;
  const foreign = o.existing.filter((rel) => !isFaultlines(o, rel)).sort();
  if (foreign.length === 0) return;
  throw new SpecError({
    file: o.outDir,
    problem: `the output folder holds files faultline did not write (${listed(foreign)}), and no ${MANIFEST_FILE} that says faultline owns it`,
    fix: 'generate into a new or empty folder (e.g. src/api), or pass --force (config "force": true) to write next to those files: faultline still never replaces or removes them',
  });
}

/** Throws when a generated file would take the place of one the user wrote. */
export function assertNotReplacingUserFiles(o: Ownership, replaced: string[]): void {
  const theirs = replaced.filter((rel) => !isFaultlines(o, rel)).sort();
  if (theirs.length === 0) return;
  throw new SpecError({
    file: path.join(o.outDir, theirs[0]!),
    problem: `faultline would replace ${listed(theirs)}, which it did not write (${o.manifest ? `not listed in ${MANIFEST_FILE}` : "it does not start with faultline's generated header"})`,
    fix: "move or rename your file, or generate into another folder; faultline never replaces a file it did not write, even with --force",
  });
}
