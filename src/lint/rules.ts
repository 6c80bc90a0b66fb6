// Lint rules: what an API designer should fix so generated clients can handle errors well. Each
// rule reads the IR only (the same facts the generator uses) and points at the spec location.
import type { ApiIR, EnvelopeIR, ErrorResponseIR, OperationIR } from "../ir.js";
import { pointerToken } from "../diagnostics.js";

export interface LintWarning {
  rule: string;
  /** JSON pointer into the spec. */
  pointer: string;
  message: string;
  fix: string;
}

export type LintRule = (api: ApiIR) => LintWarning[];

const title = (op: OperationIR) => `${op.method.toUpperCase()} ${op.path}`;
const eachError = (api: ApiIR) => api.operations.flatMap((op) => op.errors.map((error) => ({ op, error })));

/** 429 and 503 are the statuses a server asks callers to wait on; without the header they guess. */
export const retryAfterMissing: LintRule = (api) =>
  eachError(api)
    .filter(
      ({ error }) =>
        (error.key === "429" || error.key === "503") && !error.retryAfterHeader && !error.envelope.retryAfter,
    )
    .map(({ op, error }) => ({
      rule: "retry-after-missing",
      pointer: `${error.pointer}/headers`,
      message: `${title(op)}: the ${error.key} response declares no Retry-After header, so clients can only guess how long to wait`,
      fix: "declare it: headers: { Retry-After: { description: seconds to wait, schema: { type: integer } } }",
    }));

/** Without a schema a client cannot read the code or message out of the body. */
export const errorWithoutSchema: LintRule = (api) =>
  eachError(api).flatMap(({ op, error }): LintWarning[] => {
    if (op.method === "head") return []; // a HEAD response has no body to describe
    const fix = 'describe the body: content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }';
    if (error.media.length === 0) {
      return [
        {
          rule: "error-without-schema",
          pointer: error.pointer,
          message: `${title(op)}: the ${error.key} response has no content, so its error code and message are unknown`,
          fix,
        },
      ];
    }
    return error.media
      .filter((m) => m.json && !m.hasSchema)
      .map((m) => ({
        rule: "error-without-schema",
        pointer: `${error.pointer}/content/${pointerToken(m.contentType)}`,
        message: `${title(op)}: the ${error.key} response's ${m.contentType} body has no schema`,
        fix,
      }));
  });

export const noErrorResponses: LintRule = (api) =>
  api.operations
    .filter((op) => op.errors.length === 0)
    .map((op) => ({
      rule: "no-error-responses",
      pointer: `${op.pointer}/responses`,
      message: `${title(op)} documents no error response, so every failure reaches clients as undocumented`,
      fix: "document the errors it returns (e.g. 400, 401, 404, 429, 5XX), or at least a default response with the error schema",
    }));

/** An envelope as a comparable signature: its shape and where the code and message live. */
function envelopeSignature(envelope: EnvelopeIR): string | undefined {
  const shape = envelope.shapes.find((s) => s !== "text");
  if (shape === undefined) return undefined;
  const fields = [
    envelope.code && `code at ${envelope.code.join(".")}`,
    envelope.message && `message at ${envelope.message.join(".")}`,
  ].filter(Boolean);
  // "unknown" is the parser's word for a JSON body it could not match to a known envelope.
  const name =
    shape === "unknown" ? "an unrecognised error envelope" : `the ${shape.replace(/-envelope$/, "")} error envelope`;
  return fields.length > 0 ? `${name} (${fields.join(", ")})` : name;
}

const hasJsonSchema = (error: ErrorResponseIR) => error.media.some((m) => m.json && m.hasSchema);

/** One envelope per API lets a client read every error the same way; the odd ones out are flagged. */
export const inconsistentEnvelopes: LintRule = (api) => {
  const described = eachError(api)
    .filter(({ error }) => hasJsonSchema(error))
    .map((entry) => ({ ...entry, signature: envelopeSignature(entry.error.envelope) }))
    .filter((entry): entry is typeof entry & { signature: string } => entry.signature !== undefined);
  const counts = new Map<string, number>();
  for (const { signature } of described) counts.set(signature, (counts.get(signature) ?? 0) + 1);
  if (counts.size < 2) return [];
  // The most used envelope is the API's; ties go to the alphabetically first, so output is stable.
  const [usual, usualCount] = [...counts].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : 1))[0]!;
  return described
    .filter(({ signature }) => signature !== usual)
    .map(({ op, error, signature }) => ({
      rule: "inconsistent-envelope",
      pointer: `${error.pointer}/content`,
      message: `${title(op)}: the ${error.key} response uses ${signature}, but ${usualCount} of ${described.length} error responses use ${usual}`,
      fix: "give every error response the same error schema, so clients read codes and messages in one place",
    }));
};

const UPPER_SNAKE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

/** A code the prose promises but the schema does not enumerate never reaches the generated types. */
export const undocumentedCodes: LintRule = (api) =>
  eachError(api).flatMap(({ op, error }) => {
    const known = new Set(error.codes.map((c) => c.value));
    const mentioned = [...new Set(error.description.match(UPPER_SNAKE) ?? [])].filter((word) => !known.has(word));
    return mentioned.map((code) => ({
      rule: "undocumented-code",
      pointer: `${error.pointer}/description`,
      message: `${title(op)}: the ${error.key} description mentions ${code}, but the response does not enumerate it`,
      fix: `add ${code} to the enum of the body's code property, or declare it under x-faultline-codes`,
    }));
  });

/** A non-idempotent POST without a key can never be retried safely after a timeout or 5xx. */
export const postWithoutIdempotencyKey: LintRule = (api) =>
  api.operations
    .filter((op) => op.method === "post" && !op.idempotent && op.idempotencyKeyHeader === undefined)
    .map((op) => ({
      rule: "post-without-idempotency-key",
      pointer: `${op.pointer}/parameters`,
      message: `${title(op)} is not idempotent and takes no Idempotency-Key header, so a timeout or 5xx on it can never be retried safely`,
      fix: "accept an Idempotency-Key header parameter; or, if repeating the request is harmless, mark it x-faultline-idempotent: true",
    }));

/** Every rule by the id its warnings carry (`lint --rule <id>` selects by it), in run order. */
export const LINT_RULES: ReadonlyMap<string, LintRule> = new Map([
  ["no-error-responses", noErrorResponses],
  ["error-without-schema", errorWithoutSchema],
  ["retry-after-missing", retryAfterMissing],
  ["undocumented-code", undocumentedCodes],
  ["inconsistent-envelope", inconsistentEnvelopes],
  ["post-without-idempotency-key", postWithoutIdempotencyKey],
]);

/** The warnings of every rule, or of the rules named in `only`. */
export function lintApi(api: ApiIR, only?: ReadonlySet<string>): LintWarning[] {
  return [...LINT_RULES].filter(([id]) => !only || only.has(id)).flatMap(([, rule]) => rule(api));
}
