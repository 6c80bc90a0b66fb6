// operations.ts: the runtime's view of the spec, as plain data. One OperationSpec per operation
// (method, path, idempotency, retry advice, the classified error table, the envelope hint) and
// an ApiSpec with the root retry advice and the spec-wide code table.
//
// Error rules and envelope hints repeat across operations (GitHub's 2,000 rules are 8 distinct
// ones), so each distinct one is declared once, as a typed constant, and operations refer to it:
// tsc checks a constant once instead of every copy, and the file is a fifth of the size.
import type { Statement, VariableStatement } from "./structures.js";
import type { EnvelopeIR } from "../ir.js";
import { codeTable, type ClassifiedError, type ClassifiedOperation } from "../normalize/classify.js";
import type { ApiIR } from "../ir.js";
import { camelCase } from "../parse/naming.js";
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

/** Distinct literals of one type, each declared once under a name; first use decides the order. */
class SharedConstants {
  readonly statements: VariableStatement[] = [];
  private readonly names = new Map<string, string>();
  constructor(private readonly type: string) {}

  nameFor(value: Record<string, unknown>, wanted: string): string {
    const text = dataLiteral(value);
    const known = this.names.get(text);
    if (known) return known;
    const taken = new Set(this.names.values());
    let name = wanted;
    for (let n = 2; taken.has(name); n++) name = `${wanted}${n}`;
    this.names.set(text, name);
    this.statements.push({ kind: "variable", declarationKind: "const", declarations: [{ name, type: this.type, initializer: text }] });
    return name;
  }
}

interface Shared {
  rules: SharedConstants;
  envelopes: SharedConstants;
}

/** A rule with its own code table is one of a kind: written in place. The rest are shared. */
function ruleText(error: ClassifiedError, shared: Shared): string {
  const rule = errorRule(error);
  if (rule.codes) return dataLiteral(rule);
  const flags = `${rule.dynamic ? " by status" : ""}${rule.notProcessed ? " not processed" : ""}`;
  return shared.rules.nameFor(rule, camelCase(`${error.verdict.category} ${error.verdict.recovery}${flags}`));
}

function operationSpec({ operation: op, errors }: ClassifiedOperation, shared: Shared): string {
  const lead = op.errors.find((e) => e.envelope.code) ?? op.errors.find((e) => e.envelope.message);
  const media = requestMedia(op);
  const hint = envelopeHint(lead?.envelope);
  const fields: [string, string | undefined][] = [
    ["id", dataLiteral(op.name)],
    ["method", dataLiteral(op.method.toUpperCase())],
    ["path", dataLiteral(op.path)],
    ["idempotent", dataLiteral(op.idempotent)],
    ["idempotencyKeyHeader", op.idempotencyKeyHeader === undefined ? undefined : dataLiteral(op.idempotencyKeyHeader)],
    ["requestContentType", media && !/json/i.test(media) ? dataLiteral(media) : undefined],
    ["retry", op.retry === undefined ? undefined : dataLiteral(op.retry)],
    ["errors", errors.length === 0 ? "{}" : `{ ${errors.map((e) => `${propertyKey(e.response.key)}: ${ruleText(e, shared)}`).join(", ")} }`],
    ["envelope", hint && shared.envelopes.nameFor(hint, camelCase(`${Object.keys(hint).filter((k) => hint[k] !== undefined).join(" ")} envelope`))],
  ];
  return `{ ${fields.flatMap(([key, text]) => (text === undefined ? [] : [`${key}: ${text}`])).join(", ")} }`;
}

export function operationSpecStatements(api: ApiIR, classified: ClassifiedOperation[]): Statement[] {
  const codes = Object.fromEntries([...codeTable(classified)].map(([code, v]) => [code, { category: v.category, recovery: v.recovery }]));
  const apiSpec = dataLiteral({ retry: api.retry, codes });
  const shared: Shared = { rules: new SharedConstants("ErrorRule"), envelopes: new SharedConstants("EnvelopeHint") };
  const entries = classified.map((c) => `  ${propertyKey(c.operation.name)}: ${operationSpec(c, shared)},`);
  const names = classified.map((c) => dataLiteral(c.operation.name));
  const runtimeTypes = ["ApiSpec", ...(shared.envelopes.statements.length > 0 ? ["EnvelopeHint"] : []), ...(shared.rules.statements.length > 0 ? ["ErrorRule"] : []), "OperationSpec"];
  return [
    `import type { ${runtimeTypes.join(", ")} } from "./runtime/types.js";`,
    { kind: "variable", isExported: true, declarationKind: "const", declarations: [{ name: "api", type: "ApiSpec", initializer: apiSpec }] },
    ...shared.rules.statements,
    ...shared.envelopes.statements,
    { kind: "type-alias", isExported: true, name: "OperationName", type: names.length > 0 ? names.join(" | ") : "never", docs: ["The name of every operation: a key of `operations` and a method of `Client`."] },
    {
      kind: "variable",
      isExported: true,
      declarationKind: "const",
      docs: ["Each operation's method, path, idempotency, retry advice and classified errors."],
      declarations: [{ name: "operations", type: "{ readonly [Name in OperationName]: OperationSpec }", initializer: `{\n${entries.join("\n")}\n}` }],
    },
  ];
}
