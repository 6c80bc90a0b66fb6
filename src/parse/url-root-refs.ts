// The $refs of a spec fetched from a URL: each one that leaves the document resolves against that
// URL, so it is remote even when written as a relative path. Refused unless --allow-remote-refs;
// allowed, each is rewritten to its absolute URL for the bundler to fetch. A fetched spec never
// reaches the local disk: a file: $ref (or any scheme but http(s)) is refused either way.
import { SpecError } from "../diagnostics.js";
import { decodePointerToken } from "../pointer.js";
import type { ExternalRef } from "./bundle.js";
import { shownUrl } from "./fetch-root.js";
import { REMOTE_REFUSED } from "./ref-problems.js";

const FIX = "pass --allow-remote-refs, or download the spec with the files it $refs and pass its path";

function holderAt(document: unknown, pointer: string): Record<string, unknown> {
  let node = document as Record<string, unknown>;
  for (const token of pointer.split("/").slice(1)) node = node[decodePointerToken(token)] as Record<string, unknown>;
  return node;
}

export function rebaseUrlRefs(
  document: unknown,
  external: ExternalRef[],
  base: string,
  file: string,
  allowRemoteRefs: boolean,
): void {
  for (const { ref, pointer } of external) {
    const refused = (problem: string, fix: string) => new SpecError({ file, pointer: `${pointer}/$ref`, problem, fix });
    let absolute: URL;
    try {
      absolute = new URL(ref, base);
    } catch {
      throw refused(
        `$ref ${JSON.stringify(ref)} is not a usable URL or path`,
        "write it as a path relative to the spec, or an http(s) URL",
      );
    }
    if (absolute.protocol !== "http:" && absolute.protocol !== "https:") {
      throw refused(
        `$ref ${JSON.stringify(ref)} names a ${absolute.protocol} URL: a spec fetched from a URL may only $ref http(s) URLs`,
        "download the spec with the files it $refs and pass its path",
      );
    }
    if (!allowRemoteRefs) {
      throw refused(
        `$ref ${JSON.stringify(ref)} names ${shownUrl(absolute.href)} (the spec came from a URL, so its $refs do too): ${REMOTE_REFUSED}`,
        FIX,
      );
    }
    holderAt(document, pointer).$ref = absolute.href;
  }
}
