// operations.ts: the runtime's view of the spec, as plain data. One OperationSpec per operation
// (method, path, idempotency, retry advice, the classified error table, the envelope hint) and
// an ApiSpec with the root retry advice and the spec-wide code table.
//
// The operations table is JSON in a template literal, parsed at load. As TypeScript object
// literals, GitHub's 1,223 operations cost tsc ~0.5 s of a cold check (measured: 5.87 s -> 5.36 s
// for the whole client, median of 5, interleaved); a string costs nothing to check, and the
// generator, not tsc, is what guarantees the data's shape (the samples' Prism tests and the hostile
// corpus read it back through the runtime).
import type { Statement } from "../structures.js";
import type { ApiIR, EnvelopeIR } from "../../ir.js";
import { codeTable, type Classification, type ClassifiedError, type ClassifiedOperation, type ClassifyOverrides } from "../../normalize/classify.js";
import { dataLiteral } from "../names.js";
import { requestMedia } from "./result-types.js";

function errorRule(error: ClassifiedError): Record<string, unknown> {
  const codes = Object.fromEntries(error.codes.map((c) => [c.code.value, { category: c.verdict.category, recovery: c.verdict.recovery }]));
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

const RECOVERY_OF: Record<string, string> = { billing: "upgrade-plan", retryable: "retry-with-backoff", terminal: "fix-request" };

/** A config verdict made whole: a category alone brings its natural recovery, a recovery its category. */
function whole(c: Classification): { category: string; recovery: string } {
  const category = c.category ?? (/retry/.test(c.recovery ?? "") ? "retryable" : /plan|payment$/.test(c.recovery ?? "") && c.recovery !== "use-another-payment-method" ? "billing" : "terminal");
  return { category, recovery: c.recovery ?? RECOVERY_OF[category]! };
}

/** Config verdicts by code and status, for the runtime: they apply to codes the spec never lists. */
export function runtimeOverrides(o: { codes?: Record<string, Classification>; status?: Record<string, Classification> } | undefined): Record<string, unknown> | undefined {
  const table = (r: Record<string, Classification> | undefined) =>
    r && Object.keys(r).length ? Object.fromEntries(Object.keys(r).sort().map((k) => [k, whole(r[k]!)])) : undefined;
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

function operationSpec({ operation: op, errors }: ClassifiedOperation, overrides: ClassifyOverrides): Record<string, unknown> {
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
    config: runtimeOverrides(overrides.operations?.[op.name] ?? (op.operationId ? overrides.operations?.[op.operationId] : undefined)),
    // Only where it overrides the root's (api.security): most specs set it once at the root.
    security: op.security,
  };
}

/** The api object: spec-wide retry advice, codes and config, the default baseUrl and the security schemes. */
function apiSpec(api: ApiIR, classified: ClassifiedOperation[], overrides: ClassifyOverrides): Record<string, unknown> {
  const codes = Object.fromEntries([...codeTable(classified)].map(([code, v]) => [code, { category: v.category, recovery: v.recovery }]));
  const schemes = api.securitySchemes?.length ? Object.fromEntries(api.securitySchemes.map(({ name, ...rest }) => [name, rest])) : undefined;
  return { retry: api.retry, codes, config: runtimeOverrides(overrides), baseUrl: api.baseUrl, schemes, security: api.security };
}

/**
 * A template literal whose value is `text`. Spec text is inside (paths, codes), so every
 * character that means something to a template is escaped: backslash, backtick and `${`.
 */
function templateLiteral(text: string): string {
  // U+2028/2029 first become JSON escapes, as stringLiteral does: some tools still choke on them raw.
  const json = text.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return `\`${json.replace(/\\|`|\$\{/g, (m) => `\\${m}`)}\``;
}

/** The runtime data of operations.ts as plain objects: what the vendor replay tests feed the runtime. */
export function operationData(api: ApiIR, classified: ClassifiedOperation[], overrides: ClassifyOverrides = {}) {
  const operations = Object.fromEntries(classified.map((c) => [c.operation.name, JSON.parse(JSON.stringify(operationSpec(c, overrides))) as Record<string, unknown>]));
  return { api: JSON.parse(JSON.stringify(apiSpec(api, classified, overrides))) as Record<string, unknown>, operations };
}

export function operationSpecStatements(api: ApiIR, classified: ClassifiedOperation[], overrides: ClassifyOverrides = {}): Statement[] {
  const apiLiteral = dataLiteral(apiSpec(api, classified, overrides));
  // JSON.stringify drops the undefined fields; one operation a line keeps diffs readable.
  const entries = classified.map((c) => `  ${JSON.stringify(c.operation.name)}: ${JSON.stringify(operationSpec(c, overrides))}`);
  const table = entries.length > 0 ? `{\n${entries.join(",\n")}\n}` : "{}";
  const names = classified.map((c) => dataLiteral(c.operation.name));
  return [
    `import type { ApiSpec, OperationSpec } from "./runtime/types.js";`,
    { kind: "variable", isExported: true, declarationKind: "const", declarations: [{ name: "api", type: "ApiSpec", initializer: apiLiteral }] },
    { kind: "type-alias", isExported: true, name: "OperationName", type: names.length > 0 ? names.join(" | ") : "never", docs: ["The name of every operation: a key of `operations` and a method of `Client`."] },
    {
      kind: "variable",
      isExported: true,
      declarationKind: "const",
      docs: [
        "Each operation's method, path, idempotency, retry advice and classified errors, as JSON parsed once at load:\n" +
          "tsc checks one string instead of an object literal per operation.",
      ],
      declarations: [{ name: "operations", type: "{ readonly [Name in OperationName]: OperationSpec }", initializer: `JSON.parse(${templateLiteral(table)})` }],
    },
  ];
}
