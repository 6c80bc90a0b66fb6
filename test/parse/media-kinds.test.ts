// Which bodies stream and which are files is a rule by media-type family, not a list of the
// spellings one spec used: the IR marks them, and the Input marks multipart file fields.
import { describe, expect, it } from "vitest";
import { parseApi } from "../../src/parse/index.js";

function op(responses: Record<string, unknown>, requestContent?: Record<string, unknown>) {
  const doc = {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/x": {
        post: {
          operationId: "x",
          ...(requestContent ? { requestBody: { content: requestContent } } : {}),
          responses: { "200": { description: "OK", content: responses } },
        },
      },
    },
  };
  return parseApi(doc, "spec.yaml").operations[0]!;
}
const kinds = (content: Record<string, unknown>) =>
  op(content).successes[0]!.media.map((m) => [m.contentType, m.stream ?? null, m.binary ?? null]);

describe("success media", () => {
  it("SSE with an object schema streams JSON; without one (or a string schema) it streams raw events", () => {
    expect(
      kinds({
        "text/event-stream": { schema: { type: "object", properties: { id: { type: "string" } } } },
      }),
    ).toEqual([["text/event-stream", "json", null]]);
    expect(kinds({ "text/event-stream": { schema: { type: "string" } } })).toEqual([
      ["text/event-stream", "events", null],
    ]);
    expect(kinds({ "text/event-stream; charset=utf-8": {} })).toEqual([
      ["text/event-stream; charset=utf-8", "events", null],
    ]);
  });

  it("JSON lines in every spelling stream JSON", () => {
    const types = ["application/jsonl", "application/x-ndjson", "application/json-seq", "application/x-jsonlines"];
    expect(kinds(Object.fromEntries(types.map((t) => [t, {}]))).map((k) => k[1])).toEqual([
      "json",
      "json",
      "json",
      "json",
    ]);
  });

  it("files by family, or by a binary string schema; JSON, XML and text are not files", () => {
    const content = {
      "application/octet-stream": {},
      "image/webp": {},
      "audio/mpeg": {},
      "application/pdf": {},
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {},
      "application/x-custom": { schema: { type: "string", format: "binary" } },
      "application/x-media": { schema: { type: "string", contentMediaType: "video/mp4" } },
      "application/json": {},
      "application/vnd.api+json": {},
      "image/svg+xml": {},
      "text/csv": {},
      "application/x-encoded": { schema: { type: "string", contentMediaType: "image/png", contentEncoding: "base64" } },
    };
    const files = kinds(content)
      .filter((k) => k[2])
      .map((k) => k[0]);
    expect(files).toEqual([
      "application/octet-stream",
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/x-custom",
      "application/x-media",
      "audio/mpeg",
      "image/webp",
    ]);
  });
});

describe("multipart file fields", () => {
  it("names the top-level binary properties, arrays of them and those behind $ref/allOf", () => {
    const schema = {
      allOf: [
        { type: "object", properties: { file: { type: "string", format: "binary" }, purpose: { type: "string" } } },
        {
          type: "object",
          properties: {
            images: { type: "array", items: { type: "string", format: "binary" } },
            meta: { type: "object" },
          },
        },
      ],
    };
    const x = op({ "application/json": {} }, { "multipart/form-data": { schema }, "application/json": {} });
    expect(x.requestBody?.binaryFields).toEqual({ "multipart/form-data": ["file", "images"] });
  });
});
