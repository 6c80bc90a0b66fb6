// Bodies that are not one JSON document: event streams (text/event-stream, JSON lines) and files.
// The media type decides, as a family rule, so that a spec's exact spelling (x-ndjson, jsonl,
// image/webp, application/pdf) does not matter; a schema of format: binary marks a file too.
import { deref, isNode, type Doc, type Node } from "./document.js";
import { objectVariants } from "./schema-shapes.js";
import { describesDataOnly, sseItems, type SseItems } from "./stream-items.js";

const base = (contentType: string) => contentType.split(";")[0]!.trim().toLowerCase();

/** JSON lines in any of their spellings; every line one JSON value. */
const JSON_LINES = /^application\/(x-)?(jsonl|ndjson|json-seq|jsonlines|x-jsonlines)$/;

/**
 * How a success body streams: "events" yields server-sent events ({ event, data, id }, data as
 * sent or, where an itemSchema declares it JSON, parsed: streamItems), "json" the parsed JSON of
 * each event (an SSE stream whose schema is an object, or JSON lines).
 */
export function streamKind(doc: Doc, contentType: string, media: Node): "events" | "json" | undefined {
  const type = base(contentType);
  if (JSON_LINES.test(type)) return "json";
  if (type !== "text/event-stream") return undefined;
  if (media.itemSchema !== undefined) return describesDataOnly(doc, media.itemSchema) ? "json" : "events";
  const schema = deref(doc, media.schema);
  if (!schema || schema.type === "string") return "events";
  return "json";
}

/**
 * The item type of a stream with an OpenAPI 3.2 itemSchema, as openapi-typescript is to type it
 * (emit/schema/item-schemas.ts): a JSON line's value, or an event object (stream-items.ts).
 * Undefined for a body that does not stream or has no itemSchema.
 */
export function streamItems(doc: Doc, contentType: string, media: Node): SseItems | undefined {
  if (media.itemSchema === undefined) return undefined;
  const kind = streamKind(doc, contentType, media);
  if (kind === "json")
    return isNode(media.itemSchema) ? { jsonEvents: undefined, schema: media.itemSchema, undecided: [] } : undefined;
  return kind === "events" ? sseItems(doc, media.itemSchema) : undefined;
}

/** A file, not text: images, audio, video, fonts, archives, PDFs, octet streams, vendor binaries. */
export function isBinaryMedia(contentType: string, schema?: Node): boolean {
  const type = base(contentType);
  // By suffix or subtype, not substring: spreadsheetml is a file, vnd.api+json is not.
  if (/[+/](x-)?(json|xml|yaml)$|^text\//.test(type)) return false;
  if (/^(image|audio|video|font|model)\//.test(type)) return true;
  if (
    /^application\/(octet-stream|pdf|zip|gzip|x-gzip|x-tar|x-bzip2?|x-7z-compressed|x-rar-compressed|wasm|msword|x-protobuf|protobuf|x-msgpack|msgpack|cbor|vnd\..+)$/.test(
      type,
    )
  )
    return true;
  return schema !== undefined && isBinarySchema(schema);
}

/** format: binary (3.0), or a string with a contentMediaType and no contentEncoding (3.1). */
function isBinarySchema(schema: Node): boolean {
  return (
    schema.type === "string" &&
    (schema.format === "binary" ||
      (typeof schema.contentMediaType === "string" && schema.contentEncoding === undefined))
  );
}

/** The top-level properties of a multipart body that carry files (or arrays of files), sorted. */
export function binaryFields(doc: Doc, schema: unknown): string[] {
  const names = new Set<string>();
  for (const variant of objectVariants(doc, schema)) {
    for (const [name, property] of Object.entries(variant)) {
      const node = deref(doc, property);
      const item = node?.type === "array" ? deref(doc, node.items) : node;
      if (item && isNode(item) && isBinarySchema(item)) names.add(name);
    }
  }
  return [...names].sort();
}
