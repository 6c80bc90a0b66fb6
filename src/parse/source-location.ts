// Line and column for a JSON pointer into a spec file. The IR keeps pointers, not positions,
// so a diagnostic raised after parsing knows only "#/paths/~1things/get/responses/600"; this
// finds that spot in the file's text. It runs only on the error path, so re-parsing the text
// here costs nothing when the spec is good.
import type { LocationObject } from "@redocly/openapi-core";
import { redocly } from "./redocly.js";
import { SpecError } from "../diagnostics.js";
import { decodePointerToken } from "../pointer.js";

export interface LineColumn {
  line: number;
  column: number;
}

function pointerTokens(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map(decodePointerToken);
}

/** Does the pointer name a node in this parsed document? redocly falls back to the nearest parent, which would mislead. */
function resolves(document: unknown, tokens: string[]): boolean {
  let node = document;
  for (const token of tokens) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return false;
    node = (node as Record<string, unknown>)[token];
  }
  return true;
}

/** redocly decodes each pointer token with decodeURIComponent, so a raw "%" in a path template would break it. */
function redoclyPointer(tokens: string[]): string {
  return `#${tokens.map((t) => `/${encodeURIComponent(t).replace(/~/g, "~0")}`).join("")}`;
}

/**
 * Where the pointer's key (or list item) starts in the text, or its parent's when the pointer
 * names a missing member (not the root's); undefined when the file has neither.
 */
export function locatePointer(text: string, file: string, document: unknown, pointer: string): LineColumn | undefined {
  return pointerLocator(text, file, document)(pointer);
}

/**
 * locatePointer for many pointers into one file: redocly parses the text into its AST once per
 * Source, so one Source serves them all (a Source per pointer cost GitHub's 13 MB a parse each).
 */
export function pointerLocator(
  text: string,
  file: string,
  document: unknown,
): (pointer: string) => LineColumn | undefined {
  let source: InstanceType<ReturnType<typeof redocly>["Source"]> | undefined;
  return (pointer) => locateWith(() => (source ??= new (redocly().Source)(file, text)), document, pointer);
}

function locateWith(
  source: () => InstanceType<ReturnType<typeof redocly>["Source"]>,
  document: unknown,
  pointer: string,
): LineColumn | undefined {
  let tokens = pointerTokens(pointer);
  // A missing member ("operation has no `responses`") is best shown at the object that lacks it.
  // One level only: a deeper miss means the pointer is into bundled content from another file.
  if (!resolves(document, tokens)) tokens = tokens.slice(0, -1);
  if (tokens.length === 0 || !resolves(document, tokens)) return undefined;
  try {
    const { start } = redocly().getLineColLocation({
      source: source(),
      pointer: redoclyPointer(tokens),
      reportOnKey: true,
    });
    return { line: start.line, column: start.col };
  } catch {
    return undefined; // a text the YAML AST parser rejects: the diagnostic stays without a position
  }
}

/** Position of a problem redocly reported against one of the files it loaded. */
export function locateProblem(location: LocationObject): LineColumn | undefined {
  try {
    const { start } = redocly().getLineColLocation({ ...location, reportOnKey: true });
    return { line: start.line, column: start.col };
  } catch {
    return undefined;
  }
}

/**
 * The same error with line and column added when it is a SpecError about this file that has
 * only a pointer; anything else is returned as it is. `parse` re-reads the text the way the
 * loader did, so the pointer is checked against the file as written (not a bundled document).
 * Pure: the caller passes the text it already read.
 */
export function withSourceLocation(
  error: unknown,
  text: string,
  file: string,
  parse: (text: string) => unknown,
): unknown {
  if (!(error instanceof SpecError)) return error;
  const d = error.diagnostic;
  if (d.line !== undefined || d.pointer === undefined || d.file !== file) return error;
  let document: unknown;
  try {
    document = parse(text);
  } catch {
    return error;
  }
  const at = locatePointer(text, file, document, d.pointer);
  return at ? new SpecError({ ...d, line: at.line, column: at.column }) : error;
}
