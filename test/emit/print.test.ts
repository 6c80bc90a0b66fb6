// print.ts hands emitter structures to ts-morph. Its output is what prettier starts from, and
// what users read where a file is too big to format: valid TypeScript, docs kept as JSDoc.
import { describe, expect, it } from "vitest";
import { printStatements } from "../../src/emit/print.js";

describe("printStatements (ts-morph)", () => {
  it("prints imports, interfaces, aliases, variables and functions in order", () => {
    const text = printStatements([
      `import type * as rt from "./runtime/types.js";`,
      {
        kind: "interface",
        name: "AInput",
        isExported: true,
        properties: [{ name: "body", type: "string", hasQuestionToken: true }],
      },
      {
        kind: "type-alias",
        name: "ASuccess",
        isExported: true,
        type: "rt.Success<200, string>",
        docs: ["Success of GET /a."],
      },
      {
        kind: "variable",
        isExported: true,
        declarationKind: "const",
        declarations: [{ name: "n", type: "number", initializer: "1" }],
      },
      {
        kind: "function",
        name: "make",
        isExported: true,
        parameters: [{ name: "n", type: "number" }],
        returnType: "number",
        statements: ["return n;"],
      },
    ]);
    expect(text).toContain(`import type * as rt from "./runtime/types.js";`);
    expect(text).toMatch(/export interface AInput \{\s+body\?: string;\s+\}/);
    expect(text).toMatch(/\/\*\* Success of GET \/a\. \*\/\s+export type ASuccess = rt\.Success<200, string>;/);
    expect(text).toContain("export const n: number = 1;");
    expect(text).toMatch(/export function make\(n: number\): number \{\s+return n;\s+\}/);
    expect(text.indexOf("AInput")).toBeLessThan(text.indexOf("ASuccess"));
  });

  it("prints method signatures with optional parameters and multi-line docs", () => {
    const text = printStatements([
      {
        kind: "interface",
        name: "Client",
        methods: [
          {
            name: "get",
            docs: ["Get it.\n\nGET /a"],
            parameters: [{ name: "call", type: "CallOptions", hasQuestionToken: true }],
            returnType: "Promise<void>",
          },
        ],
      },
    ]);
    expect(text).toMatch(/\/\*\*\s+\* Get it\.\s+\*\s+\* GET \/a\s+\*\/\s+get\(call\?: CallOptions\): Promise<void>;/);
  });
});
