// A discriminator without a mapping entry for a branch implies the branch's schema name as its
// value (OAS 3.1 §4.8.25), and openapi-typescript types the property that way. Specs generated
// from code rarely mean it: OpenAI's ChatCompletionRequestMessage discriminates on `role` and
// each branch declares `role: { enum: ["user"] }`, yet the client demanded
// role: "ChatCompletionRequestUserMessage", a value the server rejects, so no chat completion
// could be typed. When a branch declares exactly one value for the property (a one-value enum or
// a const), that value is what the spec says: it is added as the branch's mapping entry. A copy:
// the input is not touched; explicit mapping entries always win.

type Node = Record<string, unknown>;
import { decodePointerToken } from "../../pointer.js";

const isNode = (value: unknown): value is Node => value !== null && typeof value === "object" && !Array.isArray(value);
const SCHEMA_REF = "#/components/schemas/";

function resolve(schemas: Node, ref: unknown): Node | undefined {
  if (typeof ref !== "string" || !ref.startsWith(SCHEMA_REF)) return undefined;
  const target = schemas[decodePointerToken(ref.slice(SCHEMA_REF.length))];
  return isNode(target) ? target : undefined;
}

/** The one value a schema declares for a property, directly or in one of its allOf parts. */
function declaredValue(schemas: Node, schema: Node, property: string, depth = 0): string | undefined {
  const own = isNode(schema.properties) ? schema.properties[property] : undefined;
  const declared = isNode(own) ? (resolve(schemas, own.$ref) ?? own) : undefined;
  if (declared) {
    if (typeof declared.const === "string") return declared.const;
    if (Array.isArray(declared.enum) && declared.enum.length === 1 && typeof declared.enum[0] === "string")
      return declared.enum[0];
  }
  if (depth > 3 || !Array.isArray(schema.allOf)) return undefined;
  for (const part of schema.allOf) {
    const node = isNode(part) ? (resolve(schemas, part.$ref) ?? part) : undefined;
    const value = node && declaredValue(schemas, node, property, depth + 1);
    if (value !== undefined) return value;
  }
  return undefined;
}

function withMapping(schemas: Node, schema: Node): Node | undefined {
  const discriminator = schema.discriminator;
  if (!isNode(discriminator) || typeof discriminator.propertyName !== "string") return undefined;
  const branches: unknown[] = [
    ...(Array.isArray(schema.oneOf) ? (schema.oneOf as unknown[]) : []),
    ...(Array.isArray(schema.anyOf) ? (schema.anyOf as unknown[]) : []),
  ];
  const mapping: Node = isNode(discriminator.mapping) ? { ...discriminator.mapping } : {};
  const mapped = new Set(Object.values(mapping));
  let added = false;
  for (const branch of branches) {
    if (!isNode(branch) || typeof branch.$ref !== "string" || mapped.has(branch.$ref)) continue;
    const target = resolve(schemas, branch.$ref);
    const value = target && declaredValue(schemas, target, discriminator.propertyName);
    if (value === undefined || value in mapping) continue;
    mapping[value] = branch.$ref;
    mapped.add(branch.$ref);
    added = true;
  }
  return added ? { ...schema, discriminator: { ...discriminator, mapping } } : undefined;
}

export function withDeclaredDiscriminatorValues(document: Node): Node {
  const components = document.components;
  const schemas = isNode(components) && isNode(components.schemas) ? components.schemas : undefined;
  if (!schemas) return document;
  let copy: Node | undefined;
  for (const [name, schema] of Object.entries(schemas)) {
    const changed = isNode(schema) ? withMapping(schemas, schema) : undefined;
    if (changed) (copy ??= { ...schemas })[name] = changed;
  }
  return copy ? { ...document, components: { ...(components as Node), schemas: copy } } : document;
}
