// Valid requests and expected error fields, read straight from a spec's own examples, so the
// Prism tests check the generated client against what the spec documents, not against itself.
import { isNode, type Node } from "../../src/parse/document.js";

type Doc = Record<string, unknown>;

export function resolve(doc: Doc, value: unknown): Node | undefined {
  let node = value;
  for (let i = 0; i < 20 && isNode(node) && typeof node.$ref === "string"; i++) {
    node = node.$ref
      .slice(2)
      .split("/")
      .reduce<unknown>((n, t) => (isNode(n) ? n[t.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined), doc);
  }
  return isNode(node) ? node : undefined;
}

function exampleOf(doc: Doc, holder: Node | undefined): unknown {
  if (!holder) return undefined;
  if (holder.example !== undefined) return holder.example;
  if (isNode(holder.examples)) {
    const first = Object.values(holder.examples)[0];
    return resolve(doc, first)?.value;
  }
  const schema = resolve(doc, holder.schema);
  if (schema?.example !== undefined) return schema.example;
  if (Array.isArray(schema?.examples)) return schema.examples[0];
  if (schema?.format === "uuid") return "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  if (Array.isArray(schema?.enum)) return schema.enum[0];
  return schema?.type === "integer" || schema?.type === "number" ? 1 : "example";
}

/** Credentials for every security scheme, so Prism's auth check passes. */
export function authHeaders(doc: Doc): Record<string, string> {
  const headers: Record<string, string> = {};
  const schemes =
    isNode(doc.components) && isNode(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  for (const raw of Object.values(schemes)) {
    const scheme = resolve(doc, raw);
    if (scheme?.type === "apiKey" && scheme.in === "header" && typeof scheme.name === "string")
      headers[scheme.name] = "test-key";
    if (scheme?.type === "http" && String(scheme.scheme).toLowerCase() === "bearer")
      headers.authorization = "Bearer test-token";
  }
  return headers;
}

/** A request the spec accepts: path/query/header parameters and body from its examples. */
export function validInput(
  doc: Doc,
  path: string,
  method: string,
): { path: Record<string, string>; query: Record<string, unknown>; headers: Record<string, string>; body?: unknown } {
  const pathItem = resolve(doc, (doc.paths as Node)[path])!;
  const operation = resolve(doc, pathItem[method])!;
  const params = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ].map((p) => resolve(doc, p)!);
  const input = {
    path: {} as Record<string, string>,
    query: {} as Record<string, unknown>,
    headers: {} as Record<string, string>,
  };
  for (const p of params) {
    if (p.in !== "path" && p.required !== true) continue;
    const value = exampleOf(doc, p);
    if (p.in === "path") input.path[p.name as string] = String(value);
    if (p.in === "query") input.query[p.name as string] = value;
    if (p.in === "header") input.headers[p.name as string] = String(value);
  }
  const body = resolve(doc, operation.requestBody);
  const content = isNode(body?.content) ? body.content : undefined;
  const media = content ? resolve(doc, content["application/json"] ?? Object.values(content)[0]) : undefined;
  return media ? { ...input, body: exampleOf(doc, media) } : input;
}

export function at(value: unknown, path: readonly string[] | undefined): unknown {
  if (!path) return undefined;
  return path.reduce<unknown>((v, key) => (isNode(v) ? v[key] : undefined), value);
}

/** Named examples of one response, per media type, with the response's header examples. */
export function responseExamples(
  doc: Doc,
  response: Node,
): { name: string; contentType: string; value: unknown; headers: Record<string, string> }[] {
  const headers: Record<string, string> = {};
  for (const [name, raw] of Object.entries(isNode(response.headers) ? response.headers : {})) {
    const header = resolve(doc, raw);
    const value = header?.example ?? resolve(doc, header?.schema)?.example;
    // A header example is a scalar; an object one is sent as its JSON.
    if (value !== undefined) headers[name.toLowerCase()] = typeof value === "string" ? value : JSON.stringify(value);
  }
  const content = isNode(response.content) ? response.content : {};
  return Object.entries(content).flatMap(([contentType, raw]) => {
    const media = resolve(doc, raw);
    const examples = isNode(media?.examples) ? media.examples : {};
    return Object.entries(examples).map(([name, ex]) => ({
      name,
      contentType,
      value: resolve(doc, ex)?.value,
      headers,
    }));
  });
}
