// The contract between generated operation code and the runtime. Users code against
// Result, HttpError and friends; generated code narrows them per operation.

/** retryable: may succeed later. terminal: fails until the caller changes it. billing: the plan blocks it. */
export type Category = "retryable" | "terminal" | "billing";

/** What a caller should do about an error. "none" is for a call the caller aborted. */
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
  | "contact-support"
  | "none";

/** Retry policy as data. Delays double from baseDelayMs; jitter spreads them. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  /** Cap on one backoff delay. */
  maxDelayMs: number;
  /**
   * Deadline for the whole call: attempts plus waits. It always bounds waits and retries; it
   * bounds the first attempt only when set somewhere (or with timeoutMs or a signal): the
   * default alone arms no timer for it, so fetch's own timeouts (300 s in Node) bound it.
   */
  maxElapsedMs: number;
  /** A server-requested wait (Retry-After) above this is returned to the caller instead of waited for. */
  maxRetryAfterMs: number;
  /** full: random in [0, d]; equal: d/2 + random in [0, d/2]; none: d; a number f: d * (1 +- f). */
  jitter: "full" | "equal" | "none" | number;
}

/** An API's retry advice (x-faultline-retry): partial policy plus per-status overrides ("429", "5XX"). */
export interface RetryAdvice extends Partial<RetryPolicy> {
  byStatus?: Readonly<Record<string, Partial<RetryPolicy>>>;
}

export interface Classification {
  category: Category;
  recovery: Recovery;
}

/**
 * Which layer decided an error's category and recovery, strongest first: the call's options, the
 * user's config (client options or faultline.config.json), the server's word on this response
 * (should-retry headers, rate-limit evidence), the spec, the vocabulary of codes shared across
 * APIs, the status defaults. "transport": no response at all.
 */
export type Reason = "call" | "config" | "server" | "spec" | "vocabulary" | "status" | "transport";

/** A user's verdicts by error code (applied even to codes the spec never lists) and by status ("429", "4XX"). */
export interface Overrides {
  codes?: Readonly<Record<string, Classification>>;
  status?: Readonly<Record<string, Classification>>;
}

/** The rate-limit state a response reported (X-RateLimit-*, IETF RateLimit / RateLimit-Policy). */
export interface RateLimitState {
  limit?: number;
  remaining?: number;
  /** Time until the window resets, in ms from when the response arrived. */
  resetMs?: number;
  /** The RateLimit-Policy header as sent, e.g. `"default";q=100;w=60`. */
  policy?: string;
}

/** What the spec says about one documented error response (one status key). */
export interface ErrorRule extends Classification {
  /** Who set this verdict when not the status defaults: the user's config or the spec's own words. */
  by?: "config" | "spec";
  /** Documented codes at this status. Present and non-empty means the codes are enumerated. */
  codes?: Readonly<Record<string, Classification>>;
  /** The server certainly did not act on the request: safe to retry even a POST. */
  notProcessed?: boolean;
  /** A range ("4XX") or "default" key with no explicit verdict: classify by the actual status's defaults. */
  dynamic?: boolean;
}

/** Where the declared error schema keeps each field (property paths into the parsed body). */
export interface EnvelopeHint {
  code?: readonly string[];
  message?: readonly string[];
  requestId?: readonly string[];
  details?: readonly string[];
  retryAfter?: { path: readonly string[]; unit: "s" | "ms" };
}

/** Generated once per operation (operations.ts); drives the runtime. */
export interface OperationSpec {
  readonly id: string;
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";
  /** Path template, e.g. /cases/{id}. */
  readonly path: string;
  /** May a failed attempt be replayed? From the method, or x-faultline-idempotent. */
  readonly idempotent: boolean;
  /** A declared idempotency-key header: the client sends one key on every attempt of a call. */
  readonly idempotencyKeyHeader?: string;
  /** Media type of the request body; JSON when absent. */
  readonly requestContentType?: string;
  readonly retry?: RetryAdvice;
  /** Keys: exact status ("404"), range ("4XX") or "default". */
  readonly errors: Readonly<Record<string, ErrorRule>>;
  readonly envelope?: EnvelopeHint;
  /** The success schema's ok/success boolean: a 2xx whose body has it false is an error. */
  readonly okField?: string;
  /** faultline.config.json verdicts for this operation. */
  readonly config?: Overrides;
}

/** Spec-wide facts shared by all operations (operations.ts). */
export interface ApiSpec {
  readonly retry?: RetryAdvice;
  /** Every code documented anywhere in the spec: classifies a code an operation did not document. */
  readonly codes: Readonly<Record<string, Classification>>;
  /** faultline.config.json verdicts for every operation. */
  readonly config?: Overrides;
}

