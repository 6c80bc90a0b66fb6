// OpenAPI 3.2's itemSchema types one item of a sequential body. For JSON lines the item is the
// JSON value of a line. For text/event-stream it is the event object { event, data, id, retry },
// often a oneOf of variants told apart by `event: { const }`, whose `data` string may be declared
// JSON (contentMediaType: application/json, contentSchema: the value inside). This reads such an
// itemSchema into what the runtime needs (which events carry JSON data) and into the schema
// openapi-typescript types the items by, so both say the same thing about every event.
import { deref, isNode, type Doc, type Node } from "./document.js";

/**
 * Schemas can be circular, a union of unions multiplies, and a spec is untrusted: an itemSchema
 * past these bounds is not read in part (a type missing variants would be wrong), but not at all.
 */
const MAX_DEPTH = 8;
const MAX_VARIANTS = 100;
const MAX_VISITS = 2_000;

/** Thrown inside `variants` only, when an itemSchema is past the bounds. */
class TooBig extends Error {}

interface Variant {
  /** Raw property schemas ($refs kept, so schema.ts keeps naming the components). */
  properties: Record<string, unknown>;
  required: Set<string>;
}

export interface SseItems {
  /** The events whose data the runtime parses as JSON: true for every event. */
  jsonEvents: true | string[] | undefined;
  /** The item type for openapi-typescript, true to the runtime: data parsed where declared JSON, else a string. */
  schema: Node;
  /** JSON data the runtime cannot tell apart by event name: yielded (and typed) as the string it is. */
  undecided: string[];
  /** Past the bounds above: typed as raw events. */
  tooBig?: true;
}

/** The event as sent, when the itemSchema cannot be read: what an SSE stream without one yields. */
const RAW_EVENT: Node = {
  type: "object",
  properties: { event: { type: "string" }, data: { type: "string" }, id: { type: "string" } },
  required: ["data"],
};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

function merged(a: Variant, b: Variant): Variant {
  return { properties: { ...a.properties, ...b.properties }, required: new Set([...a.required, ...b.required]) };
}

/** Each object shape the schema allows: allOf merged in, oneOf/anyOf branches each a variant. */
function variants(doc: Doc, schema: unknown, budget: { visits: number }, depth = 0): Variant[] {
  const node = deref(doc, schema);
  if (node === undefined) return [];
  if (depth > MAX_DEPTH || --budget.visits < 0) throw new TooBig();
  let bases: Variant[] = [
    { properties: isNode(node.properties) ? { ...node.properties } : {}, required: new Set(strings(node.required)) },
  ];
  for (const member of Array.isArray(node.allOf) ? node.allOf : []) {
    const parts = variants(doc, member, budget, depth + 1);
    if (parts.length > 0) bases = product(bases, parts);
  }
  const branches = [node.oneOf, node.anyOf].flatMap((list): unknown[] => (Array.isArray(list) ? list : []));
  if (branches.length === 0) return bases;
  const alternatives: Variant[] = [];
  for (const branch of branches) {
    alternatives.push(...variants(doc, branch, budget, depth + 1));
    if (alternatives.length > MAX_VARIANTS) throw new TooBig();
  }
  return product(bases, alternatives);
}

function product(a: Variant[], b: Variant[]): Variant[] {
  if (a.length * b.length > MAX_VARIANTS) throw new TooBig();
  return a.flatMap((x) => b.map((y) => merged(x, y)));
}

/** The event names a variant admits (its `event`'s const or enum); undefined when it admits any. */
function eventNames(doc: Doc, variant: Variant): string[] | undefined {
  const event = deref(doc, variant.properties.event);
  if (typeof event?.const === "string") return [event.const];
  const names = strings(event?.enum);
  return names.length > 0 && names.length === (event?.enum as unknown[]).length ? names : undefined;
}

