// client.ts: createCore, one exported function per operation (named like the operation, taking
// the core first), and createClient, which binds those functions into one object typed by the
// documented `Client` interface. All behaviour lives in the runtime; this file wires names to data.
//
// Operation names are identifiers chosen by the spec (parse/naming.ts), so any lower-case module
// binding here could collide with one: the module's own bindings are PascalCase (Runtime, Spec, T,
// Send, Functions) or names naming.ts reserves (createCore, createClient), and function bodies
// refer to nothing else. Functions are printed in prettier's layout: big specs skip prettier.
import type { InterfaceStatement, MethodSignature, Statement, TypeAliasStatement } from "../structures.js";
import type { OperationIR, SecuritySchemeIR } from "../../ir.js";
import type { ClassifiedOperation } from "../../normalize/classify.js";
import { docText, propertyKey, typeNames } from "../names.js";
import { inputRequired } from "./result-types.js";

export const CLIENT_IMPORTS = [
  `import * as Runtime from "./runtime/index.js";`,
  `import type { CallOptions, ClientOptions, OperationSpec } from "./runtime/index.js";`,
  `import * as Spec from "./operations.js";`,
  `import type * as T from "./types.js";`,
];

function methodDocs(op: OperationIR): string {
  const lines = [`${op.method.toUpperCase()} ${op.path}`];
  if (op.summary) lines.unshift(op.summary);
  if (op.description && op.description !== op.summary) lines.push("", op.description.trim());
  if (!op.idempotent)
    lines.push("", "Not idempotent: a failed attempt is replayed only when the server certainly did not act on it.");
  const text = docText(lines.join("\n"));
  return op.deprecated ? `${text}\n@deprecated` : text;
}

const successMedia = (op: OperationIR) => op.successes.flatMap((s) => s.media);
/** A success that is a file: a call may ask for it as a byte stream (parseAs: "stream"). */
const returnsFile = (op: OperationIR) => successMedia(op).some((m) => m.binary);
/** The runtime reader for successes that stream or are files, passed only where needed (special-body.ts). */
function bodyReader(op: OperationIR): string {
  const streams = successMedia(op).some((m) => m.stream);
  if (!returnsFile(op)) return streams ? ", Runtime.streamBody" : "";
  return streams ? ", Runtime.specialBody" : ", Runtime.fileBody";
}

const STREAM_CALL = `CallOptions & { parseAs: "stream" }`;
/** Its call is required, and a required parameter cannot follow an optional one: so undefined. */
const streamedInputType = (op: OperationIR) => `T.${typeNames(op).input}${inputRequired(op) ? "" : " | undefined"}`;

/** A file-returning operation has a second signature first: parseAs "stream" types data as a stream. */
function methodSignatures(op: OperationIR): MethodSignature[] {
  const names = typeNames(op);
  const input = { name: "input", type: `T.${names.input}`, hasQuestionToken: !inputRequired(op) };
  const plain: MethodSignature = {
    name: propertyKey(op.name),
    docs: [methodDocs(op)],
    parameters: [input, { name: "call", type: "CallOptions", hasQuestionToken: true }],
    returnType: `Promise<T.${names.result}>`,
  };
  if (!returnsFile(op)) return [plain];
  const streamed: MethodSignature = {
    ...plain,
    parameters: [
      { name: "input", type: streamedInputType(op) },
      { name: "call", type: STREAM_CALL },
    ],
    returnType: `Promise<Runtime.Streamed<T.${names.result}>>`,
  };
  return [streamed, plain];
}

function jsDoc(text: string): string {
  return `/**\n${text
    .split("\n")
    .map((line) => (line ? ` * ${line}` : " *"))
    .join("\n")}\n */`;
}