interface ErrorFields {
  /** Human-readable; from the body where it has one, bounded in length. */
  message: string;
  /** Requests sent, retries included. */
  attempts: number;
  /** The operation's id, e.g. createCase. */
  operation: string;
}

/** The server answered with a non-success status. */
export interface HttpError<
  S extends number = number,
  K extends string = string,
  C extends string | undefined = string | undefined,
  Cat extends Category = Category,
  R extends Recovery = Recovery,
  B = unknown,
> extends ErrorFields {
  kind: "http";
  status: S;
  /** The documented response key that matched: "404", "4XX", "default", or "undocumented". */
  statusKey: K;
  /** The error code, narrowed to the documented codes where the spec enumerates them. */
  code: C;
  /** The code exactly as the body carried it, documented or not. */
  rawCode: string | undefined;
  category: Cat;
  recovery: R;
  reason: Reason;
  requestId: string | undefined;
  /** The wait the server asked for (Retry-After, retry-after-ms, or a body field), in ms. */
  retryAfterMs: number | undefined;
  details: unknown;
  /** The parsed body (JSON) or its text; not validated against the schema. */
  body: B;
  /** Set when the body was longer than maxErrorBodyBytes: body holds only its start. */
  bodyTruncated?: true;
  /** Response headers, lower-case names; credentials (set-cookie, *-token, *-secret, ...) removed. */
  headers: Readonly<Record<string, string>>;
}

/** A status the spec does not document for this operation. */
export type UndocumentedHttpError = HttpError<
  number,
  "undocumented",
  string | undefined,
  Category,
  Recovery,
  unknown
>;

interface TransportError extends ErrorFields {
  reason: "transport";
  status: undefined;
  statusKey: undefined;
  code: undefined;
  rawCode: undefined;
  requestId: undefined;
  retryAfterMs: undefined;
  details: undefined;
  body: undefined;
}

/** No response: DNS, refused or reset connection. */
export interface NetworkError extends TransportError {
  kind: "network";
  category: "retryable";
  recovery: "retry-with-backoff";
}

/** An attempt outlived timeoutMs, or the call's deadline (maxElapsedMs) ended the attempt. */
export interface TimeoutError extends TransportError {
  kind: "timeout";
  category: "retryable";
  recovery: "retry-with-backoff";
}

/** The caller's AbortSignal fired. */
export interface AbortedError extends TransportError {
  kind: "aborted";
  category: "terminal";
  recovery: "none";
}

export type FailureKind = NetworkError | TimeoutError | AbortedError;

export interface Success<S extends number = number, D = unknown> {
  ok: true;
  status: S;
  data: D;
  headers: Readonly<Record<string, string>>;
  attempts: number;
  rateLimit: RateLimitState | undefined;
}

export interface Failure<E> {
  ok: false;
  error: E;
  /** The last response's rate-limit state; undefined without a response or without such headers. */
  rateLimit: RateLimitState | undefined;
}

export type Result<S extends Success, E> = S | Failure<E>;

/**
 * Everything a generated method accepts. Path values are URL-encoded by the runtime; an array
 * (a path parameter with style: simple) is sent comma-separated, and a value the spec declares
 * nullable is sent as String(value), as the spec allows.
 */
export interface RequestInput {
  path?:
    | Readonly<
        Record<string, string | number | boolean | null | readonly (string | number | boolean)[]>
      >
    | undefined;
  query?: Readonly<Record<string, unknown>> | undefined;
  headers?: Readonly<Record<string, string | undefined>> | undefined;
  body?: unknown;
}

/** Time as a dependency, so tests run retries without real sleeps. */
export interface Clock {
  now(): number;
  /** Resolves after ms, or rejects at once when signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface ClientOptions {
  baseUrl: string;
  headers?:
    | Readonly<Record<string, string>>
    | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  /** Per-attempt timeout. Unset, a first attempt is bounded only by fetch's own timeouts. */
  timeoutMs?: number;
  /** Most of an error body read (default 1 MiB); the rest is cancelled and error.bodyTruncated set. */
  maxErrorBodyBytes?: number;
  /** Most of a success body read (default 32 MiB); a longer one fails the attempt (kind "network"). */
  maxBodyBytes?: number;
  clock?: Clock;
  /** Returns [0, 1); drives jitter. */
  random?: () => number;
  /** Your verdicts; beat everything but a call's own. */
  classify?: Overrides;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  retry?: Partial<RetryPolicy> | undefined;
  /** Sent on every attempt of this call; generated when the operation declares the header and none is given. */
  idempotencyKey?: string | undefined;
  timeoutMs?: number | undefined;
  /** Verdicts for this call only: the strongest layer. */
  classify?: Overrides | undefined;
}
