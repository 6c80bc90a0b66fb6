// openapi-typescript names every schema it visits by a JSON pointer, built by its createRef:
// createRef([parentPath, key]) parses the parent's whole pointer back into tokens, unescapes and
// re-escapes each, then appends the key: for every child of every schema, ~0.2-0.35 s on Stripe's
// and GitHub's specs. Each part of the list adds its own segments, independently of the others,
// so a part's segments are remembered by its text for the length of one transform; and a part
// that is already a canonical pointer (what createRef returns, nearly always) is its own segments.
import { createRequire } from "node:module";

type CreateRef = (parts: unknown[]) => string;

const require = createRequire(import.meta.url);

/** The module object the transforms call `createRef` through (they look it up on every call). */
function utilsModule(): { createRef: CreateRef } | undefined {
  try {
    const utils = require("openapi-typescript/dist/lib/utils.cjs") as { createRef?: unknown };
    return typeof utils.createRef === "function" ? (utils as { createRef: CreateRef }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "#/a/b~1c": each token non-empty, "~" only in "~0" and "~1", no "%" (createRef would decode it),
 * no "#/" but the first (createRef reads only what follows the first "#/" up to the next one).
 * For such a pointer createRef([pointer]) is the pointer itself: it unescapes and re-escapes
 * every token to the same text.
 */
const CANONICAL_POINTER = /^#(?:\/(?:[^/~%#]|~[01]|#(?!\/))+)+$/;

function segmentsOf(original: CreateRef, part: string): string {
  return CANONICAL_POINTER.test(part) ? part.slice(1) : original([part]).slice(1); // without the leading "#"
}

/** createRef with the same results, for the length of one transform (exported for its test). */
export function memoizedCreateRef(original: CreateRef): CreateRef {
  const segments = new Map<string, string>();
  return (parts) => {
    let pointer = "#";
    for (const part of parts) {
      if (part === undefined || part === null || part === "") continue;
      // Anything but text and numbers goes the original way, whole.
      if (typeof part !== "string" && typeof part !== "number") return original(parts);
      const key = String(part);
      let segment = segments.get(key);
      if (segment === undefined) {
        segment = segmentsOf(original, key);
        segments.set(key, segment);
      }
      pointer += segment;
    }
    return pointer;
  };
}

/** Runs `transform` with createRef memoized, then puts the original back (the memo dies with it). */
export function withMemoizedRefPointers<T>(transform: () => T): T {
  const utils = utilsModule();
  if (!utils) return transform();
  const original = utils.createRef;
  utils.createRef = memoizedCreateRef(original);
  try {
    return transform();
  } finally {
    utils.createRef = original;
  }
}
