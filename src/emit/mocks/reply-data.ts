// What each mock reply sends, decided at generation time from the IR and the bundled document:
// bodies from the spec's examples (the one carrying the asked code first), else a minimal valid
// instance of the schema; the declared headers; the content type. Pure data, emitted into mocks.ts.
import type { ErrorResponseIR, OperationIR, SuccessResponseIR } from "../../ir.js";
import { deref, isNode, type Doc, type Node } from "../../parse/document.js";
import { decodePointerToken, pointerToken } from "../../pointer.js";
import { sampleValue } from "./sample-value.js";
import { streamBody } from "./stream-sample.js";
import { streamKind } from "../../parse/media-kinds.js";

export interface ErrorReplyData {
  status: number;
  contentType?: string;
  body?: unknown;
  codes?: Record<string, unknown>;
  codePath?: string[];
  headers: Record<string, string>;
  requestIdHeader?: string;
  retryAfterBody?: { path: string[]; unit: "s" | "ms" };
}

export interface RouteData {
  operation: string;
  method: string;
  path: string;
  idempotencyKeyHeader?: string;
  successes: Record<string, { status: number; contentType?: string; body?: unknown }>;
  errors: Record<string, ErrorReplyData>;
  undocumented?: number;
}

interface MediaSample {
  contentType: string;
  json: boolean;
  /** The spec's examples, in name order; else one minimal instance of the schema. */
  bodies: unknown[];
  fromExamples: boolean;
}

const MAX_MESSAGE = 200;
const MAX_EXAMPLE_CHARS = 16_384;

function at(doc: Doc, pointer: string): Node | undefined {
  let node: unknown = doc.root;
  for (const token of pointer.split("/").slice(1)) {
    node = deref(doc, node);
    if (!isNode(node)) return undefined;
    node = node[decodePointerToken(token)];
  }
  return deref(doc, node);
}

function mediaSamples(doc: Doc, response: Node | undefined): MediaSample[] {
  const content = isNode(response?.content) ? response.content : {};
  return Object.keys(content)
    .sort()
    .map((contentType) => {
      const media = deref(doc, content[contentType]) ?? {};
      const json = /(^application\/json|\+json)(;|$)/i.test(contentType.trim());
      const named = isNode(media.examples)
        ? Object.keys(media.examples)
            .sort()
            .map((k) => deref(doc, (media.examples as Node)[k]))
        : [];
      const all = named.filter((e): e is Node => isNode(e) && "value" in e).map((e) => e.value);
      if ("example" in media) all.unshift(media.example);
      // A spec is untrusted: a huge example would be copied into mocks.ts once per code.
      const examples = all.filter((e) => (JSON.stringify(e) ?? "").length <= MAX_EXAMPLE_CHARS);
      const fromExamples = examples.length > 0;
      const stream = streamKind(doc, contentType, media);
      if (stream) {
        const framed = (fromExamples ? examples : [undefined]).map((e) =>
          streamBody(doc, contentType, media, stream, e),
        );
        return { contentType, json, bodies: framed, fromExamples };
      }
      const bodies = fromExamples ? examples : [sampleValue(doc, media.schema)];
      const asText = (b: unknown) =>
        typeof b === "string" ? b : b === null || b === undefined ? "" : JSON.stringify(b);
      return { contentType, json, bodies: json ? bodies : bodies.map(asText), fromExamples };
    });
}

function valueAt(body: unknown, path: string[]): unknown {
  let node = body;
  for (const key of path) node = isNode(node) ? node[key] : undefined;
  return node;
}

function setAt(body: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0 || !(isNode(body) || body === null || body === undefined)) return body;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Node = isNode(body) ? { ...body } : {};
  if (rest.length > 0) copy[head] = setAt(copy[head], rest, value);
  else if (value === undefined) delete copy[head];
  else copy[head] = value;
  return copy;
}

/** A schema-built body gets the envelope's fields a reader looks for: ok:false, message, problem fields. */
function fillEnvelope(error: ErrorResponseIR, status: number, body: unknown): unknown {
  let out = body;
  const message = error.description.slice(0, MAX_MESSAGE) || `HTTP ${status}`;
  if (error.envelope.shapes.includes("ok-envelope")) out = setAt(out, ["ok"], false);
  if (error.envelope.message && valueAt(out, error.envelope.message) === undefined)
    out = setAt(out, error.envelope.message, message);
  if (error.envelope.shapes.includes("problem")) {
    out = setAt(out, ["status"], status);
    if (valueAt(out, ["title"]) === undefined) out = setAt(out, ["title"], message);
    // RFC 9457's type is a URI reference; a sampled placeholder ("string") is not one.
    const type = valueAt(out, ["type"]);
    if (typeof type !== "string" || !/[:/]/.test(type)) out = setAt(out, ["type"], "about:blank");
  }
  return out;
}

