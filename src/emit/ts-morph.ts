// ts-morph, loaded on first use through its public entry: `lint`, `report`, `init` and `--help`
// never need it. Through require(), not import: ts-morph is CommonJS, and Node's ESM loader would
// first scan it for exports (~0.25 s). Node's require cache keeps the one instance.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function tsMorph(): typeof import("ts-morph") {
  return require("ts-morph") as typeof import("ts-morph");
}
