// Real specs are messy. Each case below is a small spec with one feature that broke, or could
// break, generation or compilation; every output must compile under a strict tsc, and each case
// checks what the client says about the feature.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { compileAll, generateCase, json, oneOperation, workDir, type GeneratedCase, type SpecCase } from "./support.js";

const problem = { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } };

const cases: SpecCase[] = [
  {
    name: "circular-schemas",
    files: {
      "spec.json": oneOperation(
        { "200": json({ $ref: "#/components/schemas/Node" }), "400": json({ $ref: "#/components/schemas/Problem" }) },
        {
          schemas: {
            Node: {
              type: "object",
              properties: {
                children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
                parent: { $ref: "#/components/schemas/Node" },
              },
            },
            Problem: {
              allOf: [
                problem,
                {
                  type: "object",
                  properties: {
                    cause: { $ref: "#/components/schemas/Problem" },
                    related: { oneOf: [{ $ref: "#/components/schemas/Problem" }, { type: "string" }] },
                  },
                },
              ],
            },
          },
        },
      ),
    },
  },
  {
    name: "union-error-bodies",
    files: {
      "spec.json": oneOperation({
        "200": json({ type: "string" }),
        "400": json({
          oneOf: [
            { type: "object", properties: { error: { type: "string" } } },
            { type: "object", properties: { error: problem } },
          ],
          discriminator: { propertyName: "kind" },
        }),
        "409": json({ anyOf: [problem, { type: "object", properties: { detail: { type: "string" } } }] }),
      }),
    },
  },
  {
    name: "any-media-type",
    files: {
      "spec.json": oneOperation({
        "200": { description: "ok", content: { "*/*": { schema: { type: "string" } } } },
        "500": { description: "boom", content: { "*/*": { schema: problem } } },
      }),
    },
  },
  {
    name: "xml-text-and-problem-bodies",
    files: {
      "spec.json": oneOperation({
        "200": {
          description: "ok",
          content: { "application/xml": { schema: { type: "object", xml: { name: "thing" } } } },
        },
        "400": {
          description: "xml",
          content: {
            "text/xml": {
              schema: { type: "object", properties: { code: { type: "string" } }, xml: { name: "error" } },
            },
          },
        },
        "422": {
          description: "problem",
          content: {
            "application/problem+json": {
              schema: {
                type: "object",
                properties: { type: { type: "string" }, title: { type: "string" }, detail: { type: "string" } },
              },
            },
          },
        },
        "503": {
          description: "text or json",
          content: {
            "text/plain": { schema: { type: "string" } },
            "application/json; charset=utf-8": { schema: problem },
          },
        },
      }),
    },
  },
  {
    name: "non-standard-statuses",
    files: {
      "spec.json": oneOperation({
        "200": { description: "ok" },
        "420": { description: "enhance your calm" },
        "499": { description: "client closed" },
        "520": json(problem),
        "599": { description: "timeout" },
      }),
    },
  },
  {
    name: "range-keys",
    files: {
      "spec.json": oneOperation({
        "2XX": json({ type: "string" }),
        "4xx": json(problem),
        "5XX": { description: "server" },
        "404": { description: "missing" },
      }),
    },
  },
  {
    name: "key-spelling",
    files: { "spec.json": oneOperation({ "2xx": json({ type: "string" }), DEFAULT: json(problem) }) },
  },
  {
    name: "default-only-errors",
    files: { "spec.json": oneOperation({ "200": json({ type: "string" }), default: json(problem) }) },
  },
  {
    name: "no-error-responses",
    files: { "spec.json": oneOperation({ "204": { description: "done" } }) },
  },
  {
    name: "no-operations",
    files: {
      "spec.json": {
        openapi: "3.1.0",
        info: { title: "Webhooks only", version: "1" },
        paths: {},
        webhooks: { ping: { post: { responses: { "200": { description: "ok" } } } } },
      },
    },
  },
  {
    name: "refs-into-the-middle",
    files: {
      "spec.json": {
        openapi: "3.0.3",
        info: { title: "Bundled by a tool that reuses the first occurrence", version: "1" },
        paths: {
          "/a/{id}": {
            get: {
              operationId: "getA",
              parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
              responses: {
                "200": json({
                  type: "object",
                  properties: {
                    items: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } },
                  },
                }),
                "401": json({ type: "object", properties: { code: { type: "string" }, message: { type: "string" } } }),
              },
            },
          },
          "/b/{id}": {
            get: {
              operationId: "getB",
              parameters: [{ $ref: "#/paths/~1a~1%7Bid%7D/get/parameters/0" }],
              responses: {
                "200": json({
                  $ref: "#/paths/~1a~1%7Bid%7D/get/responses/200/content/application~1json/schema/properties/items/items",
                }),
                "401": { $ref: "#/paths/~1a~1%7Bid%7D/get/responses/401" },
                "403": json({ $ref: "#/paths/~1a~1%7Bid%7D/get/responses/401/content/application~1json/schema" }),
                "404": json({ $ref: "#/components/schemas/Holder/definitions/missing" }),
              },
            },
          },
        },
        components: {
          schemas: {
            Holder: {
              type: "object",
              definitions: { missing: { type: "object", properties: { reason: { type: "string" } } } },
            },
          },
        },
      },
    },
  },
  {
    name: "refs-into-optional-properties",
    files: {
      "spec.json": oneOperation(
        {
          "200": json({ allOf: [{ $ref: "#/components/schemas/Device/properties/entity" }], required: ["id", "type"] }),
          "400": json({ $ref: "#/components/schemas/Wrapper/properties/error/properties/detail" }),
        },
        {
          schemas: {
            Device: {
              type: "object",
              properties: {
                entity: { type: "object", properties: { id: { type: "integer" }, type: { type: "string" } } },
              },
            },
            Wrapper: {
              type: "object",
              properties: {
                error: {
                  type: "object",
                  properties: {
                    detail: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } },
                  },
                },
              },
            },
          },
        },
      ),
    },
  },
  {
    name: "required-on-a-nullable-base",
    files: {
      "spec.json": oneOperation(
        {
          "200": { description: "ok" },
          "400": json({
            allOf: [
              { $ref: "#/components/schemas/PlaidError" },
              { type: "object", properties: { item_id: { type: "string" } } },
            ],
            required: ["error_code", "item_id"],
          }),
        },
        {
          schemas: {
            PlaidError: {
              type: "object",
              nullable: true,
              properties: { error_code: { type: "string" }, error_message: { type: "string" } },
            },
          },
        },
      ),
    },
  },
  {
    name: "discriminator-declared-twice",
    files: {
      "spec.json": oneOperation(
        { "200": json({ $ref: "#/components/schemas/Intent" }) },
        {
          schemas: {
            Intent: {
              type: "object",
              required: ["class"],
              properties: { class: { type: "string" } },
              discriminator: { propertyName: "class", mapping: { Play: "#/components/schemas/PlayIntent" } },
            },
            // Both extend the base and declare the discriminator themselves; for the one missing from the
            // mapping, openapi-typescript prints `class` twice in one type literal (TS2300).
            PlayIntent: {
              type: "object",
              allOf: [{ $ref: "#/components/schemas/Intent" }],
              properties: { class: { type: "string", enum: ["Play"] }, track: { type: "string" } },
            },
            StopIntent: {
              type: "object",
              allOf: [{ $ref: "#/components/schemas/Intent" }],
              properties: { class: { type: "string", enum: ["StopIntent"] } },
            },
          },
        },
      ),
    },
  },
  {
    name: "names-that-are-not-identifiers",
    files: {
      "spec.json": {
        openapi: "3.0.3",
        info: { title: "Names", version: "1" },
        paths: {
          "/h5/{id}": {
            get: {
              operationId: "58acde292109180bdcacc40c",
              parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
              responses: { "200": { description: "ok" } },
            },
          },
          "/send": {
            post: { operationId: "send", responses: { "202": { description: "queued" }, "400": json(problem) } },
          },
        },
      },
    },
  },
  {
    name: "array-and-nullable-path-values",
    files: {
      "spec.json": {
        openapi: "3.0.3",
        info: { title: "Path values", version: "1" },
        paths: {
          "/codes/{codes}": {
            get: {
              operationId: "byCodes",
              parameters: [
                {
                  name: "codes",
                  in: "path",
                  required: true,
                  style: "simple",
                  schema: { type: "array", items: { type: "string" } },
                },
              ],
              responses: { "200": { description: "ok" } },
            },
          },
          "/boards/{boardId}": {
            delete: {
              operationId: "deleteBoard",
              parameters: [{ name: "boardId", in: "path", required: true, schema: { type: "string", nullable: true } }],
              responses: { "204": { description: "gone" } },
            },
          },
        },
      },
    },
  },
  {
    name: "openapi-3-1-types",
    files: {
      "spec.json": oneOperation(
        {
          "200": json({ type: ["string", "null"] }),
          "400": json({
            type: "object",
            properties: { code: { const: "bad_input" }, message: { type: ["string", "null"] } },
          }),
        },
        {},
        "3.1.0",
      ),
    },
  },
];

