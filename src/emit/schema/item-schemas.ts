// openapi-typescript 7 knows neither OpenAPI 3.2's itemSchema nor its Media Type Object $refs
// (components/mediaTypes): it types the first not at all and the second as unknown. What it is
// given here is a copy of the document in which every such media is written out in place, and a
// media with an itemSchema gets a `schema` that is one item (parse/stream-items.ts), so
// `Op["responses"][200]["content"]["text/event-stream"]` is the event type result-types.ts wraps in
// rt.EventStream. Only the objects on the way to a changed media are copied: the caller's document
// is never modified, and a document without either gets itself back.
import { deref, isNode, type Doc, type Node } from "../../parse/document.js";
import { streamItems } from "../../parse/media-kinds.js";
import { HTTP_METHODS } from "../../vocabulary.js";

type Setter = (tokens: string[], value: unknown) => void;

/** Sets values deep in a document by copying each object on the way once. */
function copyOnWrite(root: Node): { set: Setter; result: () => Node } {
  const copies = new Set<Node>();
  let out = root;
  const copy = (node: Node): Node => {
    if (copies.has(node)) return node;
    const made = { ...node };
    copies.add(made);
    return made;
  };
  return {
    set(tokens, value) {
      out = copy(out);
      let node = out;
      for (const token of tokens.slice(0, -1)) {
        const child = copy(node[token] as Node);
        node[token] = child;
        node = child;
      }
      node[tokens.at(-1)!] = value;
    },
    result: () => out,
  };
}

function rewriteContent(doc: Doc, content: unknown, at: string[], set: Setter, response: boolean): void {
  if (!isNode(content)) return;
  for (const [contentType, raw] of Object.entries(content)) {
    const media = deref(doc, raw);
    if (!media) continue;
    const items = response ? streamItems(doc, contentType, media) : undefined;
    if (items) set([...at, "content", contentType], { ...media, schema: items.schema });
    else if (media !== raw) set([...at, "content", contentType], media);
  }
}

function rewriteOperation(doc: Doc, operation: unknown, at: string[], set: Setter): void {
  if (!isNode(operation) || operation.$ref !== undefined) return;
  if (isNode(operation.requestBody) && operation.requestBody.$ref === undefined)
    rewriteContent(doc, operation.requestBody.content, [...at, "requestBody"], set, false);
  if (!isNode(operation.responses)) return;
  for (const [key, response] of Object.entries(operation.responses)) {
    if (isNode(response) && response.$ref === undefined)
      rewriteContent(doc, response.content, [...at, "responses", key], set, true);
  }
}

/** The document openapi-typescript is given; `document` itself when nothing needed writing out. */
export function withItemSchemas(document: Node): Node {
  const doc: Doc = { root: document, file: "" };
  const { set, result } = copyOnWrite(document);
  const pathItems = (group: unknown, at: string[]) => {
    if (!isNode(group)) return;
    for (const [key, item] of Object.entries(group)) {
      if (!isNode(item) || item.$ref !== undefined) continue;
      for (const method of HTTP_METHODS) rewriteOperation(doc, item[method], [...at, key, method], set);
    }
  };
  pathItems(document.paths, ["paths"]);
  const components = isNode(document.components) ? document.components : {};
  pathItems(components.pathItems, ["components", "pathItems"]);
  for (const [group, response] of [
    ["requestBodies", false],
    ["responses", true],
  ] as const) {
    const named = components[group];
    if (!isNode(named)) continue;
    for (const [name, value] of Object.entries(named)) {
      if (isNode(value) && value.$ref === undefined)
        rewriteContent(doc, value.content, ["components", group, name], set, response);
    }
  }
  return result();
}
