// A minimal valid instance of a schema, for a mock reply the spec gave no example for. A spec is
// not trusted: depth, array length and object width are bounded and a $ref cycle ends in null.
import { deref, isNode, type Doc, type Node } from "../../parse/document.js";

const MAX_DEPTH = 8;
const MAX_PROPERTIES = 40;
const MAX_ITEMS = 3;
const MAX_STRING = 64;

const FORMAT_SAMPLES: Record<string, string> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "00:00:00Z",
  email: "user@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
};

/** The schema's own sample (example, default, const, first enum value), when it gives one. */
function ownSample(schema: Node): { value: unknown } | undefined {
  if ("const" in schema) return { value: schema.const };
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return { value: schema.examples[0] };
  if ("example" in schema) return { value: schema.example };
  if ("default" in schema) return { value: schema.default };
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return { value: schema.enum.find((v) => v !== null) ?? null };
  return undefined;
}

function typeOf(schema: Node): string | undefined {
  const type: unknown = Array.isArray(schema.type) ? (schema.type as unknown[]).find((t) => t !== "null") : schema.type;
  if (typeof type === "string") return type;
  if (isNode(schema.properties) || Array.isArray(schema.required)) return "object";
  if (schema.items !== undefined) return "array";
  return undefined;
}

function sampleString(schema: Node): string {
  const format = typeof schema.format === "string" ? FORMAT_SAMPLES[schema.format] : undefined;
  if (format) return format;
  const min = typeof schema.minLength === "number" ? Math.min(schema.minLength, MAX_STRING) : 0;
  return "string".padEnd(min, "x");
}

function sampleNumber(schema: Node, integer: boolean): number {
  const low =
    typeof schema.minimum === "number"
      ? schema.minimum
      : typeof schema.exclusiveMinimum === "number"
        ? schema.exclusiveMinimum + 1
        : 0;
  const high = typeof schema.maximum === "number" ? schema.maximum : Infinity;
  const value = Math.min(low, high);
  return integer ? Math.ceil(value) : value;
}

function sampleObject(doc: Doc, schema: Node, depth: number, seen: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = isNode(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required)
    ? schema.required.filter((r): r is string => typeof r === "string")
    : [];
  for (const name of required.slice(0, MAX_PROPERTIES)) {
    if (name === "__proto__") continue;
    out[name] = sampleAt(doc, properties[name] ?? {}, depth + 1, seen);
  }
  return out;
}

function sampleAt(doc: Doc, raw: unknown, depth: number, seen: Set<string>): unknown {
  if (depth > MAX_DEPTH || !isNode(raw)) return null;
  const ref = typeof raw.$ref === "string" ? raw.$ref : undefined;
  if (ref && seen.has(ref)) return null;
  const schema = deref(doc, raw);
  if (!schema) return null;
  const inner = ref ? new Set([...seen, ref]) : seen;
  const own = ownSample(schema);
  if (own) return own.value;
  if (Array.isArray(schema.allOf)) {
    // Each part adds required fields; an object merge of the parts' samples satisfies them all.
    const parts = schema.allOf.map((part) => sampleAt(doc, part, depth + 1, inner));
    const base = typeOf(schema) === "object" ? sampleObject(doc, schema, depth, inner) : {};
    return parts.reduce<Record<string, unknown>>((acc, p) => (isNode(p) ? { ...acc, ...p } : acc), base);
  }
  const choice = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (choice && choice.length > 0) return sampleAt(doc, choice[0], depth + 1, inner);
  switch (typeOf(schema)) {
    case "object":
      return sampleObject(doc, schema, depth, inner);
    case "array": {
      const count = typeof schema.minItems === "number" ? Math.min(schema.minItems, MAX_ITEMS) : 0;
      return Array.from({ length: count }, () => sampleAt(doc, schema.items, depth + 1, inner));
    }
    case "string":
      return sampleString(schema);
    case "integer":
      return sampleNumber(schema, true);
    case "number":
      return sampleNumber(schema, false);
    case "boolean":
      return false;
    default:
      return null;
  }
}

/** A minimal instance of `schema` (required properties only), or null when it says nothing. */
export function sampleValue(doc: Doc, schema: unknown): unknown {
  return sampleAt(doc, schema, 0, new Set());
}
