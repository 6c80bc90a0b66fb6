// openapi-typescript, loaded the fast way. Its ESM entry costs ~2 s before any work: Node's ESM
// loader scans the 9 MB CommonJS `typescript` for module syntax and for named exports. Through
// require() that is ~0.7 s, and requiring just the modules we call (transform, printer, utils)
// skips @redocly/openapi-core's linter and bundler too: ~0.35 s. Deep paths are internal to
// openapi-typescript, so if an upgrade moves them we fall back to its public CommonJS entry.
import { createRequire } from "node:module";
import type * as OpenapiTypescript from "openapi-typescript";

export type SchemaTransform = Pick<typeof OpenapiTypescript, "astToString" | "resolveRef" | "scanDiscriminators" | "transformSchema">;

const require = createRequire(import.meta.url);

function loadDeep(): SchemaTransform {
  const transformSchema = require("openapi-typescript/dist/transform/index.cjs") as SchemaTransform["transformSchema"];
  const { astToString } = require("openapi-typescript/dist/lib/ts.cjs") as Pick<SchemaTransform, "astToString">;
  const { resolveRef, scanDiscriminators } = require("openapi-typescript/dist/lib/utils.cjs") as Pick<SchemaTransform, "resolveRef" | "scanDiscriminators">;
  if (typeof transformSchema !== "function" || typeof astToString !== "function" || typeof resolveRef !== "function" || typeof scanDiscriminators !== "function") {
    throw new Error("openapi-typescript's internal layout changed");
  }
  return { transformSchema, astToString, resolveRef, scanDiscriminators };
}

let loaded: SchemaTransform | undefined;

export function openapiTypescript(): SchemaTransform {
  if (!loaded) {
    try {
      loaded = loadDeep();
    } catch {
      loaded = require("openapi-typescript") as SchemaTransform;
    }
  }
  return loaded;
}
