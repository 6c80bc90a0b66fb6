// The error codes a response documents: enum/const on the code property (through oneOf,
// anyOf, allOf and $refs), with per-code descriptions where the spec gives them
// (oneOf branches with const + description, x-enum-descriptions, x-enumDescriptions), plus
// codes declared by x-faultline-codes on the Response object.
import { SpecError } from "../diagnostics.js";
import type { Category, ErrorCodeIR, Recovery } from "../ir.js";
import { deref, isNode, stringOf, type Doc, type Node } from "./document.js";
import { schemasAtPath, type Properties } from "./schema-shapes.js";
import { CATEGORIES, RECOVERIES } from "../vocabulary.js";

const MAX_DEPTH = 8;

function enumDescriptions(schema: Node): (value: string, index: number) => string | undefined {
  const list = schema["x-enum-descriptions"] ?? schema["x-enumDescriptions"];
  if (Array.isArray(list)) return (_v, i) => stringOf(list[i]);
  if (isNode(list)) return (v) => stringOf(list[v]);
  return () => undefined;
}

function collect(doc: Doc, schema: Node, into: Map<string, ErrorCodeIR>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const description = stringOf(schema.description);
  if (typeof schema.const === "string") add(into, { value: schema.const, ...(description ? { description } : {}) });
  if (Array.isArray(schema.enum)) {
    const describe = enumDescriptions(schema);
    schema.enum.forEach((value, index) => {
      if (typeof value !== "string") return;
      const text = describe(value, index);
      add(into, { value, ...(text ? { description: text } : {}) });
    });
  }
  for (const list of [schema.oneOf, schema.anyOf, schema.allOf]) {
    if (!Array.isArray(list)) continue;
    for (const branch of list) {
      const node = deref(doc, branch);
      if (node) collect(doc, node, into, depth + 1);
    }
  }
}

function add(into: Map<string, ErrorCodeIR>, code: ErrorCodeIR): void {
  const known = into.get(code.value);
  if (!known || (!known.description && code.description)) into.set(code.value, { ...known, ...code });
}

/** Codes enumerated at the envelope's code path, merged with x-faultline-codes. */
export function errorCodes(
  doc: Doc,
  variants: Properties[],
  codePath: string[] | undefined,
  response: Node,
  pointer: string,
): ErrorCodeIR[] {
  const codes = new Map<string, ErrorCodeIR>();
  if (codePath) for (const schema of schemasAtPath(doc, variants, codePath)) collect(doc, schema, codes, 0);
  const declared = response["x-faultline-codes"];
  if (declared !== undefined) {
    if (!isNode(declared))
      throw badExtension(
        doc,
        `${pointer}/x-faultline-codes`,
        "must be a map from code to { category, recovery, description }",
      );
    for (const [value, entry] of Object.entries(declared)) {
      const where = `${pointer}/x-faultline-codes/${value}`;
      const info = isNode(entry) ? entry : {};
      const category = checkCategory(doc, info.category, `${where}/category`);
      const recovery = checkRecovery(doc, info.recovery, `${where}/recovery`);
      const description = stringOf(info.description) ?? codes.get(value)?.description;
      codes.set(value, {
        value,
        ...(description ? { description } : {}),
        ...(category ? { category } : {}),
        ...(recovery ? { recovery } : {}),
      });
    }
  }
  return [...codes.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

export function checkCategory(doc: Doc, value: unknown, pointer: string): Category | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (CATEGORIES as readonly string[]).includes(value)) return value as Category;
  throw badExtension(doc, pointer, `is ${JSON.stringify(value)}; expected one of ${CATEGORIES.join(", ")}`);
}

export function checkRecovery(doc: Doc, value: unknown, pointer: string): Recovery | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (RECOVERIES as readonly string[]).includes(value)) return value as Recovery;
  throw badExtension(doc, pointer, `is ${JSON.stringify(value)}; expected one of ${RECOVERIES.join(", ")}`);
}

export function badExtension(doc: Doc, pointer: string, problem: string): SpecError {
  return new SpecError({
    file: doc.file,
    pointer,
    problem: `${pointer.split("/").pop()} ${problem}`,
    fix: "see docs/spec-extensions.md for the x-faultline-* extensions",
  });
}
