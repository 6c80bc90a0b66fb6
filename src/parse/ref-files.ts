// Before Redocly bundles a multi-file spec, every file a $ref names is checked here, file by file
// from the root: it must lie inside the spec's folder (or a folder the user allowed), be a regular
// file within the size limit, and parse to a document within the limits (limits.ts). Redocly then
// reads and parses nothing itself: bundle.ts hands it these texts and documents. So a $ref to
// /etc/passwd, /dev/zero or an alias bomb in a referenced file is refused with the $ref's
// position, and nothing from outside the allowed folders reaches the generated code.
import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SpecError, type Diagnostic } from "../diagnostics.js";
import { findExternalRefs, isRemoteRef } from "./bundle.js";
import { checkDocumentShape, type InputLimits } from "./limits.js";
import { parseText, parseTextOrFail } from "./parse-text.js";
import { NotReadable, readBounded } from "./read-bounded.js";
import { locatePointer, withSourceLocation } from "./source-location.js";

/** Where $ref'd files may live: "anywhere" (--allow-ref-outside) or these folders (absolute). */
export type RefRoots = "anywhere" | string[];

export interface ScannedFile {
  /** As read from disk: the spec hash covers these bytes. */
  text: string;
  /** Absent when the file is not YAML or JSON (Redocly takes such a file as a string). */
  parsed?: unknown;
}

export interface ScanInput {
  rootFile: string;
  rootText: string;
  rootDocument: unknown;
  limits: InputLimits;
  /** Folders besides the root file's own. */
  refRoots: RefRoots;
  /** Redocly's own resolution of a $ref's file part against the file that holds it. */
  resolve: (holder: string, uri: string) => string;
}

/** Relative to the working folder when inside it (as diagnostics name files), else absolute. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === "" || (!rel.startsWith(`..${path.sep}`) && rel !== ".." && !path.isAbsolute(rel));
}

/** The $ref's file part, the way Redocly splits it (ref-utils parseRef). */
function uriOf(ref: string): string {
  const uri = ref.split("#/")[0]!;
  return uri.endsWith("#") ? uri.slice(0, -1) : uri;
}

/** Only these are parsed by Redocly; any other file is taken as a string. */
const PARSED = /\.(?:json|ya?ml)$/i;

export async function scanRefFiles(input: ScanInput): Promise<Map<string, ScannedFile>> {
  const root = path.resolve(input.rootFile);
  const rootDir = realOrSelf(path.dirname(root));
  const roots = input.refRoots === "anywhere" ? undefined : [rootDir, ...input.refRoots.map(realOrSelf)];
  const scanned = new Map<string, ScannedFile>([[root, { text: input.rootText, parsed: input.rootDocument }]]);
  const queue: string[] = [root];
  while (queue.length > 0) {
    const holder = queue.shift()!;
    const { text, parsed } = scanned.get(holder)!;
    if (parsed === undefined) continue;
    const holderShown = holder === root ? input.rootFile : shown(holder);
    for (const { ref, pointer } of findExternalRefs(parsed)) {
      const uri = uriOf(ref);
      if (uri === "" || isRemoteRef(uri)) continue; // remote refs: bundle.ts refuses or fetches them
      const refused = (d: Pick<Diagnostic, "problem" | "fix">) => {
        const at = locatePointer(text, holderShown, parsed, `${pointer}/$ref`);
        return new SpecError({
          file: holderShown,
          pointer: `${pointer}/$ref`,
          ...(at ? { line: at.line, column: at.column } : {}),
          ...d,
        });
      };
      const target = uri.startsWith("file:") ? safeFileUrl(uri) : input.resolve(holder, uri);
      if (target === undefined)
        throw refused({
          problem: `$ref ${JSON.stringify(ref)} is not a usable file: URL`,
          fix: "$ref the file by a path relative to the file that holds the $ref",
        });
      if (scanned.has(target)) continue;
      const real = realOrSelf(target);
      if (roots && !roots.some((r) => isInside(r, real))) {
        throw refused({
          problem: `$ref ${JSON.stringify(ref)} leaves the spec's folder ${shown(path.dirname(root))}: it names ${shown(target)}${roots.some((r) => isInside(r, target)) ? ", through a symlink that leads outside" : ""}`,
          fix: 'keep $ref\'d files inside the spec\'s folder, or allow that folder: --allow-ref-outside, or "allowRefOutside": ["../shared"] in the config',
        });
      }
      let targetText: string;
      try {
        targetText = await readBounded(target, input.limits.maxSpecBytes);
      } catch (error) {
        if (!(error instanceof NotReadable)) throw error;
        // A missing file is Redocly's to report (ref-problems.ts names the path it looked for).
        if (error.code === "ENOENT" || error.code === "ENOTDIR") continue;
        throw refused({
          problem: `$ref ${JSON.stringify(ref)} names ${shown(target)}, which ${error.problem}`,
          fix: error.fix,
        });
      }
      scanned.set(target, { text: targetText });
      if (!PARSED.test(target)) continue;
      const targetShown = shown(target);
      // A file that does not parse here is an error here: handed on, Redocly would parse it
      // with its own (default) limits and nothing would check the result.
      const targetParsed = parseTextOrFail(targetText, targetShown, input.limits);
      try {
        checkDocumentShape(targetParsed, targetShown, input.limits, targetText);
      } catch (error) {
        throw withSourceLocation(error, targetText, targetShown, (t) => parseText(t, targetShown, input.limits));
      }
      scanned.set(target, { text: targetText, parsed: targetParsed });
      queue.push(target);
    }
  }
  return scanned;
}

function safeFileUrl(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
