// The intermediate representation between parse and emit. Parsing turns a bundled OpenAPI
// document into this; the classifier and the emitters read only this, never the raw spec.

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

export type Category = "retryable" | "terminal" | "billing";

export type Recovery =
  | "retry-with-backoff"
  | "wait-and-retry"
  | "fix-request"
  | "reauthenticate"
  | "check-permissions"
  | "check-resource"
  | "refresh-and-retry"
  | "upgrade-plan"
  | "update-payment"
  | "use-another-payment-method"
  | "contact-support";

export interface RetryPolicyFields {
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxElapsedMs?: number;
  maxRetryAfterMs?: number;
  jitter?: "full" | "equal" | "none" | number;
}

/** An API's retry advice: x-faultline-retry on the root or an operation. */
export interface RetryAdviceIR extends RetryPolicyFields {
  byStatus?: Record<string, RetryPolicyFields>;
}

export interface ApiIR {
  title: string;
  version: string;
  /** "3.0.3", "3.1.0"; a Swagger 2.0 input is converted first and says "2.0" here. */
  openapiVersion: string;
  retry?: RetryAdviceIR;
  /** The first absolute server URL, variables at their defaults: the client's default baseUrl. */
  baseUrl?: string;
  /** The security schemes a client can fill in (components.securitySchemes), sorted by name. */
  securitySchemes?: SecuritySchemeIR[];
  /** The root `security`: alternatives (OR), each the scheme names it needs together (AND). */
  security?: string[][];
  /** Operations sorted by name: the order everything downstream emits in. */
  operations: OperationIR[];
}

export interface ParameterIR {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
}

export interface OperationIR {
  /** Unique camelCase identifier: from operationId, else method + path. */
  name: string;
  operationId?: string;
  method: HttpMethod;
  path: string;
  /** JSON pointer of the operation in the bundled document. */
  pointer: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  tags: string[];
  parameters: ParameterIR[];
  requestBody?: {
    required: boolean;
    contentTypes: string[];
    /** By content type: the multipart fields that carry files (format: binary), where any do. */
    binaryFields?: Record<string, string[]>;
  };
  successes: SuccessResponseIR[];
  errors: ErrorResponseIR[];
  /** May a failed attempt be replayed: from the method, or x-faultline-idempotent. */
  idempotent: boolean;
  idempotentSource: "method" | "x-faultline-idempotent";
  /** A declared header parameter such as Idempotency-Key. */
  idempotencyKeyHeader?: string;
  retry?: RetryAdviceIR;
  /** The operation's own `security`, when it overrides the root's ([] = no credentials). */
  security?: string[][];
}

/**
 * A security scheme as the client applies it. bearer: `Authorization: Bearer <token>` (http bearer,
 * oauth2, openIdConnect); basic: `Authorization: Basic <base64>`; apiKey: a value in a header,
 * query parameter or cookie named `name`.
 */
export type SecuritySchemeIR =
  | { name: string; kind: "bearer" | "basic" }
  | { name: string; kind: "apiKey"; in: "header" | "query" | "cookie"; param: string };

export interface MediaIR {
  contentType: string;
  /** application/json, +json suffixes and problem+json. */
  json: boolean;
  hasSchema: boolean;
  exampleNames: string[];
  /** A stream of events (media-kinds.ts): "events" as sent, "json" each event's parsed data. */
  stream?: "events" | "json";
  /** The stream's items are typed by the media's OpenAPI 3.2 itemSchema (schema.ts types the media as one item). */
  itemSchema?: true;
  /** SSE events whose data the runtime parses as JSON, as their itemSchema declares (true: every event). */
  jsonEvents?: true | string[];
  /** A file (image, PDF, octet stream ...): the client returns it as a Blob. */
  binary?: true;
}

export interface SuccessResponseIR {
  /** "200", "2XX". */
  key: string;
  /** The key as the spec spells it ("2xx"): schema.ts is indexed by this one. */
  specKey: string;
  status?: number;
  media: MediaIR[];
  /** The body's ok/success boolean (Slack's { ok: false, error }): a 2xx with it false is an error. */
  okField?: string;
}

/** Where the declared body keeps each normalized field. */
export type EnvelopeShape =
  | "error-string" // { error: "text" }
  | "error-object" // { error: { code, message } }
  | "ok-envelope" // { ok: false, error: { code, message } }
  | "code-string" // { error: "CODE", message }
  | "flat-code" // { code, message }
  | "fastapi-detail" // { detail: "text" | [{ loc, msg, type }] }
  | "problem" // RFC 9457 application/problem+json
  | "text" // a non-JSON body
  | "unknown";

export interface EnvelopeIR {
  shapes: EnvelopeShape[];
  code?: string[];
  message?: string[];
  requestId?: string[];
  details?: string[];
  retryAfter?: { path: string[]; unit: "s" | "ms" };
}

export interface ErrorCodeIR {
  value: string;
  description?: string;
  /** Per-code x-faultline-codes entry. */
  category?: Category;
  recovery?: Recovery;
}

export interface ErrorResponseIR {
  /** "404", "4XX" or "default". */
  key: string;
  /** The key as the spec spells it ("4xx", "DEFAULT"): schema.ts is indexed by this one. */
  specKey: string;
  status?: number;
  pointer: string;
  description: string;
  media: MediaIR[];
  /** Declared response header names, lower-case, sorted. */
  headers: string[];
  retryAfterHeader: boolean;
  requestIdHeader?: string;
  codes: ErrorCodeIR[];
  envelope: EnvelopeIR;
  category?: Category;
  recovery?: Recovery;
  notProcessed: boolean;
}
