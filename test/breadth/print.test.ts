// print.ts is what users read on big specs (prettier is skipped above 150 KB), and what prettier
// starts from on small ones: its layout must be valid, stable and readable on its own.
import { describe, expect, it } from "vitest";
import { printStatements, splitTopLevelUnion } from "../../src/emit/print.js";

describe("printStatements", () => {
  it("surrounds interfaces and functions with one blank line, keeps other statements together", () => {
    const text = printStatements([
      `import type * as rt from "./runtime/types.js";`,
      { kind: "interface", name: "AInput", isExported: true, properties: [{ name: "body", type: "string", hasQuestionToken: true }] },
      { kind: "type-alias", name: "ASuccess", isExported: true, type: "rt.Success<200, string>", docs: ["Success of GET /a."] },
      { kind: "type-alias", name: "AResult", isExported: true, type: "rt.Result<ASuccess, never>" },
      { kind: "function", name: "make", isExported: true, parameters: [{ name: "n", type: "number" }], returnType: "number", statements: ["const m = {\n  n,\n};", "return m.n;"] },
    ]);
    expect(text).toBe(
      [
        `import type * as rt from "./runtime/types.js";`,
        "",
        "export interface AInput {",
        "  body?: string;",
        "}",
        "",
        "/** Success of GET /a. */",
        "export type ASuccess = rt.Success<200, string>;",
        "export type AResult = rt.Result<ASuccess, never>;",
        "",
        "export function make(n: number): number {",
        "  const m = {",
        "    n,",
        "  };",
        "  return m.n;",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("prints multi-line docs as JSDoc blocks, blank lines without trailing spaces", () => {
    const text = printStatements([{ kind: "interface", name: "Client", methods: [{ name: "get", docs: ["Get it.\n\nGET /a"], parameters: [{ name: "call", type: "CallOptions", hasQuestionToken: true }], returnType: "Promise<void>" }] }]);
    expect(text).toBe(["interface Client {", "  /**", "   * Get it.", "   *", "   * GET /a", "   */", "  get(call?: CallOptions): Promise<void>;", "}", ""].join("\n"));
  });

  it("puts each variant of a long union on its own line", () => {
    const variants = ["rt.HttpError<404, \"404\", string | undefined>", "rt.HttpError<number, \"5XX\", string | undefined>", "rt.NetworkError", "rt.TimeoutError"];
    const text = printStatements([{ kind: "type-alias", name: "GetSomethingRatherLongError", isExported: true, type: variants.join(" | ") }]);
    expect(text).toBe(`export type GetSomethingRatherLongError =\n${variants.map((v) => `  | ${v}`).join("\n")};\n`);
  });
});

describe("splitTopLevelUnion", () => {
  it("splits only outside brackets and string literals", () => {
    expect(splitTopLevelUnion(`A | B<C | D> | paths["/a|b"]["get"] | (E | F)[] | { x: G | H }`)).toEqual([`A`, `B<C | D>`, `paths["/a|b"]["get"]`, `(E | F)[]`, `{ x: G | H }`]);
  });

  it("does not take a function type's arrow for a closing bracket", () => {
    expect(splitTopLevelUnion(`((x: A) => B | C) | D`)).toEqual([`((x: A) => B | C)`, `D`]);
  });
});
