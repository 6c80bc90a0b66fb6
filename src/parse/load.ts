// Loading is the only part of parsing that touches the file system. It reads the root file,
// parses YAML or JSON, bundles local multi-file $refs with @redocly/openapi-core, converts
// Swagger 2.0 to OpenAPI 3 and hoists refs that point into the middle of things, so the rest of
// the pipeline sees one OpenAPI 3 document whose $refs all point to components or paths.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { SpecError, type SpecWarning } from "../diagnostics.js";
import { bundleExternalRefs, findExternalRefs, isRemoteRef, type ExternalRef } from "./bundle.js";
import { fetchRootSpec, isSpecUrl, shownUrl } from "./fetch-root.js";
import { checkDocumentShape, withDefaultLimits, type InputLimits } from "./limits.js";
import { parseTextOrFail } from "./parse-text.js";
import { readSpecFileBounded } from "./read-bounded.js";
import type { RefRoots } from "./ref-files.js";
import { hoistDeepRefs } from "./hoist-refs.js";
import { relaxNullCompositions } from "./null-compositions.js";
import { unsupported32Features } from "./oas32-features.js";
import { renameDuplicateOperationIds } from "./duplicate-ids.js";
import { checkPathTemplates } from "./path-templates.js";
import { checkInternalRefs } from "./ref-check.js";
import { pointerLocator, withSourceLocation } from "./source-location.js";
import { convertSwagger2, isSwagger2 } from "./swagger2.js";
import { rebaseUrlRefs } from "./url-root-refs.js";

export interface LoadOptions {
  /** Follow http(s) $refs. Off by default: a spec is untrusted input. */
  allowRemoteRefs?: boolean;
  /** Size, node, depth and name limits (limits.ts); each one left out takes its default. */
  limits?: Partial<InputLimits>;
  /** Folders $ref'd files may live in besides the spec's own, or "anywhere" (--allow-ref-outside). */
  refRoots?: RefRoots;
}

export interface LoadedSpec {
  /** The root file as given (used in diagnostics). */
  file: string;
  /** One document; every $ref in it is internal ("#/..."). */
  document: Record<string, unknown>;
  /** The root file's text as read: diagnostics raised later use it for line:col. */
  text: string;
  /** Every file read, root first: absolute paths, and URLs for remote refs (--allow-remote-refs). */
  files: string[];
  /** sha256 over the bytes of every file read: the generated header cites it. */
  hash: string;
  /** Set when the input was converted: "2.0" for Swagger (document is then OpenAPI 3.0). */
  sourceVersion?: string;
  /** Flaws worked around while loading (diagnostics.ts), located in the root file where they are in it. */
  warnings: SpecWarning[];
}

export async function loadSpec(spec: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const limits = withDefaultLimits(options.limits);
  // A URL root (fetch-root.ts) is named without its credentials from here on.
  const { file, text, base } = isSpecUrl(spec)
    ? await fetchRootSpec(spec, limits)
    : { file: spec, text: await readSpecFileBounded(spec, limits.maxSpecBytes), base: undefined };
  const document = parseDocument(text, file, limits);
  try {
    // First: every later walk assumes a finite, bounded tree (an alias cycle would never end).
    checkDocumentShape(document, file, limits, text);
    checkVersion(document, file);
    checkPathTemplates(document, file);
    const external = findExternalRefs(document);
    if (base !== undefined) rebaseUrlRefs(document, external, base, file, options.allowRemoteRefs ?? false);
    const loaded: LoadedSpec =
      external.length === 0
        ? {
            file,
            document,
            text,
            files: [base !== undefined ? shownUrl(base) : path.resolve(file)],
            hash: sha256([text]),
            warnings: [],
          }
        : await loadBundled(file, text, document, findExternalRefs(document), { ...options, limits });
    // Bundling keyed the fetched root by a local-looking path; it is the URL (shown without secrets).
    if (base !== undefined) loaded.files[0] = shownUrl(base);
    const doc = { root: loaded.document, file };
    const warnings = [
      ...checkInternalRefs(doc),
      ...relaxNullCompositions(loaded.document, file),
      ...renameDuplicateOperationIds(doc),
      ...unsupported32Features(doc),
    ];
    loaded.warnings = locateWarnings(warnings, text, file);
    const spec = isSwagger2(loaded.document)
      ? { ...loaded, document: await convertSwagger2(loaded.document, file, text), sourceVersion: "2.0" }
      : loaded;
    // openapi-typescript can type refs to components and paths only: move the others (hoist-refs.ts).
    hoistDeepRefs(spec.document);
    return spec;
  } catch (error) {
    throw locatedIn(error, text, file);
  }
}

