// Paths Object (OAS 3.1 §4.8.8), Path Item Object (§4.8.9) and Operation Object (§4.8.10):
// one OperationIR per method of each path. Path-level parameters apply to every method
// (§4.8.9.1) unless the operation overrides the same name + location.
import { SpecError, pointerOf } from "../diagnostics.js";
import type { HttpMethod, OperationIR, ParameterIR } from "../ir.js";
import { deref, derefOrFail, isNode, stringOf, type Doc, type Node } from "./document.js";
import { binaryFields } from "./media-kinds.js";
import { nameFromMethodAndPath, camelCase, uniqueNames } from "./naming.js";
import { parseResponses } from "./responses.js";
import { parseRetryAdvice } from "./retry-advice.js";
import { parseSecurity } from "./security.js";
import { HTTP_METHODS } from "../vocabulary.js";

const IDEMPOTENT_METHODS = new Set<HttpMethod>(["get", "head", "options", "put", "delete", "trace"]);
const IDEMPOTENCY_KEY = /^(?:x-)?idempotency[-_]?key$/i;

function parameters(doc: Doc, pathItem: Node, operation: Node, pointer: string): ParameterIR[] {
  const byKey = new Map<string, ParameterIR>();
  const read = (list: unknown, where: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, i) => {
      const p = derefOrFail(doc, entry, `${where}/${i}`);
      if (!p || typeof p.name !== "string" || typeof p.in !== "string") return;
      if (!["path", "query", "header", "cookie"].includes(p.in)) return;
      byKey.set(`${p.in}:${p.name}`, {
        name: p.name,
        in: p.in as ParameterIR["in"],
        required: p.in === "path" || p.required === true,
      });
    });
  };
  read(pathItem.parameters, pointer.replace(/\/[^/]+$/, "/parameters"));
  read(operation.parameters, `${pointer}/parameters`);
  return [...byKey.values()].sort((a, b) => (a.in + a.name < b.in + b.name ? -1 : 1));
}

function requestBody(doc: Doc, operation: Node, pointer: string): OperationIR["requestBody"] {
  const body = derefOrFail(doc, operation.requestBody, `${pointer}/requestBody`);
  if (!body) return undefined;
  const content = isNode(body.content) ? body.content : {};
  const contentTypes = Object.keys(content).sort();
  const fileFields = contentTypes
    .filter((t) => /multipart/i.test(t))
    .map((t) => [t, binaryFields(doc, deref(doc, content[t])?.schema)] as const)
    .filter(([, fields]) => fields.length > 0);
  return {
    required: body.required === true,
    contentTypes,
    ...(fileFields.length ? { binaryFields: Object.fromEntries(fileFields) } : {}),
  };
}

interface RawOperation {
  method: HttpMethod;
  path: string;
  pointer: string;
  pathItem: Node;
  operation: Node;
}

function collectOperations(doc: Doc): RawOperation[] {
  const paths = doc.root.paths;
  if (paths === undefined) return [];
  if (!isNode(paths))
    throw new SpecError({
      file: doc.file,
      pointer: "/paths",
      problem: "`paths` is not a map",
      fix: "paths maps each path template to its operations",
    });
  const found: RawOperation[] = [];
  for (const path of Object.keys(paths).sort()) {
    if (path.startsWith("x-")) continue;
    const pathItem = derefOrFail(doc, paths[path], pointerOf("paths", path));
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const operation = deref(doc, pathItem[method]);
      if (operation) found.push({ method, path, pointer: pointerOf("paths", path, method), pathItem, operation });
    }
  }
  return found;
}

function checkDuplicateIds(doc: Doc, raws: RawOperation[]): void {
  const seen = new Map<string, string>();
  for (const raw of raws) {
    const id = stringOf(raw.operation.operationId);
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first !== undefined) {
      throw new SpecError({
        file: doc.file,
        pointer: `${raw.pointer}/operationId`,
        problem: `operationId ${JSON.stringify(id)} is already used at #${first}`,
        fix: "operationIds must be unique (OAS 3.1 §4.8.10.1): rename one of them",
      });
    }
    seen.set(id, raw.pointer);
  }
}

/** schemes: the security scheme names a client can fill in (security.ts). */
export function parseOperations(doc: Doc, schemes: ReadonlySet<string> = new Set()): OperationIR[] {
  const raws = collectOperations(doc);
  checkDuplicateIds(doc, raws);
  const names = uniqueNames(
    raws.map((r) => {
      const id = stringOf(r.operation.operationId);
      return id ? camelCase(id) : nameFromMethodAndPath(r.method, r.path);
    }),
  );
  const operations = raws.map((raw, i): OperationIR => {
    const { operation, pointer, method } = raw;
    const params = parameters(doc, raw.pathItem, operation, pointer);
    const { successes, errors } = parseResponses(doc, operation.responses, `${pointer}/responses`);
    const idempotentFlag = operation["x-faultline-idempotent"];
    if (idempotentFlag !== undefined && typeof idempotentFlag !== "boolean") {
      throw new SpecError({
        file: doc.file,
        pointer: `${pointer}/x-faultline-idempotent`,
        problem: `x-faultline-idempotent is ${JSON.stringify(idempotentFlag)}`,
        fix: "use true or false",
      });
    }
    const keyHeader = params.find((p) => p.in === "header" && IDEMPOTENCY_KEY.test(p.name));
    const body = requestBody(doc, operation, pointer);
    const retry = parseRetryAdvice(doc, operation["x-faultline-retry"], `${pointer}/x-faultline-retry`);
    const summary = stringOf(operation.summary);
    const description = stringOf(operation.description);
    const operationId = stringOf(operation.operationId);
    const security = parseSecurity(operation.security, schemes);
    return {
      name: names[i]!,
      ...(operationId === undefined ? {} : { operationId }),
      method,
      path: raw.path,
      pointer,
      ...(summary === undefined ? {} : { summary }),
      ...(description === undefined ? {} : { description }),
      deprecated: operation.deprecated === true,
      tags: Array.isArray(operation.tags) ? operation.tags.filter((t): t is string => typeof t === "string") : [],
      parameters: params,
      ...(body ? { requestBody: body } : {}),
      successes,
      errors,
      idempotent: typeof idempotentFlag === "boolean" ? idempotentFlag : IDEMPOTENT_METHODS.has(method),
      idempotentSource: typeof idempotentFlag === "boolean" ? "x-faultline-idempotent" : "method",
      ...(keyHeader ? { idempotencyKeyHeader: keyHeader.name } : {}),
      ...(retry ? { retry } : {}),
      ...(security ? { security } : {}),
    };
  });
  return operations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
