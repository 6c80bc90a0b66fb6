// Security Scheme Object (OAS 3.1 §4.8.27) and Security Requirement Object (§4.8.30): which
// credentials the client can apply and which each operation asks for. Swagger 2.0's
// securityDefinitions arrive here already converted to components.securitySchemes.
//
// Only what a client can send is kept: http bearer and basic, apiKey in a header, query or cookie,
// and oauth2 / openIdConnect (whose access token is sent as a bearer token). Other schemes
// (http digest, mutualTLS) cannot be filled in; a requirement that names one, or a scheme the spec
// never defines, can never be met, so it is dropped. An empty requirement ({}) means "no
// credentials needed": it is dropped too, since sending none is what happens when no other
// alternative can be met.
import type { SecuritySchemeIR } from "../ir.js";
import { deref, isNode, stringOf, type Doc } from "./document.js";

const API_KEY_PLACES = new Set(["header", "query", "cookie"]);

function scheme(name: string, node: Record<string, unknown>): SecuritySchemeIR | undefined {
  const type = stringOf(node.type);
  if (type === "oauth2" || type === "openIdConnect") return { name, kind: "bearer" };
  if (type === "http") {
    // The scheme is case-insensitive (RFC 9110 §11.1): "Bearer" and "bearer" are one.
    const http = stringOf(node.scheme)?.toLowerCase();
    return http === "bearer" || http === "basic" ? { name, kind: http } : undefined;
  }
  const place = stringOf(node.in);
  const param = stringOf(node.name);
  if (type === "apiKey" && place && API_KEY_PLACES.has(place) && param)
    return { name, kind: "apiKey", in: place as "header" | "query" | "cookie", param };
  return undefined;
}

/** The schemes a client can fill in, sorted by name. */
export function parseSecuritySchemes(doc: Doc): SecuritySchemeIR[] {
  const components = doc.root.components;
  const schemes = isNode(components) && isNode(components.securitySchemes) ? components.securitySchemes : {};
  return Object.keys(schemes)
    .sort()
    .flatMap((name) => {
      const node = deref(doc, schemes[name]);
      const parsed = node && scheme(name, node);
      return parsed ? [parsed] : [];
    });
}

/**
 * A `security` value as alternatives of scheme names; undefined when absent or not a list (the
 * root's then applies). Requirements that cannot be met are dropped (see above), so `[]` means
 * "send no credentials".
 */
export function parseSecurity(value: unknown, known: ReadonlySet<string>): string[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((requirement) => {
    if (!isNode(requirement)) return [];
    const names = Object.keys(requirement).sort();
    return names.length > 0 && names.every((n) => known.has(n)) ? [names] : [];
  });
}
