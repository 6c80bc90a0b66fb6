// @redocly/openapi-core, loaded on first use through its public entry. It costs ~0.5 s through
// require() and ~1.2 s through import (Node's ESM loader scans each of its CommonJS files), and
// most runs never need it: a single-file JSON spec without errors is parsed, checked and
// generated without it. Node's require cache keeps the one instance.
import { createRequire } from "node:module";

export type Redocly = typeof import("@redocly/openapi-core");

const require = createRequire(import.meta.url);

/** Node's module cache keeps it once loaded: a later call is a lookup. */
export function redocly(): Redocly {
  return require("@redocly/openapi-core") as Redocly;
}