/** The status a range or default key answers with: its first status the operation does not document exactly. */
function statusFor(key: string, taken: Set<number>): number {
  if (/^\d+$/.test(key)) return Number(key);
  const first = key === "default" ? 500 : Number(key[0]) * 100;
  for (let s = first; s < first + 100; s++) if (!taken.has(s)) return s;
  return first;
}

function undocumentedStatus(op: OperationIR): number | undefined {
  const keys = new Set([...op.errors.map((e) => e.key), ...op.successes.map((s) => s.key)]);
  if (keys.has("default")) return undefined;
  return [418, 599, 451, 508].find((s) => !keys.has(String(s)) && !keys.has(`${String(s)[0]}XX`));
}

function errorReply(doc: Doc, error: ErrorResponseIR, status: number): ErrorReplyData {
  const response = at(doc, error.pointer);
  const media = mediaSamples(doc, response);
  const jsonMedia = media.find((m) => m.json);
  const textMedia = media.find((m) => !m.json);
  const codePath = error.envelope.code;
  const finish = (m: MediaSample, body: unknown) =>
    m.json && !m.fromExamples ? fillEnvelope(error, status, body) : body;
  const base = jsonMedia ? finish(jsonMedia, jsonMedia.bodies[0]) : textMedia?.bodies[0];
  const data: ErrorReplyData = { status, headers: {} };
  // A reply asked without a code carries none: a body without one, the text one, or the base with it removed.
  const codeless = jsonMedia?.bodies.find((b) => codePath && valueAt(b, codePath) === undefined);
  if (codeless !== undefined && jsonMedia)
    Object.assign(data, { contentType: jsonMedia.contentType, body: finish(jsonMedia, codeless) });
  else if (textMedia && codePath)
    Object.assign(data, { contentType: textMedia.contentType, body: textMedia.bodies[0] });
  else if (jsonMedia || textMedia)
    Object.assign(data, {
      contentType: (jsonMedia ?? textMedia)!.contentType,
      body: codePath && jsonMedia ? setAt(base, codePath, undefined) : base,
    });
  if (codePath && jsonMedia) {
    data.codePath = codePath;
    data.contentType ??= jsonMedia.contentType;
    if (error.codes.length > 0) data.codes = {};
    for (const { value } of error.codes) {
      const carrying = jsonMedia.bodies.find((b) => valueAt(b, codePath) === value);
      data.codes![value] = carrying !== undefined ? finish(jsonMedia, carrying) : setAt(base, codePath, value);
    }
  }
  const declared = isNode(response?.headers) ? response.headers : {};
  for (const [name, raw] of Object.entries(declared).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const lower = name.toLowerCase();
    if (lower === "content-type" || lower === error.requestIdHeader) continue;
    const header = deref(doc, raw);
    const sample =
      lower === "retry-after" ? 1 : header && ("example" in header ? header.example : sampleValue(doc, header.schema));
    if (typeof sample === "string" || typeof sample === "number" || typeof sample === "boolean")
      data.headers[lower] = String(sample);
  }
  if (error.requestIdHeader) data.requestIdHeader = error.requestIdHeader;
  if (error.envelope.retryAfter)
    data.retryAfterBody = { path: error.envelope.retryAfter.path, unit: error.envelope.retryAfter.unit };
  return data;
}

function successReply(doc: Doc, op: OperationIR, success: SuccessResponseIR) {
  const status = success.status ?? 200;
  const media = mediaSamples(doc, at(doc, `${op.pointer}/responses/${pointerToken(success.specKey)}`));
  const first = media.find((m) => m.json) ?? media[0];
  return first && status !== 204 ? { status, contentType: first.contentType, body: first.bodies[0] } : { status };
}

export function routeData(doc: Doc, op: OperationIR): RouteData {
  const taken = new Set(op.errors.flatMap((e) => (e.status === undefined ? [] : [e.status])));
  const undocumented = undocumentedStatus(op);
  return {
    operation: op.name,
    method: op.method.toUpperCase(),
    path: op.path,
    ...(op.idempotencyKeyHeader ? { idempotencyKeyHeader: op.idempotencyKeyHeader } : {}),
    successes: Object.fromEntries(op.successes.map((s) => [s.key, successReply(doc, op, s)])),
    errors: Object.fromEntries(op.errors.map((e) => [e.key, errorReply(doc, e, statusFor(e.key, taken))])),
    ...(undocumented === undefined ? {} : { undocumented }),
  };
}
