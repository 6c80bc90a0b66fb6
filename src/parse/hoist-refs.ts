// openapi-typescript turns a $ref into indexed access on its own output: "#/components/schemas/A"
// becomes components["schemas"]["A"]. That is sound for a component or a path. Bundlers, APIs.guru's
// among them, also point refs into the middle of things: "#/paths/~1a/get/responses/401/content/
// application~1json/schema", "#/components/schemas/A/definitions/B", "#/components/parameters/id/schema",
// "#/components/schemas/A/properties/b". Those become types that do not exist (TS2339), refer to
// themselves (TS2502), or carry `| undefined` from an optional property into places that need an
// object (TS2344 in WithRequired). This pass moves each such target into components, under the kind
// its place implies, leaves a $ref where it was, and points every ref at the new component.
// Documents without such refs are left untouched.
import { pointerOf } from "../diagnostics.js";
import { isNode, type Node } from "./document.js";
import { decodePointerToken } from "../pointer.js";

const EXPRESSIBLE = /^#\/components\/[^/]+\/[^/]+$|^#\/paths\/[^/]+$/;
const SCHEMA_KEYWORDS = new Set([
  "schema",
  "items",
  "additionalProperties",
  "additionalItems",
  "not",
  "contains",
  "propertyNames",
  "if",
  "then",
  "else",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentSchema",
  "itemSchema", // OpenAPI 3.2's Media Type Object
]);
const SCHEMA_MAPS = new Set(["properties", "definitions", "$defs", "patternProperties", "dependentSchemas"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const COMPONENT_MAPS: Record<string, string> = {
  responses: "responses",
  parameters: "parameters",
  headers: "headers",
  examples: "examples",
  links: "links",
  callbacks: "callbacks",
};

interface Holder {
  node: Node;
  ref: string;
}

/** Every internal $ref that openapi-typescript cannot express. */
function deepRefs(document: Node): Holder[] {
  const found: Holder[] = [];
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    const ref = (node as Node).$ref;
    if (typeof ref === "string" && ref.startsWith("#/") && !EXPRESSIBLE.test(ref))
      found.push({ node: node as Node, ref });
    for (const key in node) stack.push((node as Node)[key]);
  }
  return found;
}

function decode(ref: string): string[] {
  return ref
    .slice(2)
    .split("/")
    .map((t) => decodePointerToken(decodeURIComponent(t)));
}

/** The target's own path from the root, following refs met on the way; undefined if dangling. */
function canonical(document: Node, ref: string, seen = new Set<string>()): string[] | undefined {
  if (seen.has(ref)) return undefined;
  seen.add(ref);
  let path: string[] = [];
  let node: unknown = document;
  for (const token of decode(ref)) {
    if (isNode(node) && typeof node.$ref === "string") {
      const through = canonical(document, node.$ref, seen);
      if (!through) return undefined;
      path = through;
      node = at(document, through);
    }
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Node)[token];
    path = [...path, token];
  }
  return node === undefined ? undefined : path;
}

function at(document: Node, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, token) => (node !== null && typeof node === "object" ? (node as Node)[token] : undefined),
    document,
  );
}

/** The components map a target belongs in, from where it stands; undefined: not a component kind. */
function componentKind(path: string[]): string | undefined {
  const last = path[path.length - 1]!;
  const parent = path[path.length - 2] ?? "";
  if (SCHEMA_KEYWORDS.has(last) || SCHEMA_MAPS.has(parent) || (SCHEMA_LISTS.has(parent) && /^\d+$/.test(last)))
    return "schemas";
  if (last === "requestBody") return "requestBodies";
  return COMPONENT_MAPS[parent];
}

function componentName(path: string[], taken: Node): string {
  const tokens = path[0] === "components" ? path.slice(2) : path;
  const words = tokens.map((t) => t.replace(/[^A-Za-z0-9.-]+/g, "_").replace(/^_+|_+$/g, "")).filter(Boolean);
  const base = words.join("_") || "hoisted";
  let name = base;
  for (let n = 2; name in taken; n++) name = `${base}_${n}`;
  return name;
}

export function hoistDeepRefs(document: Node): void {
  const holders = deepRefs(document);
  if (holders.length === 0) return;
  const targets = new Map<string, string[]>();
  for (const h of holders) {
    const path = canonical(document, h.ref);
    if (path) targets.set(h.ref, path);
  }
  // Deepest first: a target inside another target is hoisted before its container moves.
  const unique = [...new Map([...targets.values()].map((p) => [pointerOf(...p), p])).entries()].sort(
    ([a, pa], [b, pb]) => pb.length - pa.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  const moved = new Map<string, string>();
  for (const [pointer, path] of unique) {
    const kind = componentKind(path);
    const parent = at(document, path.slice(0, -1));
    if (!kind || (!isNode(parent) && !Array.isArray(parent))) continue;
    const components = (document.components ??= {}) as Node;
    const map = (components[kind] ??= {}) as Node;
    const name = componentName(path, map);
    const key = path[path.length - 1]!;
    map[name] = (parent as Node)[key];
    (parent as Node)[key] = { $ref: `#${pointerOf("components", kind, name)}` };
    moved.set(pointer, `#${pointerOf("components", kind, name)}`);
  }
  for (const h of holders) {
    const path = targets.get(h.ref);
    const to = path && moved.get(pointerOf(...path));
    if (to) h.node.$ref = to;
  }
}
