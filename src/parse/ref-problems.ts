// Turns a bundling problem from @redocly/openapi-core into a diagnostic a person can act on.
// redocly says only "Can't resolve $ref" and where the $ref stands; we read that $ref and say
// which file is missing, or which key of an existing file the fragment fails to reach.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { NormalizedProblem } from "@redocly/openapi-core";
import { SpecError, type Diagnostic } from "../diagnostics.js";
import { redocly } from "./redocly.js";
import { locateProblem } from "./source-location.js";
import { decodePointerToken } from "../pointer.js";

export const REMOTE_REFUSED = "refused: a spec is untrusted input and faultline does not fetch URLs it names";
export const REMOTE_FIX = "download the referenced file and $ref it by relative path, or pass --allow-remote-refs";

const displayPath = (file: string) => path.relative(process.cwd(), file) || file;

/** A $ref is a URI, so it may be %-encoded; a stray "%" is taken literally instead of throwing. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseFile(file: string): unknown {
  try {
    return redocly().parseYaml(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch {
    return undefined;
  }
}

function valueAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const raw of pointer
    .replace(/^#?\/?/, "")
    .split("/")
    .filter(Boolean)) {
    const token = decodePointerToken(raw);
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Why a fragment fails in a file that exists: the first missing key and the keys that are there. */
function missingFragment(target: string, fragment: string): string {
  let node = parseFile(target);
  const walked: string[] = [];
  for (const raw of fragment.replace(/^\/?/, "").split("/").filter(Boolean)) {
    const token = decodePointerToken(decoded(raw));
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) {
      const keys = node !== null && typeof node === "object" ? Object.keys(node).slice(0, 8) : [];
      const at = walked.length === 0 ? "at its top level" : `under #/${walked.join("/")}`;
      return `${displayPath(target)} has no ${JSON.stringify(token)} ${at}${keys.length > 0 ? ` (it has: ${keys.join(", ")})` : ""}`;
    }
    walked.push(raw);
    node = (node as Record<string, unknown>)[token];
  }
  return `${displayPath(target)} has #${fragment} but it could not be resolved`;
}

function explainRef(ref: string, holder: string): Pick<Diagnostic, "problem" | "fix"> {
  const [filePart = "", fragment = ""] = ref.split("#", 2);
  const target = path.resolve(path.dirname(holder), decoded(filePart));
  if (filePart !== "" && !existsSync(target)) {
    return {
      problem: `$ref ${JSON.stringify(ref)} names a file that does not exist: ${displayPath(target)}`,
      fix: "create that file or correct the path (a $ref path is relative to the file that holds the $ref)",
    };
  }
  return {
    problem: `$ref ${JSON.stringify(ref)} points to nothing: ${missingFragment(filePart === "" ? holder : target, fragment)}`,
    fix: "point the fragment after # at an existing key of that file",
  };
}

/** `refusedUrl`: the URL the guarded resolver refused to fetch, if that is what failed. */
export function bundleProblemToError(problem: NormalizedProblem, rootFile: string, refusedUrl?: string): SpecError {
  const location = problem.location[0];
  const holder = location?.source.absoluteRef;
  if (!location || !holder) {
    return new SpecError({
      file: rootFile,
      problem: problem.message,
      fix: "check that every $ref names an existing file and key",
    });
  }
  const pointer = (location.pointer ?? "").replace(/^#/, "");
  const ref = valueAt(parseFile(holder), `${pointer}/$ref`);
  const unresolved = typeof ref === "string" && /resolve/i.test(problem.message);
  const refused = unresolved && refusedUrl !== undefined && problem.message.includes(REMOTE_REFUSED);
  const via = refused && ref !== refusedUrl ? ` (reached through $ref ${JSON.stringify(ref)})` : "";
  const refPointer = unresolved ? `${pointer}/$ref` : pointer;
  const at = locateProblem({ source: location.source, pointer: `#${refPointer}` });
  return new SpecError({
    file: displayPath(holder),
    pointer: refPointer,
    ...(at ? { line: at.line, column: at.column } : {}),
    ...(refused
      ? { problem: `remote $ref ${JSON.stringify(refusedUrl)}${via} ${REMOTE_REFUSED}`, fix: REMOTE_FIX }
      : unresolved
        ? explainRef(ref, holder)
        : { problem: problem.message, fix: "correct the spec at that location" }),
  });
}
