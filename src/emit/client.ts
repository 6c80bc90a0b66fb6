// client.ts: a `Client` interface with one documented method per operation, and createClient,
// which binds each method to its OperationSpec. All behaviour lives in the runtime; this file
// only wires names to data, so it stays small even for thousand-operation specs.
import type { FunctionStatement, InterfaceStatement, MethodSignature } from "./structures.js";
import type { OperationIR } from "../ir.js";
import type { ClassifiedOperation } from "../normalize/classify.js";
import { docText, propertyKey, typeNames } from "./names.js";
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

export function clientStatements(classified: ClassifiedOperation[], title: string): (InterfaceStatement | FunctionStatement)[] {
  const ops = classified.map((c) => c.operation);
  const methods = ops.map((op) => `  ${propertyKey(op.name)}: (input, call) => send(ctx, operations.${op.name}, input, call) as Promise<t.${typeNames(op).result}>,`);
  return [
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
      parameters: [{ name: "options", type: "ClientOptions" }],
      returnType: "Client",
      statements: [`const ctx = createContext(options, api);`, `return {\n${methods.join("\n")}\n};`],
    },
  ];
}