/** `export function name(core, input, call): Promise<Result>`, one line when it fits in 100 columns. */
function operationFunction(op: OperationIR): string {
  const names = typeNames(op);
  const input = `input${inputRequired(op) ? "" : "?"}: T.${names.input}`;
  const head = (params: string[], returns: string, end: string) => {
    const oneLine = `export function ${op.name}(${params.join(", ")}): ${returns}${end}`;
    if (oneLine.length <= 100) return oneLine;
    return `export function ${op.name}(\n${params.map((p) => `  ${p},\n`).join("")}): ${returns}${end}`;
  };
  const result = `Promise<T.${names.result}>`;
  const overloads = returnsFile(op)
    ? [
        head(
          ["core: Core", `input: ${streamedInputType(op)}`, `call: ${STREAM_CALL}`],
          `Promise<Runtime.Streamed<T.${names.result}>>`,
          ";",
        ),
        head(["core: Core", input, "call?: CallOptions"], result, ";"),
      ]
    : [];
  const implementation = head(
    ["core: Core", input, "call?: CallOptions"],
    overloads.length ? "Promise<unknown>" : result,
    " {",
  );
  const body = `  return Send(core, Spec.${op.name}, input, call${bodyReader(op)});\n}`;
  return `${jsDoc(methodDocs(op))}\n${[...overloads, implementation].join("\n")}\n${body}`;
}

/** The options createCore and createClient take: baseUrl is optional when the spec names a server. */
function optionsType(baseUrl: string | undefined): string {
  return baseUrl ? "ClientOptions<AuthSchemes> = {}" : "ClientOptions<AuthSchemes> & { baseUrl: string }";
}

// Without security schemes, createCore skips auth.ts (runtime/context.ts) so bundles leave it out.
const prelude = (baseUrl: string | undefined, hasSchemes: boolean) => [
  `/** What every operation function takes first: the client's checked options and the API's data. */
export type Core = Runtime.Context;`,
  `/** Checks the options once (a bad one throws a TypeError here) for use with any operation function. */
export function createCore(options: ${optionsType(baseUrl)}): Core {
  return ${hasSchemes ? "Runtime.createContext" : "Plain.plainContext"}(options, Spec.api);
}`,
  // The cast is checked once; a direct call would make tsc relate every operation's input to
  // RequestInput structurally (unmeasured on its own). Each function states its own types.
  `/** The runtime's send, typed loosely: each function below states its own input and result types. */
const Send = Runtime.send as (
  core: Core,
  op: OperationSpec,
  input?: object,
  call?: CallOptions,
  special?: typeof Runtime.specialBody,
) => Promise<never>;`,
];

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
export function clientStatements(
  classified: ClassifiedOperation[],
  title: string,
  api: { securitySchemes?: SecuritySchemeIR[]; baseUrl?: string } = {},
): Statement[] {
  const ops = classified.map((c) => c.operation);
  const client: InterfaceStatement = {
    kind: "interface",
    name: "Client",
    isExported: true,
    docs: [
      docText(
        `A typed, retry-aware client for ${title}. No method throws for an HTTP, network, timeout or abort failure: each returns a Result.`,
      ),
    ],
    methods: ops.flatMap(methodSignatures),
  };
  const table = ops.length > 0 ? `{\n${ops.map((op) => `  ${op.name},\n`).join("")}}` : "{}";
  return [
    ...CLIENT_IMPORTS,
    ...(api.securitySchemes?.length ? [] : [`import * as Plain from "./runtime/options.js";`]),
    authSchemes(api.securitySchemes ?? []),
    ...prelude(api.baseUrl, Boolean(api.securitySchemes?.length)),
    ...ops.map(operationFunction),
    client,
    // Typed loosely (input: never accepts every function): the Client interface types the bound methods.
    `/** Every operation function by name: what createClient binds. Apps importing single functions never reach it. */
const Functions: Record<string, (core: Core, input: never, call?: CallOptions) => unknown> = ${table};`,
    `/** One object with every operation as a method, bound to one core. */
export function createClient(options: ${optionsType(api.baseUrl)}): Client {
  const core = createCore(options);
  const methods = Object.entries(Functions).map(
    ([name, fn]) => [name, (input: never, call?: CallOptions) => fn(core, input, call)] as const,
  );
  // fromEntries defines own properties, so no operation name can reach Object.prototype.
  return Object.fromEntries(methods) as unknown as Client;
}`,
  ];
}