async function loadBundled(
  file: string,
  text: string,
  document: unknown,
  external: ExternalRef[],
  options: LoadOptions & { limits: InputLimits },
): Promise<LoadedSpec> {
  const bundled = await bundleExternalRefs({
    file,
    text,
    document,
    external,
    allowRemoteRefs: options.allowRemoteRefs ?? false,
    limits: options.limits,
    refRoots: options.refRoots ?? [],
  });
  // Files are checked one by one before bundling; together they may still nest deeper or be bigger.
  checkDocumentShape(bundled.document, file, { ...options.limits, maxNodes: Infinity, maxNameLength: Infinity });
  return { file, document: bundled.document, text, files: bundled.files, hash: sha256(bundled.texts), warnings: [] };
}

/**
 * Whether every file the spec was loaded from still holds the bytes it was loaded from: `--watch`
 * starts loading at a save's first file-system event and must know whether later events changed
 * anything it read. A remote file is never known to be unchanged.
 */
export function inputsUnchanged(spec: LoadedSpec): boolean {
  if (spec.files.some(isRemoteRef)) return false;
  try {
    // Synchronous: a few small files, read while a save is being written (an async read waits for the busy thread pool).
    return sha256(spec.files.map((file) => readFileSync(file, "utf8"))) === spec.hash;
  } catch {
    return false;
  }
}

/** Adds line:col to warnings about the root file; the text is parsed again only when there are any. */
export function locateWarnings(warnings: SpecWarning[], text: string, file: string): SpecWarning[] {
  if (warnings.length === 0) return warnings;
  const locate = pointerLocator(text, file, parseDocument(text, file));
  return warnings.map((w) => {
    const at = w.file === file && w.pointer !== undefined && w.line === undefined ? locate(w.pointer) : undefined;
    return at ? { ...w, line: at.line, column: at.column } : w;
  });
}

/** Adds line:col to a pointer-only SpecError about the root file (see source-location.ts). */
export function locatedIn(error: unknown, text: string, file: string): unknown {
  return withSourceLocation(error, text, file, (t) => parseDocument(t, file));
}

export function parseDocument(
  rawText: string,
  file: string,
  limits: Pick<InputLimits, "maxDepth"> = withDefaultLimits(undefined),
): Record<string, unknown> {
  const text = rawText.replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    throw new SpecError({ file, problem: "the file is empty", fix: "write an OpenAPI 3.x or Swagger 2.0 document" });
  }
  const parsed = parseTextOrFail(text, file, limits);
  if (parsed === null || parsed === undefined) {
    throw new SpecError({
      file,
      problem: "the file has no content: only comments or blank lines",
      fix: "write an OpenAPI 3.x or Swagger 2.0 document",
    });
  }
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new SpecError({
      file,
      pointer: "",
      problem: `the document is ${Array.isArray(parsed) ? "a list" : `a ${typeof parsed}`}, not a mapping`,
      fix: "an OpenAPI document is a mapping with `openapi`, `info` and `paths` at the top",
    });
  }
  return parsed as Record<string, unknown>;
}

function checkVersion(document: Record<string, unknown>, file: string): void {
  const { openapi, swagger } = document;
  // 3.2 is read as 3.1 plus itemSchema; what it adds beyond that is warned about (oas32-features.ts).
  if (typeof openapi === "string" && /^3\.[012]\./.test(openapi)) return;
  if (swagger === "2.0") return;
  const found =
    openapi !== undefined
      ? `openapi: ${JSON.stringify(openapi)}`
      : swagger !== undefined
        ? `swagger: ${JSON.stringify(swagger)}`
        : "no `openapi` or `swagger` field";
  throw new SpecError({
    file,
    pointer: openapi !== undefined ? "/openapi" : swagger !== undefined ? "/swagger" : "",
    problem: `unsupported version (${found})`,
    // YAML reads `openapi: 3.1` as the number 3.1: the commonest way to get here with a good spec.
    fix:
      typeof openapi === "number" || typeof swagger === "number"
        ? `quote the version: YAML reads an unquoted ${String(openapi ?? swagger)} as a number; write openapi: "3.1.0" or swagger: "2.0"`
        : 'faultline reads OpenAPI 3.0, 3.1, 3.2 (`openapi: "3.2.0"`) and Swagger 2.0 (`swagger: "2.0"`)',
  });
}

function sha256(texts: string[]): string {
  const hash = createHash("sha256");
  for (const text of texts) hash.update(text).update("\0");
  return hash.digest("hex");
}
