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

/** Example values and defaults are data: a `$ref` key inside them is content, not a reference. */
function isLiteralData(tokens: string[]): boolean {
  const [key, parent, grandparent] = [tokens.at(-1), tokens.at(-2), tokens.at(-3)];
  if (key === undefined || parent === "properties") return false;
  return LITERAL_KEYS.has(key) || (key === "value" && grandparent === "examples");
}

/** Throws a SpecError at the first (in document order) internal $ref that is malformed, dangling or circular. */
export function checkInternalRefs(doc: Doc): void {
  const stack: { node: unknown; tokens: string[] }[] = [{ node: doc.root, tokens: [] }];
  while (stack.length > 0) {
    const { node, tokens } = stack.pop()!;
    if (node === null || typeof node !== "object" || isLiteralData(tokens)) continue;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && ref.startsWith("#")) check(doc, ref, pointerOf(...tokens, "$ref"));
    // Pushed in reverse so the first ref in document order is the one reported.
    for (const [key, value] of Object.entries(node).reverse()) {
      if (value !== null && typeof value === "object") stack.push({ node: value, tokens: [...tokens, key] });
    }
  }
}
