// Per operation: the Input it takes, and a Result union whose error variants are literal in
// status, code, category and recovery, so `if (r.error.category === "billing")` narrows to
// exactly the variants the spec (and the classifier) says can be billing.
import type { InterfaceStatement, PropertySignature, TypeAliasStatement } from "../structures.js";
import type { MediaIR, OperationIR } from "../../ir.js";
import type { ClassifiedError, ClassifiedOperation } from "../../normalize/classify.js";
import { isBinaryMedia } from "../../parse/media-kinds.js";
import { docText, operationType, stringLiteral, typeNames } from "../names.js";

type Statement = InterfaceStatement | TypeAliasStatement;

/** The media type a request body is sent as: JSON when offered, else the first declared. */
export function requestMedia(op: OperationIR): string | undefined {
  const types = op.requestBody?.contentTypes ?? [];
  return types.find((t) => /json/i.test(t)) ?? types[0];
}

/**
 * `specKey`: the response key as the spec (and so openapi-typescript's schema.ts) spells it. A
 * success that streams is an EventStream of its items, a file a Blob (error bodies are read as text).
 */
function bodyType(op: OperationIR, specKey: string, media: MediaIR[], success = false): string {
  if (media.length === 0) return "undefined";
  const response = `${operationType(op)}["responses"][${stringLiteral(specKey)}]`;
  const content = (m: MediaIR) => `${response}["content"][${stringLiteral(m.contentType)}]`;
  const parts = media.map((m) => {
    // An itemSchema (OpenAPI 3.2) is typed in schema.ts as one item (emit/schema/item-schemas.ts).
    if (success && m.itemSchema) return `rt.EventStream<${content(m)}>`;
    if (success && m.stream === "events") return "rt.EventStream<rt.SseEvent>";
    if (success && m.stream) return `rt.EventStream<${m.hasSchema ? content(m) : "unknown"}>`;
    if (success && m.binary) return "Blob";
    return m.json && m.hasSchema ? content(m) : m.json ? "unknown" : "string";
  });
  return [...new Set(parts)].join(" | ");
}

/** The body an Input takes: files where the schema says binary (openapi-typescript types them string). */
function requestBodyType(op: OperationIR, media: string): string {
  const content = `NonNullable<${operationType(op)}["requestBody"]>["content"][${stringLiteral(media)}]`;
  const files = op.requestBody?.binaryFields?.[media];
  if (files) return `rt.WithBlobs<${content}, ${files.map(stringLiteral).join(" | ")}>`;
  return isBinaryMedia(media) ? "rt.BinaryBody" : content;
}

function inputInterface(op: OperationIR): InterfaceStatement {
  const names = typeNames(op);
  const params = `${operationType(op)}["parameters"]`;
  const has = (where: string) => op.parameters.some((p) => p.in === where);
  const required = (where: string) =>
    op.parameters.some((p) => p.in === where && p.required && p.name !== op.idempotencyKeyHeader);
  const properties: PropertySignature[] = [];
  if (has("path")) properties.push({ name: "path", type: `${params}["path"]` });
  if (has("query"))
    properties.push({ name: "query", hasQuestionToken: !required("query"), type: `${params}["query"]` });
  properties.push(
    required("header")
      ? { name: "headers", type: `${params}["header"] & rt.RequestInput["headers"]` }
      : { name: "headers", hasQuestionToken: true, type: `rt.RequestInput["headers"]` },
  );
  const media = requestMedia(op);
  if (op.requestBody && media) {
    properties.push({
      name: "body",
      hasQuestionToken: !op.requestBody.required,
      type: requestBodyType(op, media),
    });
  }
  return { kind: "interface", name: names.input, isExported: true, properties };
}

/** Does a caller have to pass an input at all? */
export function inputRequired(op: OperationIR): boolean {
  return (
    op.parameters.some((p) => p.required && p.name !== op.idempotencyKeyHeader) || op.requestBody?.required === true
  );
}

function successType(op: OperationIR): string {
  if (op.successes.length === 0) return "rt.Success<number, unknown>";
  return op.successes
    .map((s) => `rt.Success<${s.status ?? "number"}, ${bodyType(op, s.specKey, s.media, true)}>`)
    .join(" | ");
}

function literalUnion(values: string[]): string {
  return values.map(stringLiteral).join(" | ");
}

/** One HttpError variant per distinct (category, recovery) among a response's codes. */
function errorVariants(op: OperationIR, error: ClassifiedError): string[] {
  const { response, verdict } = error;
  const status = response.status ?? "number";
  const key = stringLiteral(response.key);
  const body = bodyType(op, response.specKey, response.media);
  const body_ = body === "undefined" ? "undefined" : `${body} | undefined`;
  const variant = (code: string, category: string, recovery: string) =>
    `rt.HttpError<${status}, ${key}, ${code}, ${category}, ${recovery}, ${body_}>`;
  const fallbackCategory = error.dynamic ? "rt.Category" : stringLiteral(verdict.category);
  const fallbackRecovery = error.dynamic ? "rt.Recovery" : stringLiteral(verdict.recovery);
  const groups = new Map<string, string[]>();
  const fallbackCodes: string[] = [];
  for (const c of error.codes) {
    const same = !error.dynamic && c.verdict.category === verdict.category && c.verdict.recovery === verdict.recovery;
    if (!c.ownVerdict || same) {
      fallbackCodes.push(c.code.value);
      continue;
    }
    const groupKey = `${stringLiteral(c.verdict.category)}\u0000${stringLiteral(c.verdict.recovery)}`;
    groups.set(groupKey, [...(groups.get(groupKey) ?? []), c.code.value]);
  }
  const enumerated = error.codes.length > 0;
  const fallbackCode = enumerated
    ? [literalUnion(fallbackCodes), "undefined"].filter(Boolean).join(" | ")
    : "string | undefined";
  const variants = [...groups].map(([groupKey, codes]) => {
    const [category, recovery] = groupKey.split("\u0000") as [string, string];
    return variant(literalUnion(codes), category, recovery);
  });
  return [...variants, variant(fallbackCode, fallbackCategory, fallbackRecovery)];
}

export function resultTypes(classified: ClassifiedOperation): Statement[] {
  const { operation: op, errors } = classified;
  const names = typeNames(op);
  const variants = errors.flatMap((e) => errorVariants(op, e));
  if (!op.errors.some((e) => e.key === "default")) variants.push("rt.UndocumentedHttpError");
  variants.push("rt.NetworkError", "rt.TimeoutError", "rt.AbortedError", "rt.MiddlewareError");
  const title = `${op.method.toUpperCase()} ${op.path}`;
  return [
    inputInterface(op),
    {
      kind: "type-alias",
      name: names.success,
      isExported: true,
      type: successType(op),
      docs: [docText(`Success of ${title}.`)],
    },
    {
      kind: "type-alias",
      name: names.error,
      isExported: true,
      type: variants.join(" | "),
      docs: [docText(`Every way ${title} can fail.`)],
    },
    { kind: "type-alias", name: names.result, isExported: true, type: `rt.Result<${names.success}, ${names.error}>` },
  ];
}
