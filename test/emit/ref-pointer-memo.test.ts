// schema.ts must not change by a byte when openapi-typescript's createRef is memoized: the memo
// answers exactly what createRef answers, for pointers it built itself and for any other parts.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoizedCreateRef } from "../../src/emit/schema/ref-pointer-memo.js";

const { createRef } = createRequire(import.meta.url)("openapi-typescript/dist/lib/utils.cjs") as { createRef: (parts: unknown[]) => string };

/** What createRef gives, or the error it throws (a malformed "%" escape is a URIError). */
function outcome(f: (parts: unknown[]) => string, parts: unknown[]): string {
  try {
    return f(parts);
  } catch (error) {
    return `threw ${(error as Error).name}`;
  }
}

const token = fc.string({ unit: fc.constantFrom("a", "b", "0", "1", "/", "~", "%", "%2F", "#", "#/", " "), maxLength: 6 });
const part = fc.oneof(token, fc.nat(20), fc.constantFrom(undefined, null, ""));

describe("memoized createRef", () => {
  it("answers what createRef answers, pointer by pointer, as a transform calls it", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.array(part, { maxLength: 3 })), { maxLength: 30 }), (calls) => {
        const memoized = memoizedCreateRef(createRef);
        const made: string[] = ["#/components/schemas/A"];
        for (const [parent, parts] of calls) {
          // A transform passes a pointer it got before as the first part, then keys: so do we.
          const args = [made[parent % made.length], ...parts];
          const expected = outcome(createRef, args);
          expect(outcome(memoized, args)).toBe(expected);
          if (!expected.startsWith("threw")) made.push(expected);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("answers what createRef answers for a pointer it did not make", () => {
    for (const pointer of ["#/a%20b", "#/a#/b", "#//a", "#/a/", "#/~2", "#", "#/a~1b~0c", "x#/a", "#/a#"]) {
      const memoized = memoizedCreateRef(createRef);
      expect(outcome(memoized, [pointer, "k"])).toBe(outcome(createRef, [pointer, "k"]));
      expect(outcome(memoized, [pointer, "k"])).toBe(outcome(createRef, [pointer, "k"]));
    }
  });
});