/** `data` holds JSON text: a JSON contentMediaType, or a contentSchema with no media type. */
function jsonData(doc: Doc, variant: Variant): Node | undefined {
  const data = deref(doc, variant.properties.data);
  if (!data) return undefined;
  const media = data.contentMediaType;
  const json =
    typeof media === "string" ? /^application\/([\w.-]+\+)?json\b/i.test(media) : data.contentSchema !== undefined;
  return json ? data : undefined;
}

/** An event object as the runtime yields it: event and id as sent, data a string or its parsed JSON. */
function itemVariant(doc: Doc, variant: Variant, data: unknown): Node {
  const p = variant.properties;
  const asString = (raw: unknown) => (deref(doc, raw)?.type === "string" ? raw : { type: "string" });
  const properties: Node = { ...(p.event === undefined ? {} : { event: p.event }), data };
  if (p.id !== undefined) properties.id = asString(p.id);
  // The runtime never yields retry (it does not reconnect) nor fields SSE does not have.
  const required = ["event", "id"].filter((name) => variant.required.has(name) && name in properties);
  return { type: "object", properties, required: [...required, "data"].sort() };
}

/** Every variant of an itemSchema; undefined past the bounds. */
function allVariants(doc: Doc, itemSchema: unknown): Variant[] | undefined {
  try {
    return variants(doc, itemSchema, { visits: MAX_VISITS });
  } catch (error) {
    if (error instanceof TooBig) return undefined;
    throw error;
  }
}

/**
 * Does an SSE itemSchema describe the data's JSON rather than the event object (no variant has
 * `event` or `data`, some have properties)? A common reading of it; typed as an SSE `schema` is.
 */
export function describesDataOnly(doc: Doc, itemSchema: unknown): boolean {
  const all = allVariants(doc, itemSchema);
  if (!all?.some((v) => Object.keys(v.properties).length > 0)) return false;
  return all.every((v) => v.properties.event === undefined && v.properties.data === undefined);
}

/** Undefined when the itemSchema describes no object: the stream is then typed as raw events. */
export function sseItems(doc: Doc, itemSchema: unknown): SseItems | undefined {
  const read = allVariants(doc, itemSchema);
  if (read === undefined) return { jsonEvents: undefined, schema: RAW_EVENT, undecided: [], tooBig: true };
  // An `event: error` ends the stream with a classified error (runtime stream.ts): never an item.
  const all = read.filter((v) => eventNames(doc, v)?.join() !== "error");
  if (all.length === 0) return undefined;
  const json = all.map((v) => jsonData(doc, v));
  const names = all.map((v) => eventNames(doc, v));
  const undecided: string[] = [];
  // Events of the JSON variants whose names no text variant shares: the runtime knows them by name.
  const found = new Set<string>();
  const everyJson = json.every(Boolean);
  if (!everyJson) {
    const stringNames = new Set(names.flatMap((n, i) => (json[i] ? [] : (n ?? []))));
    names.forEach((n, i) => {
      if (!json[i]) return;
      const clash = (n ?? []).filter((name) => stringNames.has(name));
      if (n === undefined) undecided.push("a variant with JSON data and no `event` const");
      else if (clash.length > 0)
        undecided.push(`event ${clash.map((c) => JSON.stringify(c)).join(", ")}, declared both JSON and text`);
      else for (const name of n) found.add(name);
    });
  }
  const jsonEvents = everyJson ? true : found.size > 0 ? [...found].sort() : undefined;
  const parsed = (i: number) => json[i] !== undefined && (everyJson || (names[i]?.every((n) => found.has(n)) ?? false));
  const items = all.map((v, i) => {
    const raw = v.properties.data;
    const data = parsed(i)
      ? (json[i]!.contentSchema ?? {})
      : deref(doc, raw)?.type === "string"
        ? raw
        : { type: "string" };
    return itemVariant(doc, v, data);
  });
  return { jsonEvents, schema: items.length === 1 ? items[0]! : { oneOf: items }, undecided: [...new Set(undecided)] };
}
