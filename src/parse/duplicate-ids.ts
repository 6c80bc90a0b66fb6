// operationIds must be unique (OAS 3.1 §4.8.10.1), but real specs repeat them (Telnyx
// ListPhoneNumbers on two paths, Svix's GET and HEAD /api/v1/health both v1.health.get). That
// concerns two method names, not the client: the first holder (paths in sorted order, methods in
// HTTP_METHODS order, as parse/operations.ts lists them) keeps the id; each later one gets a name
// from its method and path, made unique, and a warning prints it. Renamed in the document, so
// schema.ts (openapi-typescript keys `operations` by operationId) and the IR agree.
import { pointerOf, type SpecWarning } from "../diagnostics.js";
import { deref, isNode, type Doc } from "./document.js";
import { nameFromMethodAndPath } from "./naming.js";
import { HTTP_METHODS } from "../vocabulary.js";

export function renameDuplicateOperationIds(doc: Doc): SpecWarning[] {
  const paths = doc.root.paths;
  if (!isNode(paths)) return [];
  const seen = new Set<object>();
  const operations: { node: Record<string, unknown>; method: string; path: string; pointer: string }[] = [];
  for (const path of Object.keys(paths).sort()) {
    if (path.startsWith("x-")) continue;
    const pathItem = deref(doc, paths[path]);
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const node = deref(doc, pathItem[method]);
      // An operation shared through a $ref'd path item is one operation, not a duplicate.
      if (node && !seen.has(node)) {
        seen.add(node);
        operations.push({ node, method, path, pointer: pointerOf("paths", path, method) });
      }
    }
  }
  const ids = new Set(
    operations.flatMap((op) => (typeof op.node.operationId === "string" ? [op.node.operationId] : [])),
  );
  const firstHolder = new Map<string, string>();
  const warnings: SpecWarning[] = [];
  for (const op of operations) {
    const id = op.node.operationId;
    if (typeof id !== "string") continue;
    const first = firstHolder.get(id);
    if (first === undefined) {
      firstHolder.set(id, op.pointer);
      continue;
    }
    const base = nameFromMethodAndPath(op.method, op.path);
    let renamed = base;
    for (let n = 2; ids.has(renamed); n++) renamed = `${base}${n}`;
    ids.add(renamed);
    op.node.operationId = renamed;
    warnings.push({
      file: doc.file,
      pointer: `${op.pointer}/operationId`,
      problem: `operationId ${JSON.stringify(id)} is already used at #${first}`,
      did: `renamed this operation's id to ${JSON.stringify(renamed)}`,
      fix: "operationIds must be unique (OAS 3.1 §4.8.10.1): rename one of them",
    });
  }
  return warnings;
}
