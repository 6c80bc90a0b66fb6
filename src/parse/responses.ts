// Responses Object (OAS 3.1 §4.8.16, 3.0 §4.7.16): keys are exact codes, ranges "1XX".."5XX"
// (§4.8.16.2: the only ranges allowed) or "default". 2XX keys are successes; 4XX/5XX keys and
// "default" are errors. Each error response becomes an ErrorResponseIR.
import { SpecError, pointerToken } from "../diagnostics.js";
import type { ErrorResponseIR, MediaIR, SuccessResponseIR } from "../ir.js";
import { deref, derefOrFail, isNode, stringOf, type Doc, type Node } from "./document.js";
import { detectEnvelope } from "./envelope.js";
import { checkCategory, checkRecovery, errorCodes } from "./error-codes.js";
import { isBinaryMedia, streamItems, streamKind } from "./media-kinds.js";
import { objectVariants } from "./schema-shapes.js";

const REQUEST_ID_HEADERS = [
  "x-request-id",
  "request-id",
  "x-correlation-id",
  "x-trace-id",
  "x-amzn-requestid",
  "cf-ray",
];
const STATUS_KEY = /^(?:[1-5](?:\d\d|XX)|default)$/i;

export function isJsonMedia(contentType: string): boolean {
  const base = contentType.split(";")[0]!.trim().toLowerCase();
  return base === "application/json" || base.endsWith("+json") || base === "*/*" || base === "application/*";
}

function mediaOf(doc: Doc, response: Node, pointer: string): { ir: MediaIR; schema: unknown }[] {
  if (!isNode(response.content)) return [];
  return Object.keys(response.content)
    .sort()
    .map((contentType) => {
      const media =
        derefOrFail(doc, (response.content as Node)[contentType], `${pointer}/content/${pointerToken(contentType)}`) ??
        {};
      const examples = isNode(media.examples) ? Object.keys(media.examples).sort() : [];
      const stream = streamKind(doc, contentType, media);
      const items = streamItems(doc, contentType, media);
      const binary = !stream && isBinaryMedia(contentType, deref(doc, media.schema));
      return {
        ir: {
          contentType,
          json: isJsonMedia(contentType),
          hasSchema: media.schema !== undefined,
          exampleNames: examples,
          ...(stream ? { stream } : {}),
          ...(items ? { itemSchema: true as const } : {}),
          ...(items?.jsonEvents ? { jsonEvents: items.jsonEvents } : {}),
          ...(binary ? { binary: true as const } : {}),
        },
        schema: media.schema,
      };
    });
}

export function parseResponses(
  doc: Doc,
  responses: unknown,
  pointer: string,
): { successes: SuccessResponseIR[]; errors: ErrorResponseIR[] } {
  const successes: SuccessResponseIR[] = [];
  const errors: ErrorResponseIR[] = [];
  if (!isNode(responses)) {
    throw new SpecError({
      file: doc.file,
      pointer,
      problem: "operation has no `responses`",
      fix: "add a responses map, e.g. responses: { '200': { description: OK } }",
    });
  }
  for (const key of Object.keys(responses).sort(compareKeys)) {
    if (key.startsWith("x-")) continue;
    const where = `${pointer}/${pointerToken(key)}`;
    if (!STATUS_KEY.test(key)) {
      throw new SpecError({
        file: doc.file,
        pointer: where,
        problem: `${JSON.stringify(key)} is not a status code`,
        fix: 'use an HTTP status such as "404", a range such as "4XX", or "default"',
      });
    }
    const response = derefOrFail(doc, responses[key], where);
    if (!response) continue;
    const normalized = key.toUpperCase() === "DEFAULT" ? "default" : key.toUpperCase();
    const status = /^\d+$/.test(normalized) ? Number(normalized) : undefined;
    const media = mediaOf(doc, response, where);
    if (normalized.startsWith("4") || normalized.startsWith("5") || normalized === "default") {
      errors.push(errorResponse(doc, response, where, { key: normalized, specKey: key }, status, media));
    } else if (normalized.startsWith("2")) {
      const okField = successFlag(doc, media);
      successes.push({
        key: normalized,
        specKey: key,
        ...(status === undefined ? {} : { status }),
        media: media.map((m) => m.ir),
        ...(okField ? { okField } : {}),
      });
    }
  }
  return { successes, errors };
}

/** A success body declaring a boolean `ok` or `success` says failure with it: the runtime must look. */
function successFlag(doc: Doc, media: { ir: MediaIR; schema: unknown }[]): string | undefined {
  for (const { ir, schema } of media) {
    if (!ir.json) continue;
    for (const variant of objectVariants(doc, schema)) {
      const flag = ["ok", "success"].find((name) => variant[name]?.type === "boolean");
      if (flag) return flag;
    }
  }
  return undefined;
}

function errorResponse(
  doc: Doc,
  response: Node,
  pointer: string,
  keys: { key: string; specKey: string },
  status: number | undefined,
  media: { ir: MediaIR; schema: unknown }[],
): ErrorResponseIR {
  const headers = isNode(response.headers)
    ? Object.keys(response.headers)
        .map((h) => h.toLowerCase())
        .sort()
    : [];
  const { envelope, variants } = detectEnvelope(doc, media);
  const category = checkCategory(doc, response["x-faultline-category"], `${pointer}/x-faultline-category`);
  const recovery = checkRecovery(doc, response["x-faultline-recovery"], `${pointer}/x-faultline-recovery`);
  const requestIdHeader = REQUEST_ID_HEADERS.find((h) => headers.includes(h));
  return {
    ...keys,
    ...(status === undefined ? {} : { status }),
    pointer,
    description: stringOf(response.description) ?? "",
    media: media.map((m) => m.ir),
    headers,
    retryAfterHeader: headers.includes("retry-after") || headers.includes("retry-after-ms"),
    ...(requestIdHeader ? { requestIdHeader } : {}),
    codes: errorCodes(doc, variants, envelope.code, response, pointer),
    envelope,
    ...(category ? { category } : {}),
    ...(recovery ? { recovery } : {}),
    notProcessed: response["x-faultline-not-processed"] === true,
  };
}

/** Exact codes first in numeric order, then ranges, then default: the order variants are emitted in. */
export function compareKeys(a: string, b: string): number {
  const rank = (k: string) => (/^\d+$/.test(k) ? Number(k) : /^\dxx$/i.test(k) ? Number(k[0]) * 100 + 99.5 : 1000);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
