// openapi-typescript's scanDiscriminators walks the whole document twice, copying the path array
// at every node (~0.3 s on GitHub's spec), and on a document without discriminators it finds
// nothing and changes nothing. Most specs have none (GitHub's, Stripe's), so we ask first, in one
// cheap walk, and call it only when it can find or do something (docs/upstream.md proposes the
// cheaper walk upstream).

type Node = Record<string, unknown>;

const NO_DISCRIMINATORS = Object.freeze({ objects: Object.freeze({}), refsHandled: Object.freeze([]) });

/** What scanDiscriminators returns for a document it finds nothing in (its result is read, never written). */
export function noDiscriminators<D>(): D {
  return NO_DISCRIMINATORS as D;
}

/** Its lookup table starts as `{}`: a $ref such as "constructor" finds an inherited member there. */
const EMPTY_TABLE: Readonly<Record<string, unknown>> = Object.freeze({});

/** Would scanDiscriminators's allOf pass act on (or throw at) this item, with no discriminator found? */
function allOfItemMatters(item: unknown): boolean {
  if (item === null || typeof item !== "object") return true; // `"$ref" in item` throws: let it, as before
  const ref = (item as Node).$ref;
  return "$ref" in item && Boolean(EMPTY_TABLE[ref as string]);
}

/**
 * True when scanDiscriminators may record or patch something in `document`: some object has a
 * discriminator with a propertyName, or an allOf item its second pass does not simply skip.
 * False means it would return empty tables and leave the document untouched.
 */
export function mayHaveDiscriminators(document: unknown): boolean {
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const discriminator = (node as Node).discriminator as Node | null | undefined;
    if (discriminator?.propertyName) return true;
    const allOf = (node as Node).allOf;
    if (Array.isArray(allOf) && allOf.some(allOfItemMatters)) return true;
    for (const key of Object.keys(node)) stack.push((node as Node)[key]);
  }
  return false;
}
