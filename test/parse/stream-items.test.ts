// OpenAPI 3.2 itemSchema (Media Type Object): how a stream's items are read and typed. JSON lines
// items are the itemSchema; a text/event-stream item is an event object whose `data` is parsed
// where the itemSchema declares it JSON, told apart by event name. Rows go through parseApi; the
// item schemas openapi-typescript is given go through streamItems.
import { describe, expect, test } from "vitest";
import { streamItems } from "../../src/parse/media-kinds.js";
import { expectFields, onlyOperation, withResponses, type Spec, type TestCase } from "./given-want.js";

const str = { type: "string" };
const json = (contentSchema: unknown) => ({ contentMediaType: "application/json", contentSchema });
const variant = (event: unknown, data: unknown, more: Spec = {}) => ({ properties: { event, data, ...more } });
const named = (name: string, data: unknown) => variant({ const: name }, data);
const tick = { type: "object", properties: { n: { type: "integer" } } };

function media(content: Spec) {
  const root = { components: { schemas: { Tick: tick } } };
  return onlyOperation(withResponses({ "200": { description: "ok", content } }, root)).successes[0]!.media[0]!;
}

describe("itemSchema: how the runtime reads each item", () => {
  const tests: TestCase<Spec, Record<string, unknown>>[] = [
    [
      "JSON lines with an itemSchema: each line is an item of that type",
      {
        given: { "application/jsonl": { itemSchema: tick } },
        want: { stream: "json", itemSchema: true, jsonEvents: undefined },
      },
    ],
    [
      "x-ndjson spelled otherwise: the same",
      {
        given: { "application/x-ndjson": { itemSchema: { $ref: "#/components/schemas/Tick" } } },
        want: { stream: "json", itemSchema: true, jsonEvents: undefined },
      },
    ],
    [
      "SSE whose every event declares JSON data: every event's data is parsed",
      {
        given: { "text/event-stream": { itemSchema: { oneOf: [named("a", json(tick)), named("b", json(str))] } } },
        want: { stream: "events", itemSchema: true, jsonEvents: true },
      },
    ],
    [
      "SSE with JSON and text events: JSON data is parsed for the events named so",
      {
        given: {
          "text/event-stream": {
            itemSchema: {
              oneOf: [named("tick", json(tick)), variant({ enum: ["x", "y"] }, json(tick)), named("note", str)],
            },
          },
        },
        want: { stream: "events", itemSchema: true, jsonEvents: ["tick", "x", "y"] },
      },
    ],
    [
      "the OpenAPI 3.2 specification's own SSE example: JSON for addJson, text for addString and base64url addBinary",
      {
        given: {
          "text/event-stream": {
            itemSchema: {
              type: "object",
              properties: { event: str, data: str, retry: { type: "integer", minimum: 0 }, id: str },
              required: ["data"],
              oneOf: [
                { properties: { event: { const: "addString" } } },
                {
                  properties: {
                    event: { const: "addJson" },
                    data: json({ type: "object", properties: { foo: { type: "integer" } } }),
                  },
                },
                { properties: { event: { const: "addBinary" }, data: { contentEncoding: "base64url" } } },
              ],
            },
          },
        },
        want: { stream: "events", itemSchema: true, jsonEvents: ["addJson"] },
      },
    ],
    [
      "an SSE itemSchema with neither `event` nor `data` describes the data's JSON: each event's parsed data",
      {
        given: { "text/event-stream": { itemSchema: { $ref: "#/components/schemas/Tick" } } },
        want: { stream: "json", itemSchema: true, jsonEvents: undefined },
      },
    ],
    [
      "an SSE itemSchema with no properties at all (a string) stays raw events, data as sent",
      {
        given: { "text/event-stream": { itemSchema: str } },
        want: { stream: "events", itemSchema: true, jsonEvents: undefined },
      },
    ],
    [
      "SSE with text data only: events typed, data left as sent",
      {
        given: { "text/event-stream": { itemSchema: { type: "object", properties: { event: str, data: str } } } },
        want: { stream: "events", itemSchema: true, jsonEvents: undefined },
      },
    ],
    [
      "a contentSchema without a contentMediaType is JSON; a non-JSON contentMediaType is not",
      {
        given: {
          "text/event-stream": {
            itemSchema: {
              oneOf: [
                named("a", { contentSchema: tick }),
                named("b", { contentMediaType: "text/csv", contentSchema: str }),
              ],
            },
          },
        },
        want: { stream: "events", itemSchema: true, jsonEvents: ["a"] },
      },
    ],
    [
      "variants composed with allOf under a base declaring text data: the variant's data wins",
      {
        given: {
          "text/event-stream": {
            itemSchema: {
              type: "object",
              properties: { event: str, data: str },
              oneOf: [
                { allOf: [{ properties: { event: { const: "a" } } }, { properties: { data: json(tick) } }] },
                named("b", str),
              ],
            },
          },
        },
        want: { stream: "events", itemSchema: true, jsonEvents: ["a"] },
      },
    ],
    [
      "JSON data on a variant no event name picks out, beside text events: left as text",
      {
        given: { "text/event-stream": { itemSchema: { oneOf: [variant(str, json(tick)), named("b", str)] } } },
        want: { stream: "events", itemSchema: true, jsonEvents: undefined },
      },
    ],
    [
      "an itemSchema past the bounds (over 100 variants) is not read in part: raw events",
      {
        given: {
          "text/event-stream": {
            itemSchema: { oneOf: Array.from({ length: 101 }, (_, i) => named(`e${i}`, json(tick))) },
          },
        },
        want: { stream: "events", itemSchema: true, jsonEvents: undefined },
      },
    ],
    [
      "an SSE schema (not itemSchema) is typed as today",
      {
        given: { "text/event-stream": { schema: tick } },
        want: { stream: "json", itemSchema: undefined, jsonEvents: undefined },
      },
    ],
    [
      "itemSchema on a body faultline does not stream: no stream",
      {
        given: { "multipart/mixed": { itemSchema: tick } },
        want: { stream: undefined, itemSchema: undefined },
      },
    ],
  ];
  test.each(tests)("%s", (_, { given, want }) => {
    expectFields(media(given), want);
  });
});

