// Where a spec holds literal data rather than spec objects: example values, defaults, enum and
// const values, 3.1 `examples` arrays, an Example Object's `value`, and extension (`x-*`) values.
// A `$ref` key there is content (Square's examples carry {"$ref": "https://..."} as data), so
// the ref checks, the bundler and the hoisting must leave it alone.

import { decodePointerToken } from "../pointer.js";

/** A visited node and the way back to the root (the root has no parent). */
export interface DataVisit {
  node: object;
  key: string;
  parent: DataVisit | undefined;
}

const LITERAL_KEYS = new Set(["example", "default", "const", "enum"]);
/** Maps whose keys are names the spec author chose: a property called "example" or "x-id" is a schema. */
const NAME_MAPS = new Set([
  "properties",
  "patternProperties",
  "dependentSchemas",
  "$defs",
  "definitions",
  "schemas",
  "parameters",
  "headers",
  "responses",
  "requestBodies",
  "securitySchemes",
  "links",
  "callbacks",
  "pathItems",
  "examples",
  "content",
  "encoding",
  "variables",
  "mapping",
  "webhooks",
]);

const keyOf = (v: DataVisit | undefined) => (v?.parent ? v.key : undefined);

export function isLiteralData(visit: DataVisit): boolean {
  const [key, parent, grandparent] = [keyOf(visit), keyOf(visit.parent), keyOf(visit.parent?.parent)];
  if (key === undefined) return false;
  // A key inside a name map is a name, unless the map is a list (3.1 schema `examples: [...]`).
  if (parent !== undefined && NAME_MAPS.has(parent) && !Array.isArray(visit.parent!.node)) return false;
  if (LITERAL_KEYS.has(key) || key.startsWith("x-")) return true;
  if (key === "examples" && Array.isArray(visit.node)) return true;
  return key === "value" && grandparent === "examples";
}

/** Whether a JSON pointer ("#/a/b") into `document` names a place inside literal data. */
export function pointsIntoLiteralData(document: unknown, pointer: string): boolean {
  let visit: DataVisit = { node: document as object, key: "", parent: undefined };
  for (const raw of pointer
    .replace(/^#?\/?/, "")
    .split("/")
    .filter(Boolean)) {
    const key = decodePointerToken(decodeURIComponent(raw));
    const next = (visit.node as Record<string, unknown> | null)?.[key];
    if (next === null || typeof next !== "object") return false;
    visit = { node: next, key, parent: visit };
    if (isLiteralData(visit)) return true;
  }
  return false;
}
