// OpenAPI 3.2 documents load (they were refused as an unknown version), multi-file ones bundle
// with their itemSchema $refs, and each 3.2 feature the client does not carry is a warning that
// says what was left out, at its place in the file, instead of a crash or a silent omission.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, test } from "vitest";
import { loadSpec } from "../../src/parse/load.js";
import { parseApi } from "../../src/parse/index.js";
import type { TestCase } from "./given-want.js";

const dir = mkdtempSync(path.join(tmpdir(), "faultline-oas32-"));
const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/good/anthropic-messages-stream-3.2.yaml");
const ok = { "200": { description: "ok" } };
const tick = { type: "object", properties: { n: { type: "integer" } } };

function write(name: string, document: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(document, null, 2));
  return file;
}

const doc32 = (paths: Record<string, unknown>) => ({ openapi: "3.2.0", info: { title: "t", version: "1" }, paths });

describe("OpenAPI 3.2 documents", () => {
  it("load, with no warnings when they use only what the client carries", async () => {
    const loaded = await loadSpec(FIXTURE);
    expect(loaded.document.openapi).toBe("3.2.0");
    expect(loaded.warnings).toEqual([]);
  });

  it("bundle $refs to other files inside an itemSchema and its contentSchema", async () => {
    writeFileSync(path.join(dir, "tick.json"), JSON.stringify(tick));
    writeFileSync(
      path.join(dir, "events.json"),
      JSON.stringify({
        Event: {
          properties: {
            event: { const: "tick" },
            data: { contentMediaType: "application/json", contentSchema: { $ref: "./tick.json" } },
          },
        },
      }),
    );
    const file = write(
      "multi.json",
      doc32({
        "/events": {
          get: {
            responses: {
              "200": {
                description: "ok",
                content: { "text/event-stream": { itemSchema: { $ref: "./events.json#/Event" } } },
              },
            },
          },
        },
      }),
    );
    const loaded = await loadSpec(file);
    expect(loaded.warnings).toEqual([]);
    expect(JSON.stringify(loaded.document)).not.toContain(".json");
    const media = parseApi(loaded.document, file).operations[0]!.successes[0]!.media[0]!;
    expect(media).toMatchObject({ stream: "events", itemSchema: true, jsonEvents: true });
  });
});

describe("OpenAPI 3.2 features left out: a warning each", () => {
  const sse = (itemSchema: unknown) => ({ description: "ok", content: { "text/event-stream": { itemSchema } } });
  const tests: TestCase<
    Record<string, unknown>,
    { pointer: string; problem: RegExp; did: RegExp; operations: number }
  >[] = [
    [
      "the QUERY method",
      {
        given: { "/search": { get: { responses: ok }, query: { responses: ok } } },
        want: {
          pointer: "/paths/~1search/query",
          problem: /QUERY method/,
          did: /left this operation out/,
          operations: 1,
        },
      },
    ],
    [
      "additionalOperations",
      {
        given: { "/doc": { additionalOperations: { COPY: { responses: ok } } } },
        want: {
          pointer: "/paths/~1doc/additionalOperations/COPY",
          problem: /COPY method/,
          did: /left this operation out/,
          operations: 0,
        },
      },
    ],
    [
      "an `in: querystring` parameter",
      {
        given: {
          "/x": {
            get: {
              parameters: [{ name: "q", in: "querystring", content: { "application/x-www-form-urlencoded": {} } }],
              responses: ok,
            },
          },
        },
        want: {
          pointer: "/paths/~1x/get/parameters/0/in",
          problem: /querystring/,
          did: /left this parameter out/,
          operations: 1,
        },
      },
    ],
    [
      "itemEncoding (streamed multipart)",
      {
        given: {
          "/x": {
            post: {
              requestBody: { content: { "multipart/mixed": { itemEncoding: { contentType: "image/png" } } } },
              responses: ok,
            },
          },
        },
        want: {
          pointer: "/paths/~1x/post/requestBody/content/multipart~1mixed/itemEncoding",
          problem: /itemEncoding/,
          did: /read whole/,
          operations: 1,
        },
      },
    ],
    [
      "JSON event data no event name tells apart from text data",
      {
        given: {
          "/x": {
            get: {
              responses: {
                "200": sse({
                  oneOf: [
                    { properties: { data: { contentMediaType: "application/json", contentSchema: tick } } },
                    { properties: { event: { const: "note" }, data: { type: "string" } } },
                  ],
                }),
              },
            },
          },
        },
        want: {
          pointer: "/paths/~1x/get/responses/200/content/text~1event-stream/itemSchema",
          problem: /cannot tell/,
          did: /string sent/,
          operations: 1,
        },
      },
    ],
    [
      "an itemSchema with more event variants than faultline reads",
      {
        given: {
          "/x": {
            get: {
              responses: {
                "200": sse({
                  oneOf: Array.from({ length: 101 }, (_, i) => ({
                    properties: { event: { const: `e${i}` }, data: { contentMediaType: "application/json" } },
                  })),
                }),
              },
            },
          },
        },
        want: {
          pointer: "/paths/~1x/get/responses/200/content/text~1event-stream/itemSchema",
          problem: /more event variants/,
          did: /as sent/,
          operations: 1,
        },
      },
    ],
    [
      "an itemSchema on a body faultline does not read as a stream",
      {
        given: {
          "/x": {
            get: { responses: { "200": { description: "ok", content: { "application/json": { itemSchema: tick } } } } },
          },
        },
        want: {
          pointer: "/paths/~1x/get/responses/200/content/application~1json/itemSchema",
          problem: /not read as a stream/,
          did: /typed by its `schema`/,
          operations: 1,
        },
      },
    ],
  ];
  test.each(tests)("%s", async (name, { given, want }) => {
    const file = write(`${name.replace(/\W+/g, "-")}.json`, doc32(given));
    const loaded = await loadSpec(file);
    expect(loaded.warnings).toHaveLength(1);
    const [warning] = loaded.warnings;
    expect(warning).toMatchObject({
      file,
      pointer: want.pointer,
      line: expect.any(Number),
      column: expect.any(Number),
    });
    expect(warning!.problem).toMatch(want.problem);
    expect(warning!.did).toMatch(want.did);
    expect(warning!.fix.length).toBeGreaterThan(0);
    expect(parseApi(loaded.document, file).operations).toHaveLength(want.operations);
  });
});
