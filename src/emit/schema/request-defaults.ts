// A property with a `default` is one the server fills in when the caller leaves it out: in a
// request body it must stay optional. openapi-typescript's defaultNonNullable types it required
// (right for responses, which we keep) and exempts only schemas written inline under a request
// body; a component schema a request body refers to (OpenAI's CreateChatCompletionRequest, with
// frequency_penalty, store, stream...) still demands every defaulted field.
// So each component schema a request body reaches that has (or reaches) defaulted properties
// gets a request twin in components.schemas, "Name (request)": the same schema with `default`
// dropped from its properties and its refs pointing at the other twins. Request bodies refer to
// the twins; responses and everything else keep the originals. A copy: the input is not touched.
import { isLiteralData, type DataVisit } from "../../parse/literal-data.js";
import { decodePointerToken, pointerToken } from "../../pointer.js";

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => value !== null && typeof value === "object" && !Array.isArray(value);
const SCHEMA_REF = "#/components/schemas/";

function schemaName(ref: unknown): string | undefined {
  if (typeof ref !== "string" || !ref.startsWith(SCHEMA_REF)) return undefined;
  const name = ref.slice(SCHEMA_REF.length);
  return name.includes("/") ? undefined : decodePointerToken(name);
}

/** Calls `onNode` for every object in a tree except literal data (examples, defaults, x-*). */
function walk(root: unknown, onNode: (node: Node) => void): void {
  if (root === null || typeof root !== "object") return;
  const stack: DataVisit[] = [{ node: root, key: "", parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (isLiteralData(visit)) continue;
    if (isNode(visit.node)) onNode(visit.node);
    for (const [key, value] of Object.entries(visit.node))
      if (value !== null && typeof value === "object") stack.push({ node: value as object, key, parent: visit });
  }
}

function refsIn(root: unknown): Set<string> {
  const names = new Set<string>();
  walk(root, (node) => {
    const name = schemaName(node.$ref);
    if (name !== undefined) names.add(name);
  });
  return names;
}

function hasOptionalDefault(root: unknown): boolean {
  let found = false;
  walk(root, (node) => {
    if (found || !isNode(node.properties)) return;
    const required = Array.isArray(node.required) ? node.required : [];
    found = Object.entries(node.properties).some(
      ([name, p]) => isNode(p) && "default" in p && !required.includes(name),
    );
  });
  return found;
}

/** A copy with `$ref`s retargeted and (in twins) `default` dropped from properties. */
function rewritten(
  value: unknown,
  twins: Map<string, string>,
  dropDefaults: boolean,
  key = "",
  parent?: DataVisit,
): unknown {
  if (value === null || typeof value !== "object") return value;
  const visit: DataVisit = { node: value, key, parent };
  if (parent && isLiteralData(visit)) return value;
  if (Array.isArray(value)) return value.map((item, i) => rewritten(item, twins, dropDefaults, String(i), visit));
  const copy: Node = {};
  for (const [k, v] of Object.entries(value)) copy[k] = rewritten(v, twins, dropDefaults, k, visit);
  const twin = twins.get(schemaName(copy.$ref) ?? "");
  if (twin !== undefined) copy.$ref = `${SCHEMA_REF}${pointerToken(twin)}`;
  // A twin's discriminator maps its values to the twins, so each branch keeps its value (discriminator-values.ts).
  if (isNode(copy.discriminator) && isNode(copy.discriminator.mapping)) {
    const mapping = Object.entries(copy.discriminator.mapping).map(([value, ref]): [string, unknown] => {
      const to = twins.get(schemaName(ref) ?? "");
      return [value, to === undefined ? ref : `${SCHEMA_REF}${pointerToken(to)}`];
    });
    copy.discriminator = { ...(copy.discriminator as object), mapping: Object.fromEntries<unknown>(mapping) };
  }
  if (dropDefaults && isNode(copy.properties)) {
    const properties: Node = {};
    for (const [name, p] of Object.entries(copy.properties))
      properties[name] =
        isNode(p) && "default" in p ? Object.fromEntries(Object.entries(p).filter(([k]) => k !== "default")) : p;
    copy.properties = properties;
  }
  return copy;
}

/** Request body holders: every operation's requestBody and components.requestBodies. */
function requestBodies(document: Node): { holder: Node; key: string }[] {
  const found: { holder: Node; key: string }[] = [];
  const paths = isNode(document.paths) ? document.paths : {};
  for (const item of Object.values(paths)) {
    if (!isNode(item)) continue;
    for (const operation of Object.values(item))
      if (isNode(operation) && isNode(operation.requestBody)) found.push({ holder: operation, key: "requestBody" });
  }
  const bodies =
    isNode(document.components) && isNode(document.components.requestBodies) ? document.components.requestBodies : {};
  for (const name of Object.keys(bodies)) found.push({ holder: bodies, key: name });
  return found;
}

export interface WithTwins {
  document: Node;
  /** Twin schema name -> the schema it copies. */
  twinOf: Map<string, string>;
}

export function withRequestTwins(document: Node): WithTwins {
  const unchanged = { document, twinOf: new Map<string, string>() };
  const schemas =
    isNode(document.components) && isNode(document.components.schemas) ? document.components.schemas : undefined;
  const bodies = requestBodies(document);
  if (!schemas || bodies.length === 0) return unchanged;
  // Schemas request bodies reach.
  const reached = new Set<string>();
  const frontier = bodies.flatMap(({ holder, key }) => [...refsIn(holder[key])]);
  while (frontier.length > 0) {
    const name = frontier.pop()!;
    if (reached.has(name) || !isNode(schemas[name])) continue;
    reached.add(name);
    frontier.push(...refsIn(schemas[name]));
  }
  // Those that have defaulted properties, or reach one that has.
  const refs = new Map([...reached].map((name) => [name, refsIn(schemas[name])]));
  const needs = new Set([...reached].filter((name) => hasOptionalDefault(schemas[name])));
  for (let grew = needs.size > 0; grew;) {
    grew = false;
    for (const [name, targets] of refs) {
      if (!needs.has(name) && [...targets].some((t) => needs.has(t))) {
        needs.add(name);
        grew = true;
      }
    }
  }
  if (needs.size === 0) return unchanged;
  const twins = new Map<string, string>();
  for (const name of [...needs].sort()) {
    let twin = `${name} (request)`;
    for (let n = 2; twin in schemas; n++) twin = `${name} (request ${n})`;
    twins.set(name, twin);
  }
  const newSchemas: Node = { ...schemas };
  for (const [name, twin] of twins) newSchemas[twin] = rewritten(schemas[name], twins, true);
  // Copy-on-write down to each request body, so the input document stays as it was.
  const paths: Node = isNode(document.paths) ? { ...document.paths } : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isNode(item)) continue;
    const methods = Object.entries(item).filter(([, op]) => isNode(op) && isNode(op.requestBody));
    if (methods.length === 0) continue;
    const itemCopy: Node = { ...item };
    for (const [method, op] of methods)
      itemCopy[method] = { ...(op as Node), requestBody: rewritten((op as Node).requestBody, twins, false) };
    paths[path] = itemCopy;
  }
  const components = document.components as Node;
  const requestBodyMap = isNode(components.requestBodies)
    ? Object.fromEntries(
        Object.entries(components.requestBodies).map(([name, body]) => [name, rewritten(body, twins, false)]),
      )
    : undefined;
  return {
    document: {
      ...document,
      paths,
      components: { ...components, schemas: newSchemas, ...(requestBodyMap ? { requestBodies: requestBodyMap } : {}) },
    },
    twinOf: new Map([...twins].map(([name, twin]) => [twin, name])),
  };
}
