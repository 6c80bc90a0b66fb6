// openapi-typescript, through its public CommonJS entry (package.json "exports" -> "require").
// Not through import: Node's ESM loader would first scan the 9 MB CommonJS `typescript` it loads
// for module syntax and named exports (~2 s). Loaded on first use, so `lint`, `report` and `init`
// never pay for it; Node's require cache keeps the one instance.
import { createRequire } from "node:module";
import type * as OpenapiTypescript from "openapi-typescript";

export type SchemaTransform = Pick<
  typeof OpenapiTypescript,
  "astToString" | "resolveRef" | "scanDiscriminators" | "transformSchema"
>;

const require = createRequire(import.meta.url);

export function openapiTypescript(): SchemaTransform {
  return require("openapi-typescript") as SchemaTransform;
}
