// Every internal $ref of the bundled document must reach something before anything reads it.
// The parser follows only the refs it needs (responses, parameters, error schemas); a dangling
// or circular ref elsewhere would otherwise surface as a crash in openapi-typescript or as a
// generated type that does not compile.
import { SpecError, pointerOf } from "../diagnostics.js";
import { lookup, refCycle, type Doc } from "./document.js";

function isUriFragment(ref: string): boolean {
  try {
    decodeURIComponent(ref.slice(1));
    return true;
  } catch {
    return false;
  }
}

function check(doc: Doc, ref: string, pointer: string): void {
  const fail = (problem: string, fix: string) => new SpecError({ file: doc.file, pointer, problem, fix });
  if (!isUriFragment(ref)) {
    throw fail(`$ref ${JSON.stringify(ref)} is not a valid URI fragment: a "%" must start an escape such as %25`, 'write a literal "%" in a key as %25, e.g. #/components/schemas/100%25');
  }
  const cycle = refCycle(doc, ref);
  if (cycle) throw fail(`$ref chain ${cycle.join(" -> ")} is circular: it never reaches an object`, "make one $ref in the chain point at the actual object (a Response, Parameter or Schema)");
  if (lookup(doc.root, ref) === undefined) throw fail(`$ref ${JSON.stringify(ref)} points to nothing`, "point the $ref at an existing component, e.g. #/components/schemas/Error");
}

const LITERAL_KEYS = new Set(["example", "default", "const", "enum"]);

/** A visited node and the way back to the root: the pointer is spelled out only for a report. */
interface Visit {
  node: object;
  key: string;
  parent: Visit | undefined;
}

function tokensOf(visit: Visit): string[] {
  const tokens: string[] = [];
  for (let v: Visit | undefined = visit; v?.parent; v = v.parent) tokens.push(v.key);
  return tokens.reverse();
}

/** Example values and defaults are data: a `$ref` key inside them is content, not a reference. */
function isLiteralData(visit: Visit): boolean {
  const keyOf = (v: Visit | undefined) => (v?.parent ? v.key : undefined); // the root has no key
  const [key, parent, grandparent] = [keyOf(visit), keyOf(visit.parent), keyOf(visit.parent?.parent)];
  if (key === undefined || parent === "properties") return false;
  return LITERAL_KEYS.has(key) || (key === "value" && grandparent === "examples");
}

/**
 * Throws a SpecError at the first (in document order) internal $ref that is malformed, dangling
 * or circular. It walks every node of every spec (GitHub's has ~1 M), so it allocates one small
 * record per object, and checks each distinct $ref string once: GitHub's 40,000 refs are 2,000.
 */
export function checkInternalRefs(doc: Doc): void {
  const good = new Set<string>();
  const stack: Visit[] = [{ node: doc.root, key: "", parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (isLiteralData(visit)) continue;
    const node = visit.node as Record<string, unknown>;
    const ref = node.$ref;
    if (typeof ref === "string" && ref.startsWith("#") && !good.has(ref)) {
      check(doc, ref, pointerOf(...tokensOf(visit), "$ref"));
      good.add(ref);
    }
    // Pushed in reverse so the first ref in document order is the one reported.
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const value = node[keys[i]!];
      if (value !== null && typeof value === "object") stack.push({ node: value, key: keys[i]!, parent: visit });
    }
  }
}
