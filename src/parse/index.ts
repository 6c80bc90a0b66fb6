// parse: a bundled OpenAPI document in, the IR out. Pure: loading from disk is load.ts.
import { SpecError } from "../diagnostics.js";
import type { ApiIR } from "../ir.js";
import { isNode, stringOf, type Doc } from "./document.js";
import { parseOperations } from "./operations.js";
import { parseRetryAdvice } from "./retry-advice.js";
import { parseSecurity, parseSecuritySchemes } from "./security.js";
import { defaultBaseUrl } from "./servers.js";

export function parseApi(document: Record<string, unknown>, file: string): ApiIR {
  const doc: Doc = { root: document, file };
  const info = document.info;
  if (!isNode(info)) {
    throw new SpecError({
      file,
      pointer: "/info",
      problem: "`info` is missing",
      fix: "add info: { title: My API, version: 1.0.0 }",
    });
  }
  const retry = parseRetryAdvice(doc, document["x-faultline-retry"], "/x-faultline-retry");
  const baseUrl = defaultBaseUrl(doc);
  const securitySchemes = parseSecuritySchemes(doc);
  const schemeNames = new Set(securitySchemes.map((s) => s.name));
  const security = parseSecurity(document.security, schemeNames);
  return {
    title: stringOf(info.title) ?? "API",
    version: stringOf(info.version) ?? "",
    openapiVersion: stringOf(document.openapi) ?? stringOf(document.swagger) ?? "",
    ...(retry ? { retry } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    ...(securitySchemes.length > 0 ? { securitySchemes } : {}),
    ...(security ? { security } : {}),
    operations: parseOperations(doc, schemeNames),
  };
}

export { loadSpec, type LoadedSpec, type LoadOptions } from "./load.js";
