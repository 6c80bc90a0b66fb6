// The output folder's index.ts: createCore, createClient and every operation function, the
// operations table, every type and the runtime, re-exported. Constant text, written
// prettier-formatted (test/emit/preformatted.test.ts); generate.ts puts the spec's header on it.
// Operation functions are exported with `export *`: naming.ts keeps operation names clear of the
// runtime's and operations.ts's exports, so no name is ambiguous.
export const INDEX_FILE = [
  `export * from "./client.js";`,
  `export { api, operations, type OperationName } from "./operations.js";`,
  `export type * from "./types.js";`,
  `export type { paths, components } from "./schema.js";`,
  `export * from "./runtime/index.js";`,
  "",
].join("\n");
