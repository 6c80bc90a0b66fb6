// Error bodies are JSON Schemas (OAS 3.1 §4.8.24 Schema Object, 3.0 §4.7.24); the ones we care
// about are objects, often behind oneOf/anyOf/allOf and $refs. This flattens a schema into the
// object "variants" a body can take, so envelope and code detection read plain property maps.
import { deref, isNode, type Doc, type Node } from "./document.js";

export type Properties = Record<string, Node>;

const MAX_DEPTH = 8; // schemas can be circular; envelopes are never this deep

/** Each object shape the schema allows, as a property map. */
export function objectVariants(doc: Doc, schema: unknown, depth = 0): Properties[] {
  const node = deref(doc, schema);
  if (node === undefined || depth > MAX_DEPTH) return [];
  const branches = [node.oneOf, node.anyOf].flatMap((list): unknown[] =>
    Array.isArray(list) ? (list as unknown[]) : [],
  );
  const own = ownProperties(doc, node);
  const merged = Array.isArray(node.allOf)
    ? (node.allOf as unknown[]).reduce<Properties>(
        (acc, member): Properties => Object.assign(acc, ...objectVariants(doc, member, depth + 1)) as Properties,
        {
          ...own,
        },
      )
    : own;
  if (branches.length === 0) return Object.keys(merged).length > 0 ? [merged] : [];
  return branches.flatMap((branch) =>
    objectVariants(doc, branch, depth + 1).map((variant) => ({ ...merged, ...variant })),
  );
}

function ownProperties(doc: Doc, node: Node): Properties {
  const result: Properties = {};
  if (!isNode(node.properties)) return result;
  for (const [name, value] of Object.entries(node.properties)) {
    const resolved = deref(doc, value);
    if (resolved) result[name] = resolved;
  }
  return result;
}

/** The schema at a property path, e.g. ["error", "code"], in any variant of the body. */
export function schemasAtPath(doc: Doc, variants: Properties[], path: string[]): Node[] {
  const [head, ...rest] = path;
  if (head === undefined) return [];
  return variants.flatMap((variant) => {
    const property = variant[head];
    if (!property) return [];
    return rest.length === 0 ? [property] : schemasAtPath(doc, objectVariants(doc, property), rest);
  });
}

/** Does the schema describe (possibly among others) a string? */
export function allowsString(doc: Doc, schema: Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const type = schema.type;
  if (type === "string" || (Array.isArray(type) && type.includes("string"))) return true;
  if (typeof schema.const === "string") return true;
  if (Array.isArray(schema.enum) && schema.enum.some((v) => typeof v === "string")) return true;
  return [schema.oneOf, schema.anyOf].some(
    (list) =>
      Array.isArray(list) &&
      list.some((b) => {
        const n = deref(doc, b);
        return n !== undefined && allowsString(doc, n, depth + 1);
      }),
  );
}

/** Does the schema describe an object (it has properties, or says type: object)? */
export function isObjectSchema(doc: Doc, schema: Node): boolean {
  return (
    schema.type === "object" ||
    (Array.isArray(schema.type) && schema.type.includes("object")) ||
    objectVariants(doc, schema).length > 0
  );
}