let root: string;
const generated = new Map<string, GeneratedCase>();

beforeAll(async () => {
  root = workDir("messy");
  for (const c of cases) generated.set(c.name, await generateCase(root, c));
  await compileAll(root, [...generated.values()]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (name: string) => generated.get(name)!;
const errorKeys = (name: string) => get(name).result.api.operations[0]!.errors.map((e) => e.key);

describe("messy specs generate a client that compiles", () => {
  it.each(cases.map((c) => c.name))("%s compiles under strict tsc", (name) => {
    expect(get(name).compileErrors).toEqual([]);
  });

  it("circular schemas: the envelope is found without following the cycle forever", () => {
    expect(get("circular-schemas").result.api.operations[0]!.errors[0]!.envelope.code).toEqual(["code"]);
  });

  it("oneOf/anyOf error bodies: every branch's envelope shape is seen, the body type is the schema's", () => {
    const errors = get("union-error-bodies").result.api.operations[0]!.errors;
    expect(errors[0]!.envelope.shapes).toEqual(expect.arrayContaining(["error-string", "error-object"]));
    expect(errors[1]!.envelope.shapes).toEqual(expect.arrayContaining(["flat-code", "fastapi-detail"]));
    expect(get("union-error-bodies").file("types.ts")).toContain(`["responses"]["409"]["content"]["application/json"]`);
  });

  it("*/* bodies are typed from their schema", () => {
    expect(get("any-media-type").file("types.ts")).toContain(`["responses"]["500"]["content"]["*/*"]`);
  });

  it("text/xml bodies are strings, problem+json bodies are the schema, mixed media are a union", () => {
    const types = get("xml-text-and-problem-bodies").file("types.ts");
    expect(types).toMatch(/rt\.HttpError<\s*400,\s*"400",[^>]*string \| undefined\s*>/);
    expect(types).toContain(`["responses"]["422"]["content"]["application/problem+json"]`);
    expect(types).toMatch(/\["responses"\]\["503"\]\["content"\]\["application\/json; charset=utf-8"\]\s*\|\s*string/);
    expect(get("xml-text-and-problem-bodies").result.api.operations[0]!.errors[1]!.envelope.shapes).toContain(
      "problem",
    );
  });

  it("non-standard status codes get exact variants", () => {
    expect(errorKeys("non-standard-statuses")).toEqual(["420", "499", "520", "599"]);
    expect(get("non-standard-statuses").file("types.ts")).toMatch(/rt\.HttpError<\s*499,\s*"499"/);
  });

  it("range keys: 2XX is a success of any 2xx status, 4XX/5XX are classified by the actual status", () => {
    expect(errorKeys("range-keys")).toEqual(["404", "4XX", "5XX"]);
    const { types, operations } = {
      types: get("range-keys").file("types.ts"),
      operations: get("range-keys").file("operations.ts"),
    };
    expect(types).toMatch(/rt\.Success<\s*number,/);
    expect(types).toMatch(/rt\.HttpError<\s*number,\s*"4XX",\s*string \| undefined,\s*rt\.Category,\s*rt\.Recovery/);
    expect(operations).toMatch(/"4XX": \{[^}]*dynamic: true/);
  });

  it("keys spelled in lower case are normalized for the runtime and kept as written to index schema.ts", () => {
    expect(errorKeys("key-spelling")).toEqual(["default"]);
    expect(get("key-spelling").file("types.ts")).toContain(`["responses"]["DEFAULT"]["content"]["application/json"]`);
    expect(get("key-spelling").file("types.ts")).toContain(`["responses"]["2xx"]["content"]["application/json"]`);
  });

  it("refs into paths, responses and non-standard keywords are moved to components and still typed", () => {
    const { loaded, file } = get("refs-into-the-middle");
    const components = loaded.document.components as Record<string, Record<string, unknown>>;
    expect(Object.keys(components.schemas!).sort()).toEqual([
      "Holder",
      "Holder_definitions_missing",
      "paths_a_id_get_responses_200_content_application_json_schema_properties_items_items",
      "paths_a_id_get_responses_401_content_application_json_schema",
    ]);
    expect(Object.keys(components.responses!)).toEqual(["paths_a_id_get_responses_401"]);
    expect(Object.keys(components.parameters!)).toEqual(["paths_a_id_get_parameters_0"]);
    expect(
      get("refs-into-the-middle")
        .result.api.operations.find((o) => o.name === "getB")!
        .errors.map((e) => e.envelope.code),
    ).toEqual([["code"], ["code"], undefined]);
    expect(file("schema.ts")).not.toMatch(/\["(?:definitions|schema)"\]/);
  });

  it("refs into optional properties are hoisted, so WithRequired and nested lookups see an object", () => {
    const schemas = Object.keys(
      (get("refs-into-optional-properties").loaded.document.components as Record<string, Record<string, unknown>>)
        .schemas!,
    );
    expect(schemas).toEqual(
      expect.arrayContaining(["Device_properties_entity", "Wrapper_properties_error_properties_detail"]),
    );
    expect(get("refs-into-optional-properties").result.api.operations[0]!.errors[0]!.envelope.code).toEqual(["code"]);
  });

  it("a discriminator property declared again by a subschema is printed once, as the literal", () => {
    const schema = get("discriminator-declared-twice").file("schema.ts");
    // StopIntent is not in the base's mapping: that is where the literal and its own declaration meet.
    const stopIntent = schema.slice(schema.indexOf("StopIntent:"), schema.indexOf("responses:"));
    expect(stopIntent.match(/\bclass\??:/g)).toEqual(["class:"]);
    expect(stopIntent).toContain(`class: "StopIntent"`);
  });

  it("operation ids that start with a digit or collide with runtime names still give valid, distinct type names", () => {
    const names = get("names-that-are-not-identifiers").result.api.operations.map((o) => o.name);
    expect(names).toEqual(["_58acde292109180bdcacc40c", "send2"]);
    expect(get("names-that-are-not-identifiers").file("types.ts")).toContain(
      "export interface _58acde292109180bdcacc40cInput",
    );
  });

  it("array and nullable path values are accepted by the runtime's request type", () => {
    expect(get("array-and-nullable-path-values").file("runtime/types.ts")).toContain(
      "readonly (string | number | boolean)[]",
    );
  });

  it("default-only errors: one variant for any status, no separate undocumented variant", () => {
    const types = get("default-only-errors").file("types.ts");
    expect(types).toMatch(/rt\.HttpError<\s*number,\s*"default"/);
    expect(types).not.toContain("rt.UndocumentedHttpError");
  });

  it("a spec without operations (webhooks only) still gives a client that compiles, with no methods", () => {
    expect(get("no-operations").result.api.operations).toEqual([]);
    // OperationName is keyof the by-name table: with an empty table, never.
    const operations = get("no-operations").file("operations.ts");
    expect(operations).toContain("export type OperationName = keyof typeof operations;");
    expect(operations).toMatch(/function byName\(\) \{\s*return \{\} as const;\s*\}/);
  });

  it("no error responses: failures are undocumented HTTP errors, network errors, timeouts and aborts", () => {
    expect(errorKeys("no-error-responses")).toEqual([]);
    expect(get("no-error-responses").file("types.ts")).toContain("rt.UndocumentedHttpError");
  });
});
