// openapi-typescript prints spec text into schema.ts's JSDoc. It closes no comments (it escapes
// "*/"), but it copies the rest verbatim: raw NUL/ESC bytes (git then shows schema.ts as binary,
// hiding it from review; ESC sequences act on a terminal that prints it), raw U+2028/2029 (some
// tools still treat them as line breaks), and "@tag" words that become JSDoc tags an editor acts
// on ({@link https://...}, @deprecated). We clean its input text and its output here.
import { docText } from "./names.js";

/** Keys whose string values openapi-typescript prints as comment text. */
const COMMENT_KEYS = new Set(["description", "summary", "title", "format"]);

/**
 * A copy of the document whose comment text is inert (the same cleaning as faultline's own
 * comments). Types do not change: only strings under comment keys are touched.
 */
export function withInertCommentText(node: unknown, parentKey = ""): unknown {
  if (Array.isArray(node)) return node.map((item) => withInertCommentText(item));
  if (node === null || typeof node !== "object") return node;
  const copy: Record<string, unknown> = {};
  // A discriminator mapping's values are $refs, whatever its keys are called.
  const isText = (key: string, value: unknown) => COMMENT_KEYS.has(key) && typeof value === "string" && parentKey !== "mapping";
  for (const [key, value] of Object.entries(node)) {
    const clean = isText(key, value) ? docText(value as string, Number.MAX_SAFE_INTEGER) : withInertCommentText(value, key);
    // defineProperty: a "__proto__" key (a property name in a schema) must stay a key.
    Object.defineProperty(copy, key, { value: clean, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * Escapes raw control characters and U+2028/2029 in printed TypeScript. The TS printer already
 * escapes them in string literals except U+2028/2029, so raw ones sit in comments (where the
 * escape is inert text) or in string literals (where the escape means the same character).
 */
export function escapeRawControlCharacters(source: string): string {
  return source.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
