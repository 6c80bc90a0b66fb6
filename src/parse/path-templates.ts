// A path template is appended to the base URL the caller chose (OAS 3.1 §4.8.8.1: no relative
// URL resolution). A "." or ".." segment, plain or %-encoded, is resolved away by every URL
// parser, so a spec path "/../admin" would send the caller's credentials outside the base path
// they configured. No real API has such a path, so the spec is refused, not silently followed.
import { SpecError, pointerOf } from "../diagnostics.js";

/** WHATWG URL treats ".", "..", ".%2e", "%2e." and "%2e%2e" (any case) as dot segments. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

export function checkPathTemplates(document: Record<string, unknown>, file: string): void {
  const paths = document.paths;
  if (paths === null || typeof paths !== "object" || Array.isArray(paths)) return; // parse reports a bad `paths`
  for (const template of Object.keys(paths)) {
    if (template.startsWith("x-")) continue;
    const dot = template.split(/[/?#]/).find((segment) => DOT_SEGMENT.test(segment));
    if (dot === undefined) continue;
    throw new SpecError({
      file,
      pointer: pointerOf("paths", template),
      problem: `path ${JSON.stringify(template)} has a ${JSON.stringify(dot)} segment: URL parsers resolve it, so the call would leave the base URL's path`,
      fix: "remove the dot segment: write the path as the server serves it, relative to the server URL",
    });
  }
}
