// operations.ts: the runtime's view of the spec, as plain data. One OperationSpec per operation
// (method, path, idempotency, retry advice, the classified error table, the envelope hint) and
// an ApiSpec with the root retry advice and the spec-wide code table.
import type { VariableStatement } from "./structures.js";
import type { EnvelopeIR } from "../ir.js";
import { codeTable, type ClassifiedError, type ClassifiedOperation } from "../normalize/classify.js";
import type { ApiIR } from "../ir.js";
import { dataLiteral, propertyKey } from "./names.js";
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
  };
}

function envelopeHint(envelope: EnvelopeIR | undefined): Record<string, unknown> | undefined {
  if (!envelope) return undefined;
  const { code, message, requestId, details, retryAfter } = envelope;
  const hint = { code, message, requestId, details, retryAfter };
  return Object.values(hint).some((v) => v !== undefined) ? hint : undefined;
}

function operationSpec({ operation: op, errors }: ClassifiedOperation): string {
  const lead = op.errors.find((e) => e.envelope.code) ?? op.errors.find((e) => e.envelope.message);
  const media = requestMedia(op);
  return dataLiteral({
    id: op.name,
    method: op.method.toUpperCase(),
    path: op.path,
    idempotent: op.idempotent,
    idempotencyKeyHeader: op.idempotencyKeyHeader,
    requestContentType: media && !/json/i.test(media) ? media : undefined,
    retry: op.retry,
    errors: Object.fromEntries(errors.map((e) => [e.response.key, errorRule(e)])),
    envelope: envelopeHint(lead?.envelope),
  });
}

export function operationSpecStatements(api: ApiIR, classified: ClassifiedOperation[]): VariableStatement[] {
  const codes = Object.fromEntries([...codeTable(classified)].map(([code, v]) => [code, { category: v.category, recovery: v.recovery }]));
  const apiSpec = dataLiteral({ retry: api.retry, codes });
  const entries = classified.map((c) => `  ${propertyKey(c.operation.name)}: ${operationSpec(c)},`);
  return [
    {
      kind: "variable",
      isExported: true,
      declarationKind: "const",
      declarations: [{ name: "api", type: "ApiSpec", initializer: apiSpec }],
    },
    {
      kind: "variable",
      isExported: true,
      declarationKind: "const",
      docs: ["Each operation's method, path, idempotency, retry advice and classified errors."],
      declarations: [{ name: "operations", initializer: `{\n${entries.join("\n")}\n} satisfies Record<string, OperationSpec>` }],
    },
  ];
}
