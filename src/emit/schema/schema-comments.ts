// openapi-typescript prints spec text into schema.ts's JSDoc. It closes no comments (it escapes
// "*/"), but it copies the rest verbatim: raw NUL/ESC bytes (git then shows schema.ts as binary,
// hiding it from review; ESC sequences act on a terminal that prints it), raw U+2028/2029 (some
// tools still treat them as line breaks), and "@tag" words that become JSDoc tags an editor acts
// on ({@link https://...}, @deprecated). We clean its input text and its output here.
import { docText } from "../names.js";

/** Keys whose string values openapi-typescript prints as comment text. */
const COMMENT_KEYS: ReadonlySet<string> = new Set(["description", "summary", "title", "format"]);

/** What docText would change: most descriptions need nothing, and testing is cheaper than cleaning. */
const NEEDS_CLEANING = /[\r\u2028\u2029\u0000-\u0008\u000b-\u001f\u007f]|\*\/|@\w|^\s|\s$/;

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty: a "__proto__" key (a property name in a schema) must stay a key.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The document with its comment text made inert (the same cleaning as faultline's own
 * comments). Types do not change: only strings under comment keys are touched. Copy on write:
 * an object whose subtree needs no cleaning is shared, not copied (GitHub's 13 MB spec would
 * otherwise be copied whole, ~0.5 s and ~100 MB).
 */
export function withInertCommentText(node: unknown, parentKey = ""): unknown {
  if (node === null || typeof node !== "object") return node;
  if (Array.isArray(node)) {
    let copy: unknown[] | undefined;
    (node as unknown[]).forEach((item, i) => {
      const clean = withInertCommentText(item);
      if (clean !== item) (copy ??= [...(node as unknown[])])[i] = clean;
    });
    return copy ?? node;
  }
  const source = node as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(source)) {
    const value = source[key];
    // A discriminator mapping's values are $refs, whatever its keys are called.
    const isText = COMMENT_KEYS.has(key) && typeof value === "string" && parentKey !== "mapping";
    const clean = isText
      ? NEEDS_CLEANING.test(value)
        ? docText(value, Number.MAX_SAFE_INTEGER)
        : value
      : withInertCommentText(value, key);
    if (clean === value) continue;
    if (!copy) {
      copy = {};
      for (const k of Object.keys(source)) setOwn(copy, k, source[k]);
    }
    setOwn(copy, key, clean);
  }
  return copy ?? node;
}

/**
 * Escapes raw control characters and U+2028/2029 in printed TypeScript. The TS printer already
 * escapes them in string literals except U+2028/2029, so raw ones sit in comments (where the
 * escape is inert text) or in string literals (where the escape means the same character).
 */
export function escapeRawControlCharacters(source: string): string {
  return source.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