describe("itemSchema: the item type openapi-typescript is given", () => {
  const doc = { root: { components: { schemas: { Tick: tick } } }, file: "given.yaml" };
  const tests: TestCase<[string, Spec], unknown>[] = [
    ["JSON lines: the itemSchema itself", { given: ["application/jsonl", { itemSchema: tick }], want: tick }],
    [
      "SSE whose itemSchema is the data's JSON: the itemSchema itself",
      { given: ["text/event-stream", { itemSchema: tick }], want: tick },
    ],
    [
      "SSE: data its contentSchema where parsed, else a string; data always present; retry and other fields dropped",
      {
        given: [
          "text/event-stream",
          {
            itemSchema: {
              required: ["event", "retry"],
              properties: { retry: { type: "integer" }, id: { type: "integer" }, extra: str },
              oneOf: [named("tick", json({ $ref: "#/components/schemas/Tick" })), named("note", { type: "integer" })],
            },
          },
        ],
        want: {
          oneOf: [
            {
              type: "object",
              properties: { event: { const: "tick" }, data: { $ref: "#/components/schemas/Tick" }, id: str },
              required: ["data", "event"],
            },
            {
              type: "object",
              properties: { event: { const: "note" }, data: str, id: str },
              required: ["data", "event"],
            },
          ],
        },
      },
    ],
    [
      "SSE: a union of unions past the bounds is the raw event, not some of its variants",
      {
        given: [
          "text/event-stream",
          {
            itemSchema: {
              oneOf: Array.from({ length: 40 }, (_, i) => ({
                oneOf: Array.from({ length: 40 }, (_, j) => named(`e${i}-${j}`, json(tick))),
              })),
            },
          },
        ],
        want: {
          type: "object",
          properties: { event: str, data: str, id: str },
          required: ["data"],
        },
      },
    ],
    [
      "SSE: an `event: error` variant is never an item (the stream ends with it as its error)",
      {
        given: [
          "text/event-stream",
          { itemSchema: { oneOf: [named("tick", json(tick)), named("error", json(tick))] } },
        ],
        want: { type: "object", properties: { event: { const: "tick" }, data: tick }, required: ["data"] },
      },
    ],
  ];
  test.each(tests)("%s", (_, { given: [contentType, mediaObject], want }) => {
    expect(streamItems(doc, contentType, mediaObject)?.schema).toEqual(want);
  });
});
