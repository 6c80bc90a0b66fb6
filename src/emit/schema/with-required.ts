// openapi-typescript types `allOf: [{ $ref: Base }], required: [a]` as WithRequired<Base, "a">,
// with a helper whose constraint is `keyof T`. When Base is nullable, T is `Base | null`, keyof
// is never, and tsc rejects the spec's own required list (TS2344; Plaid's PlaidError). The
// replacement reads keys and property types from NonNullable<T>; for a non-null T it is the
// same type as openapi-typescript's.
import { createRequire } from "node:module";
import type * as TypeScript from "typescript";

const HELPER = "type WithRequired<T, K extends keyof NonNullable<T>> = T & { [P in K]-?: NonNullable<T>[P] };";

export function withNullableSafeWithRequired(nodes: TypeScript.Node[]): TypeScript.Node[] {
  const ts = createRequire(import.meta.url)("typescript") as typeof TypeScript;
  const index = nodes.findIndex((n) => ts.isTypeAliasDeclaration(n) && n.name.text === "WithRequired");
  if (index < 0) return nodes;
  const helper = ts.createSourceFile("with-required.ts", HELPER, ts.ScriptTarget.ESNext, false, ts.ScriptKind.TS)
    .statements[0]!;
  return nodes.map((node, i) => (i === index ? helper : node));
}
