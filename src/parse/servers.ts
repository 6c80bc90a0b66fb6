// Server Object (OAS 3.1 §4.8.5) and Server Variable Object (§4.8.6): the client's default
// baseUrl is the first server whose URL, with every {variable} at its default, is absolute
// http(s). A relative URL ("/v1") names no host, and one carrying user:password@ would put a
// credential into every request and log, so neither counts: the caller must then pass baseUrl.
import { isNode, stringOf, type Doc } from "./document.js";

function resolved(server: unknown): string | undefined {
  if (!isNode(server)) return undefined;
  const template = stringOf(server.url);
  if (template === undefined) return undefined;
  const variables = isNode(server.variables) ? server.variables : {};
  let missing = false;
  const text = template.replace(/\{([^}]*)\}/g, (_, name: string) => {
    const variable = variables[name];
    const value = isNode(variable) ? stringOf(variable.default) : undefined;
    if (value === undefined) missing = true;
    return value ?? "";
  });
  if (missing || !/^https?:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.username || url.password ? undefined : url.href.replace(/\/+$/, "");
  } catch {
    return undefined;
  }
}

/** The default baseUrl: the first absolute server URL, or undefined when the spec names none. */
export function defaultBaseUrl(doc: Doc): string | undefined {
  const servers = doc.root.servers;
  if (!Array.isArray(servers)) return undefined;
  for (const server of servers) {
    const url = resolved(server);
    if (url !== undefined) return url;
  }
  return undefined;
}
