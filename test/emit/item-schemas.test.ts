// openapi-typescript is given a copy of the document in which 3.2 stream items (itemSchema) and
// Media Type Object $refs (components/mediaTypes) are written out as plain media schemas: without
// it, both come out of schema.ts as `unknown`. The loaded document itself is never changed.
import { describe, expect, it } from "vitest";
import { schemaTypes } from "../../src/emit/schema/schema-types.js";
import { withItemSchemas } from "../../src/emit/schema/item-schemas.js";
import { hoistDeepRefs } from "../../src/parse/hoist-refs.js";

const tick = { type: "object", required: ["n"], properties: { n: { type: "integer" } } };
const document = {
  openapi: "3.2.0",
  info: { title: "t", version: "1" },
  paths: {
    "/ticks": {
      get: {
        responses: {
          "200": { description: "ok", content: { "application/jsonl": { $ref: "#/components/mediaTypes/Ticks" } } },
          "400": { $ref: "#/components/responses/Bad" },
        },
      },
    },
  },
  components: {
    mediaTypes: {
      Ticks: { itemSchema: tick },
      Problem: { schema: { type: "object", properties: { code: { type: "string" } } } },
    },
    responses: {
      Bad: { description: "bad", content: { "application/json": { $ref: "#/components/mediaTypes/Problem" } } },
    },
  },
};

const squeezed = (text: string) => text.replace(/\s+/g, " ");

describe("stream items and media $refs in schema.ts", () => {
  it("types a $ref'd media's itemSchema as the item and a $ref'd media's schema as the body", () => {
    const before = structuredClone(document);
    const text = squeezed(schemaTypes(document, "t.json").text);
    expect(text).toContain(`"application/jsonl": { n: number; };`);
    expect(text).toContain(`"application/json": { code?: string; };`);
    expect(text).not.toMatch(/"application\/jsonl?": unknown/);
    expect(document).toEqual(before);
  });

  it("gives back the document itself when nothing needs writing out", () => {
    const plain = {
      ...document,
      paths: { "/x": { get: { responses: { "200": { description: "ok" } } } } },
      components: {},
    };
    expect(withItemSchemas(plain)).toBe(plain);
  });
});

describe("a $ref into the middle of an itemSchema", () => {
  it("is hoisted to a component like any schema keyword, so schema.ts never indexes an itemSchema", () => {
    const at = "#/paths/~1a/get/responses/200/content/application~1jsonl/itemSchema";
    const lines = (itemSchema: unknown) => ({
      get: { responses: { "200": { description: "ok", content: { "application/jsonl": { itemSchema } } } } },
    });
    const doc = {
      openapi: "3.2.0",
      info: { title: "t", version: "1" },
      paths: {
        "/a": lines(tick),
        "/b": lines({ $ref: at }),
        "/c": lines({
          properties: { nested: { contentMediaType: "application/json", contentSchema: tick } },
        }),
        "/d": lines({
          $ref: "#/paths/~1c/get/responses/200/content/application~1jsonl/itemSchema/properties/nested/contentSchema",
        }),
      },
    };
    hoistDeepRefs(doc);
    const text = squeezed(schemaTypes(doc, "t.json").text);
    expect(text).not.toMatch(/\["itemSchema"\]|\["contentSchema"\]/);
    expect(text.match(/"application\/jsonl": components\["schemas"\]\["[^"]+"\]/g)).toHaveLength(3);
  });
});
