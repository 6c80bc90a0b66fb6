// Which error envelope a response body uses, and where its code, message, request id,
// details and retry delay live. The runtime reads the declared shape first and falls
// back to recognising every known shape, so this is a hint, not a contract.
import type { EnvelopeIR, EnvelopeShape, MediaIR } from "../ir.js";
import type { Doc } from "./document.js";
import { allowsString, isObjectSchema, objectVariants, type Properties } from "./schema-shapes.js";

const REQUEST_ID_NAMES = [
  "requestId",
  "request_id",
  "requestID",
  "traceId",
  "trace_id",
  "correlationId",
  "correlation_id",
];
const MESSAGE_NAMES = ["message", "msg", "error_description", "description", "detail", "title"];
const DETAILS_NAMES = ["details", "errors", "issues", "fields"];
const RETRY_AFTER = /^retry_?after(?:_?(ms|millis|milliseconds|s|secs|seconds))?$/i;

interface Reading extends Omit<EnvelopeIR, "shapes"> {
  shape: EnvelopeShape;
}

function first(variant: Properties, names: string[]): string | undefined {
  return names.find((name) => variant[name] !== undefined);
}

function readVariant(doc: Doc, variant: Properties, problemJson: boolean): Reading {
  const at = (prefix: string[], names: string[]) => {
    const name = first(variant, names);
    return name === undefined ? undefined : [...prefix, name];
  };
  const error = variant.error;
  if (error && isObjectSchema(doc, error) && !allowsString(doc, error)) {
    const inner = Object.assign({}, ...objectVariants(doc, error)) as Properties;
    const innerAt = (names: string[]) => {
      const name = first(inner, names);
      return name === undefined ? undefined : ["error", name];
    };
    return {
      shape: variant.ok !== undefined ? "ok-envelope" : "error-object",
      ...opt("code", inner.code ? ["error", "code"] : innerAt(["type", "reason"])),
      ...opt("message", innerAt(MESSAGE_NAMES)),
      ...opt("requestId", innerAt(REQUEST_ID_NAMES) ?? at([], REQUEST_ID_NAMES)),
      ...opt("details", innerAt(DETAILS_NAMES) ?? at([], DETAILS_NAMES)),
    };
  }
  if (error && allowsString(doc, error)) {
    const hasMessage = first(variant, MESSAGE_NAMES) !== undefined;
    return {
      shape: hasMessage ? "code-string" : "error-string",
      ...opt("code", hasMessage ? ["error"] : undefined),
      message: hasMessage ? at([], MESSAGE_NAMES)! : ["error"],
      ...opt("requestId", at([], REQUEST_ID_NAMES)),
      ...opt("details", at([], DETAILS_NAMES)),
    };
  }
  if (problemJson || (variant.type && variant.title)) {
    return {
      shape: "problem",
      ...opt("code", at([], ["code", "error_code", "errorCode"])),
      message: at([], ["detail", "title"]) ?? ["title"],
      ...opt("requestId", at([], REQUEST_ID_NAMES)),
      ...opt("details", at([], DETAILS_NAMES)),
    };
  }
  if (variant.detail !== undefined) return { shape: "fastapi-detail", message: ["detail"] };
  const code = at([], ["code", "error_code", "errorCode"]);
  return {
    shape: code ? "flat-code" : "unknown",
    ...opt("code", code),
    ...opt("message", at([], MESSAGE_NAMES)),
    ...opt("requestId", at([], REQUEST_ID_NAMES)),
    ...opt("details", at([], DETAILS_NAMES)),
  };
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function retryAfterField(variants: Properties[]): EnvelopeIR["retryAfter"] {
  for (const variant of variants) {
    for (const [prefix, props] of [
      [[], variant],
      [["error"], Object.assign({}, ...(variant.error ? [variant.error.properties ?? {}] : []))],
    ] as const) {
      for (const name of Object.keys(props as object)) {
        const match = RETRY_AFTER.exec(name);
        if (match) return { path: [...prefix, name], unit: match[1] && /^m/i.test(match[1]) ? "ms" : "s" };
      }
    }
  }
  return undefined;
}

/** Combines the envelope of every media type and body variant of one response. */
export function detectEnvelope(
  doc: Doc,
  media: { ir: MediaIR; schema: unknown }[],
): { envelope: EnvelopeIR; variants: Properties[] } {
  const shapes: EnvelopeShape[] = [];
  const readings: Reading[] = [];
  const allVariants: Properties[] = [];
  for (const { ir, schema } of media) {
    if (!ir.json) {
      shapes.push("text");
      continue;
    }
    const variants = objectVariants(doc, schema);
    allVariants.push(...variants);
    const problemJson = ir.contentType.includes("problem+json");
    for (const variant of variants) readings.push(readVariant(doc, variant, problemJson));
    if (variants.length === 0) readings.push({ shape: problemJson ? "problem" : "unknown" });
  }
  for (const r of readings) shapes.push(r.shape);
  const lead = readings.find((r) => r.code) ?? readings.find((r) => r.message) ?? readings[0];
  const envelope: EnvelopeIR = { shapes: [...new Set(shapes)] };
  if (lead?.code) envelope.code = lead.code;
  if (lead?.message) envelope.message = lead.message;
  if (lead?.requestId) envelope.requestId = lead.requestId;
  if (lead?.details) envelope.details = lead.details;
  const retryAfter = retryAfterField(allVariants);
  if (retryAfter) envelope.retryAfter = retryAfter;
  return { envelope, variants: allVariants };
}
