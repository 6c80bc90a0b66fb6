// operations.ts: the runtime's view of the spec, as plain data. One exported OperationSpec per
// operation (method, path, idempotency, retry advice, the classified error table, the envelope
// hint), named like the operation, and an ApiSpec with the root retry advice and the spec-wide
// code table.
//
// Each operation is its own typed object literal, laid out one field a line when long: a review
// of a regenerated client reads field by field, tsc checks every entry, and a bundler keeps only
// the entries an app's code reaches (client.ts's functions import them one by one). The fields
// printed are whatever operationData() builds, so a new field flows through without emitter edits.
import type { Statement } from "../structures.js";
import type { ApiIR, EnvelopeIR } from "../../ir.js";
import {
  codeTable,
  type Classification,
  type ClassifiedError,
  type ClassifiedOperation,
  type ClassifyOverrides,
} from "../../normalize/classify.js";
import { dataBlock, lineText } from "../names.js";
import { requestMedia } from "./result-types.js";

function errorRule(error: ClassifiedError): Record<string, unknown> {
  const codes = Object.fromEntries(
    error.codes.map((c) => [c.code.value, { category: c.verdict.category, recovery: c.verdict.recovery }]),
  );
  return {
    category: error.verdict.category,
    recovery: error.verdict.recovery,
    // Range and default keys without an explicit verdict follow the actual status at run time.
    dynamic: error.dynamic ? true : undefined,
    codes: error.codes.length > 0 ? codes : undefined,
    notProcessed: error.response.notProcessed ? true : undefined,
    // Who decided, when not the status defaults: the runtime's vocabulary yields to these.
    by: /config:/.test(error.verdict.reason) ? "config" : /x-faultline/.test(error.verdict.reason) ? "spec" : undefined,
  };
}

const RECOVERY_OF: Record<string, string> = {
  billing: "upgrade-plan",
  retryable: "retry-with-backoff",
  terminal: "fix-request",
};

/** A config verdict made whole: a category alone brings its natural recovery, a recovery its category. */
function whole(c: Classification): { category: string; recovery: string } {
  const category =
    c.category ??
    (/retry/.test(c.recovery ?? "")
      ? "retryable"
      : /plan|payment$/.test(c.recovery ?? "") && c.recovery !== "use-another-payment-method"
        ? "billing"
        : "terminal");
  return { category, recovery: c.recovery ?? RECOVERY_OF[category]! };
}

/** Config verdicts by code and status, for the runtime: they apply to codes the spec never lists. */
export function runtimeOverrides(
  o: { codes?: Record<string, Classification>; status?: Record<string, Classification> } | undefined,
): Record<string, unknown> | undefined {
  const table = (r: Record<string, Classification> | undefined) =>
    r && Object.keys(r).length
      ? Object.fromEntries(
          Object.keys(r)
            .sort()
            .map((k) => [k, whole(r[k]!)]),
        )
      : undefined;
  const codes = table(o?.codes);
  const status = table(o?.status);
  return codes || status ? { codes, status } : undefined;
}

function envelopeHint(envelope: EnvelopeIR | undefined): Record<string, unknown> | undefined {
  if (!envelope) return undefined;
  const { code, message, requestId, details, retryAfter } = envelope;
  const hint = { code, message, requestId, details, retryAfter };
  return Object.values(hint).some((v) => v !== undefined) ? hint : undefined;
}

/** The envelope hint of the operation's first error that names a code (else a message). */
function leadEnvelope(op: ClassifiedOperation["operation"]): Record<string, unknown> | undefined {
  const lead = op.errors.find((e) => e.envelope.code) ?? op.errors.find((e) => e.envelope.message);
  return envelopeHint(lead?.envelope);
}

