// A mocked success that streams must arrive framed as the client reads it: one server-sent event
// (`event:`/`data:` lines and a blank line) or one JSON line, built from an item of the stream
// (the 3.2 itemSchema's item, else the media's schema). Unframed, the client's SSE reader would
// find no event in the sample at all.
import { deref, type Doc, type Node } from "../../parse/document.js";
import { streamItems } from "../../parse/media-kinds.js";
import { sampleValue } from "./sample-value.js";

const text = (value: unknown) => (typeof value === "string" ? value : (JSON.stringify(value) ?? ""));

/** One SSE event; data spanning lines is sent as one data line per line, as SSE requires. */
function sseEvent(event: unknown, data: unknown): string {
  const name = typeof event === "string" && event ? `event: ${event.replace(/[\r\n]/g, " ")}\n` : "";
  return `${name}${text(data)
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join("")}\n`;
}

/**
 * The streamed body for a sample of one item of a media that streams (`kind`: media-kinds.ts
 * streamKind). An example that is already text is taken as the stream as sent.
 */
export function streamBody(
  doc: Doc,
  contentType: string,
  media: Node,
  kind: "events" | "json",
  example?: unknown,
): string {
  if (typeof example === "string") return example;
  const items = streamItems(doc, contentType, media);
  const item = example ?? sampleValue(doc, items?.schema ?? deref(doc, media.schema));
  if (!/event-stream/i.test(contentType)) return `${text(item)}\n`;
  // With an SSE itemSchema the item is the event object { event, data, id }; else it is the data.
  if (kind === "json" || !items) return sseEvent(undefined, item);
  const event = (item ?? {}) as { event?: unknown; data?: unknown };
  return sseEvent(event.event, event.data ?? "");
}
