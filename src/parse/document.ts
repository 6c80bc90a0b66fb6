// Reading a bundled document: internal $refs are followed here, nowhere else.
import { SpecError } from "../diagnostics.js";
import { decodePointerToken } from "../pointer.js";

export type Node = Record<string, unknown>;

export function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export interface Doc {
  root: Node;
  file: string;
}

/** Follows "#/..." refs (chains included) to the object they name; undefined for a dangling one. */
export function deref(doc: Doc, value: unknown, seen: Set<string> = new Set()): Node | undefined {
  if (!isNode(value)) return undefined;
  const ref = value.$ref;
  if (typeof ref !== "string") return value;
  if (seen.has(ref)) return undefined; // a ref cycle with no object in it
  seen.add(ref);
  return deref(doc, lookup(doc.root, ref), seen);
}

/** Like deref, but a dangling ref is the user's error: say where it is. */
export function derefOrFail(doc: Doc, value: unknown, pointer: string): Node | undefined {
  const node = deref(doc, value);
  if (node === undefined && isNode(value) && typeof value.$ref === "string") {
    const cycle = refCycle(doc, value.$ref);
    throw new SpecError(
      cycle
        ? {
            file: doc.file,
            pointer: `${pointer}/$ref`,
            problem: `$ref chain ${cycle.join(" -> ")} is circular: it never reaches an object`,
            fix: "make one $ref in the chain point at the actual object (a Response, Parameter or Schema)",
          }
        : {
            file: doc.file,
            pointer: `${pointer}/$ref`,
            problem: `$ref ${JSON.stringify(value.$ref)} points to nothing`,
            fix: "point the $ref at an existing component, e.g. #/components/schemas/Error",
          },
    );
  }
  return node;
}

/** The refs of a chain that loops back on itself, first repeat included; undefined for a dangling chain. */
export function refCycle(doc: Doc, first: string): string[] | undefined {
  const chain: string[] = [];
  for (let ref: string | undefined = first; ref !== undefined;) {
    chain.push(ref);
    if (chain.indexOf(ref) < chain.length - 1) return chain;
    const target = lookup(doc.root, ref);
    ref = isNode(target) && typeof target.$ref === "string" ? target.$ref : undefined;
  }
  return undefined;
}

export function lookup(root: Node, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    // Most tokens are plain names: nothing to decode or unescape (this runs for every ref use).
    const token = raw.includes("%") || raw.includes("~") ? decodePointerToken(decodeRefToken(raw)) : raw;
    if (!isNode(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** A ref is a URI fragment, so tokens may be %-encoded; a stray "%" is taken literally instead of throwing. */
function decodeRefToken(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