function operationSpec(
  { operation: op, errors }: ClassifiedOperation,
  overrides: ClassifyOverrides,
): Record<string, unknown> {
  const media = requestMedia(op);
  return {
    id: op.name,
    method: op.method.toUpperCase(),
    path: op.path,
    idempotent: op.idempotent,
    idempotencyKeyHeader: op.idempotencyKeyHeader,
    requestContentType: media && !/json/i.test(media) ? media : undefined,
    retry: op.retry,
    errors: Object.fromEntries(errors.map((e) => [e.response.key, errorRule(e)])),
    envelope: leadEnvelope(op),
    okField: op.successes.find((s) => s.okField)?.okField,
    // How a success body that is not one JSON document is read (runtime stream.ts, files.ts).
    stream: op.successes.flatMap((s) => s.media).find((m) => m.stream)?.stream,
    jsonEvents: op.successes.flatMap((s) => s.media).find((m) => m.jsonEvents)?.jsonEvents,
    binary: op.successes.some((s) => s.media.some((m) => m.binary)) || undefined,
    config: runtimeOverrides(
      overrides.operations?.[op.name] ?? (op.operationId ? overrides.operations?.[op.operationId] : undefined),
    ),
    // Only where it overrides the root's (api.security): most specs set it once at the root.
    security: op.security,
  };
}

/** The api object: spec-wide retry advice, codes and config, the default baseUrl and the security schemes. */
function apiSpec(api: ApiIR, classified: ClassifiedOperation[], overrides: ClassifyOverrides): Record<string, unknown> {
  const codes = Object.fromEntries(
    [...codeTable(classified)].map(([code, v]) => [code, { category: v.category, recovery: v.recovery }]),
  );
  const schemes = api.securitySchemes?.length
    ? Object.fromEntries(api.securitySchemes.map(({ name, ...rest }) => [name, rest]))
    : undefined;
  return {
    retry: api.retry,
    codes,
    config: runtimeOverrides(overrides),
    baseUrl: api.baseUrl,
    schemes,
    security: api.security,
  };
}

/** The runtime data of operations.ts as plain objects: what the vendor replay tests feed the runtime. */
export function operationData(api: ApiIR, classified: ClassifiedOperation[], overrides: ClassifyOverrides = {}) {
  const operations = Object.fromEntries(
    classified.map((c) => [
      c.operation.name,
      JSON.parse(JSON.stringify(operationSpec(c, overrides))) as Record<string, unknown>,
    ]),
  );
  return {
    api: JSON.parse(JSON.stringify(apiSpec(api, classified, overrides))) as Record<string, unknown>,
    operations,
  };
}

/** `export const name: Type = value;`, the value laid out by dataBlock. */
function dataConst(name: string, type: string, value: unknown): string {
  const head = `export const ${name}: ${type} = `;
  return `${head}${dataBlock(value, { indent: 0, column: head.length, trailing: 1 })};`;
}

export function operationSpecStatements(
  api: ApiIR,
  classified: ClassifiedOperation[],
  overrides: ClassifyOverrides = {},
): Statement[] {
  const data = operationData(api, classified, overrides);
  const names = classified.map((c) => c.operation.name);
  const perOperation = classified.map(
    ({ operation: op }) =>
      `\n/** ${lineText(`${op.method.toUpperCase()} ${op.path}`)} */\n${dataConst(op.name, "OperationSpec", data.operations[op.name])}`,
  );
  const table = names.length > 0 ? `{\n${names.map((n) => `    ${n},\n`).join("")}  }` : "{}";
  return [
    `import type { ApiSpec, OperationSpec } from "./runtime/types.js";`,
    dataConst("api", "ApiSpec", data.api),
    ...perOperation,
    // Nothing in the client reaches this table, and the call is marked pure: a bundler drops it,
    // so an app that calls one operation bundles only that one.
    `/** Every operation's data by name, for tools that walk the API (createClient does not use it). */
export const operations = /* @__PURE__ */ byName();`,
    `/** The name of every operation: a key of \`operations\` and a function of client.ts. */
export type OperationName = keyof typeof operations;`,
    // Built in a function body on purpose: there tsc types each name from its declaration at once,
    // while at the top level it walks back through every declaration above it (quadratic: the
    // largest single check of GitHub's 1,223 operations in a --generateTrace). `as const` types it readonly without a
    // relation check; each entry is already an OperationSpec.
    `function byName() {\n  return ${table} as const;\n}`,
  ];
}
