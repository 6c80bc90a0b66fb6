// Every internal $ref of the bundled document must reach something before anything reads it.
// The parser follows only the refs it needs (responses, parameters, error schemas); a dangling
// or circular ref elsewhere would otherwise surface as a crash in openapi-typescript or as a
// generated type that does not compile.
// A broken ref inside a definition no operation reaches (DocuSign keeps such leftovers) does not
// concern the client: that definition is skipped with a warning (unused-definitions.ts). A broken
// ref that an operation reaches is an error: no meaningful client can be typed around it.
import { SpecError, pointerOf, type Diagnostic, type SpecWarning } from "../diagnostics.js";
import { isRemoteRef } from "./bundle.js";
import { lookup, refCycle, type Doc } from "./document.js";
import { isLiteralData, type DataVisit } from "./literal-data.js";
import { skipUnusedDefinitions, type BrokenRef } from "./unused-definitions.js";

function isUriFragment(ref: string): boolean {
  try {
    decodeURIComponent(ref.slice(1));
    return true;
  } catch {
    return false;
  }
}

function problemOf(doc: Doc, ref: string): Pick<Diagnostic, "problem" | "fix"> | undefined {
  if (!isUriFragment(ref)) {
    return {
      problem: `$ref ${JSON.stringify(ref)} is not a valid URI fragment: a "%" must start an escape such as %25`,
      fix: 'write a literal "%" in a key as %25, e.g. #/components/schemas/100%25',
    };
  }
  const cycle = refCycle(doc, ref);
  if (cycle)
    return {
      problem: `$ref chain ${cycle.join(" -> ")} is circular: it never reaches an object`,
      fix: "make one $ref in the chain point at the actual object (a Response, Parameter or Schema)",
    };
  if (lookup(doc.root, ref) === undefined)
    return {
      problem: `$ref ${JSON.stringify(ref)} points to nothing`,
      fix: "point the $ref at an existing component, e.g. #/components/schemas/Error",
    };
  return undefined;
}

export function tokensOf(visit: DataVisit): string[] {
  const tokens: string[] = [];
  for (let v: DataVisit | undefined = visit; v?.parent; v = v.parent) tokens.push(v.key);
  return tokens.reverse();
}

export interface RefSite {
  ref: string;
  /** Where the $ref stands: tokensOf(visit) spells it out, only when needed (GitHub has 40,000). */
  visit: DataVisit;
}

/**
 * A `$ref` key inside literal data is left as data. Said only where that is a flaw someone should
 * hear about: a URL (not fetched; before, Square's examples got the spec refused as remote refs)
 * or an internal ref that points nowhere. A sound internal ref there (GitHub's x-webhooks, its
 * example values) or a local file (matrix keeps its examples in files; bundling never inlined
 * them) needs no word.
 */
function dataRefs(visit: DataVisit, root: Record<string, unknown>, file: string, into: SpecWarning[]): void {
  const stack: DataVisit[] = [visit];
  while (stack.length > 0) {
    const v = stack.pop()!;
    const node = v.node as Record<string, unknown>;
    const ref = node.$ref;
    if (typeof ref === "string" && (isRemoteRef(ref) || (ref.startsWith("#") && lookup(root, ref) === undefined))) {
      const holder = visit.key === "value" ? "example" : visit.key;
      into.push({
        file,
        pointer: pointerOf(...tokensOf(v), "$ref"),
        problem: `$ref ${JSON.stringify(ref)} ${ref.startsWith("#") ? "points to nothing, and it " : ""}stands inside ${holder.startsWith("x-") ? `the extension ${holder}` : `the ${holder} value`}, which is literal data`,
        did: "left it as data: not followed, not fetched",
        fix: "nothing, if it is meant as data; a reference belongs outside example, examples, default, enum, const and x-* values",
      });
    }
    for (const key of Object.keys(node).reverse()) {
      const value = node[key];
      if (value !== null && typeof value === "object") stack.push({ node: value, key, parent: v });
    }
  }
}

/** Every internal $ref in document order; `$ref`s inside literal data go to `inData` as warnings. */
export function internalRefs(root: Record<string, unknown>, file = "", inData: SpecWarning[] = []): RefSite[] {
  const found: RefSite[] = [];
  const stack: DataVisit[] = [{ node: root, key: "", parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (isLiteralData(visit)) {
      dataRefs(visit, root, file, inData);
      continue;
    }
    const node = visit.node as Record<string, unknown>;
    const ref = node.$ref;
    if (typeof ref === "string" && ref.startsWith("#")) found.push({ ref, visit });
    // Pushed in reverse so refs come out in document order.
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const value = node[keys[i]!];
      if (value !== null && typeof value === "object") stack.push({ node: value, key: keys[i]!, parent: visit });
    }
  }
  return found;
}

/**
 * Throws a SpecError at the first (in document order) malformed, dangling or circular internal
 * $ref that an operation reaches; skips the definitions holding the others and returns a warning
 * for each. Checks each distinct $ref string once: GitHub's 40,000 refs are 2,000.
 */
export function checkInternalRefs(doc: Doc): SpecWarning[] {
  const verdicts = new Map<string, Pick<Diagnostic, "problem" | "fix"> | undefined>();
  const inData: SpecWarning[] = [];
  const refs = internalRefs(doc.root, doc.file, inData);
  const broken: BrokenRef[] = [];
  for (const { ref, visit } of refs) {
    if (!verdicts.has(ref)) verdicts.set(ref, problemOf(doc, ref));
    const problem = verdicts.get(ref);
    if (problem) broken.push({ ref, tokens: tokensOf(visit), ...problem });
  }
  if (broken.length === 0) return inData;
  const { skipped, used } = skipUnusedDefinitions(doc.root, refs, broken, doc.file);
  if (used)
    throw new SpecError({
      file: doc.file,
      pointer: pointerOf(...used.tokens, "$ref"),
      problem: used.problem,
      fix: used.fix,
    });
  return [...inData, ...skipped];
}
