// `generate --mocks`: mocks.ts (mockFetch, chaosFetch: zero-dependency) and, with "msw", msw.ts
// (MSW v2 handlers from the same replies; the only file that imports msw). Types are per
// operation, so a script naming a status or code the spec does not document fails to compile.
import type { ApiIR, OperationIR } from "../../ir.js";
import type { Doc } from "../../parse/document.js";
import { dataLiteral, docText, propertyKey, stringLiteral, typeNames } from "../names.js";
import { routeData } from "./reply-data.js";

export type MocksOption = boolean | "msw";

function replyTypeName(op: OperationIR): string {
  return typeNames(op).result.replace(/Result$/, "MockReply");
}

function statusLiteral(key: string): string {
  return /^\d+$/.test(key) ? key : stringLiteral(key);
}

/** One operation's replies as a discriminated union on status; a code only where the status documents one. */
function replyType(op: OperationIR, undocumented: boolean): string {
  const successes = op.successes.map((s) => `{ status: ${statusLiteral(s.key)} }`);
  const errors = op.errors.map((e) => {
    const code =
      e.codes.length > 0
        ? e.codes.map((c) => stringLiteral(c.value)).join(" | ")
        : e.envelope.code
          ? "string"
          : "never";
    return `{ status: ${statusLiteral(e.key)}; code?: ${code} }`;
  });
  const variants = [...successes, ...errors, ...(undocumented ? [`{ status: "undocumented" }`] : [])];
  const union = variants.length > 0 ? variants.join(" | ") : "never";
  return `/** A scripted reply of ${op.name} (${op.method.toUpperCase()} ${docText(op.path, 200)}). */\nexport type ${replyTypeName(op)} = MockTransport | (MockOverrides & (${union}));`;
}

function mocksText(api: ApiIR, doc: Doc, runtimeText: string): string {
  const routes = api.operations.map((op) => routeData(doc, op));
  const types = api.operations.map((op, i) => replyType(op, routes[i]!.undocumented !== undefined));
  const script = api.operations.map(
    (op) =>
      `  /** ${op.method.toUpperCase()} ${docText(op.path, 200)} */\n  ${propertyKey(op.name)}?: readonly ${replyTypeName(op)}[];`,
  );
  return [
    "// Test doubles for this client: mockFetch answers from a typed script, chaosFetch injects\n" +
      '// documented errors into real traffic. Zero dependencies; see the README\'s "Testing your error handling".',
    ...types,
    "/** Replies per operation, taken in order; the last repeats. */",
    `export interface MockScript {\n${script.join("\n")}\n}`,
    "// Per operation: its route, and each documented reply's status, headers and body per code.",
    `const MOCK_ROUTES: readonly RouteData[] = ${dataLiteral(routes)};`,
    runtimeText,
  ].join("\n\n");
}

function mswText(api: ApiIR): string {
  const verbs = new Set(["get", "post", "put", "patch", "delete", "head", "options"]);
  const handlers = api.operations.map((op) => {
    const verb = verbs.has(op.method) ? op.method : "all";
    return `    http.${verb}(${stringLiteral(`*${op.path.replace(/\{[^}]*\}/g, "*")}`)}, reply),`;
  });
  return [
    `import { http, HttpResponse } from "msw";`,
    `import { mockFetch, type MockScript } from "./mocks.js";`,
    "",
    "/** MSW v2 handlers answering from a mockFetch script; `.calls` lists the requests they saw. */",
    "export function mswHandlers(script: MockScript) {",
    "  const mock = mockFetch(script);",
    "  // A scripted network failure is msw's network error; the mock routes by method and path itself.",
    "  const reply = async ({ request }: { request: Request }) => {",
    "    try {",
    "      return await mock(request);",
    "    } catch {",
    "      return HttpResponse.error();",
    "    }",
    "  };",
    "  const handlers = [",
    ...handlers,
    "  ];",
    "  return Object.assign(handlers, { calls: mock.calls });",
    "}",
    "",
  ].join("\n");
}

/** The mocks files for an output folder; `format` is generate()'s prettier pass. */
/** `runtimeText` is templates/mocks/mock-fetch.ts.txt, given by the caller (generate() reads no files). */
export function mockFiles(
  api: ApiIR,
  doc: Doc,
  option: MocksOption | undefined,
  runtimeText: string | undefined,
  format: (text: string) => Promise<string>,
) {
  if (!option) return [];
  if (runtimeText === undefined) throw new TypeError("generate(): `mocks` needs tools.mockRuntime (readMockRuntime())");
  const files = [{ path: "mocks.ts", contents: format(mocksText(api, doc, runtimeText)) }];
  if (option === "msw") files.push({ path: "msw.ts", contents: format(mswText(api)) });
  return files;
}
