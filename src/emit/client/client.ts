// client.ts: a `Client` interface with one documented method per operation, and createClient,
// which binds each method to its OperationSpec. All behaviour lives in the runtime; this file
// only wires names to data. createClient builds the methods in one loop over `operations`
// instead of one typed arrow per operation: the interface already gives every method its types,
// and 1,000 arrows each cast to their result type took tsc ~2 s on GitHub's spec.
import type { FunctionStatement, InterfaceStatement, MethodSignature, TypeAliasStatement } from "../structures.js";
import type { OperationIR, SecuritySchemeIR } from "../../ir.js";
import type { ClassifiedOperation } from "../../normalize/classify.js";
import { docText, propertyKey, typeNames } from "../names.js";
import { inputRequired } from "./result-types.js";

function methodDocs(op: OperationIR): string[] {
  const lines = [`${op.method.toUpperCase()} ${op.path}`];
  if (op.summary) lines.unshift(op.summary);
  if (op.description && op.description !== op.summary) lines.push("", op.description.trim());
  if (!op.idempotent) lines.push("", "Not idempotent: a failed attempt is replayed only when the server certainly did not act on it.");
  const text = docText(lines.join("\n"));
  return [op.deprecated ? `${text}\n@deprecated` : text];
}

function methodSignature(op: OperationIR): MethodSignature {
  const names = typeNames(op);
  return {
    name: propertyKey(op.name),
    docs: methodDocs(op),
    parameters: [
      { name: "input", type: `t.${names.input}`, hasQuestionToken: !inputRequired(op) },
      { name: "call", type: "CallOptions", hasQuestionToken: true },
    ],
    returnType: `Promise<t.${names.result}>`,
  };
}

/** Each security scheme's name to its kind: types createClient({ auth })'s keys and values. */
function authSchemes(schemes: SecuritySchemeIR[]): TypeAliasStatement {
  const entries = schemes.map((s) => `${propertyKey(s.name)}: ${JSON.stringify(s.kind)}`);
  return {
    kind: "type-alias",
    isExported: true,
    name: "AuthSchemes",
    type: entries.length > 0 ? `{ ${entries.join("; ")} }` : "{}",
    docs: ["The spec's security schemes by name: the keys `createClient({ auth })` accepts."],
  };
}

/** api: the spec's security schemes and default base URL (ApiIR). */
export function clientStatements(classified: ClassifiedOperation[], title: string, api: { securitySchemes?: SecuritySchemeIR[]; baseUrl?: string } = {}): (InterfaceStatement | FunctionStatement | TypeAliasStatement)[] {
  const ops = classified.map((c) => c.operation);
  return [
    authSchemes(api.securitySchemes ?? []),
    {
      kind: "interface",
      name: "Client",
      isExported: true,
      docs: [docText(`A typed, retry-aware client for ${title}. No method throws for an HTTP, network, timeout or abort failure: each returns a Result.`)],
      methods: ops.map(methodSignature),
    },
    {
      kind: "function",
      name: "createClient",
      isExported: true,
      // baseUrl defaults to the spec's server; without one it is required (createContext also throws).
      parameters: api.baseUrl
        ? [{ name: "options", type: "ClientOptions<AuthSchemes>", hasQuestionToken: true }]
        : [{ name: "options", type: "ClientOptions<AuthSchemes> & { baseUrl: string }" }],
      returnType: "Client",
      statements: [
        api.baseUrl ? `const ctx = createContext(options ?? {}, api);` : `const ctx = createContext(options, api);`,
        // operations' keys are the method names (both are op.name): each method sends its own operation.
        `// One method per operation, each sending its own OperationSpec; the Client interface types them.`,
        // The type argument keeps a spec without operations (webhooks only) compiling: its `operations` is {}.
        `const methods = Object.entries<OperationSpec>(operations).map(([name, op]) => [name, (input?: RequestInput, call?: CallOptions) => send(ctx, op, input, call)] as const);`,
        // fromEntries defines own properties, so no operation name can reach Object.prototype.
        `return Object.fromEntries(methods) as unknown as Client;`,
      ],
    },
  ];
}
