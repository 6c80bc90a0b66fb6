// The output folder's index.ts: the client, the operations table, every type and the runtime,
// re-exported. Constant text, written prettier-formatted (test/emit/preformatted.test.ts).
export const INDEX_FILE = [
  `export { createClient, type Client } from "./client.js";`,
  `export { api, operations, type OperationName } from "./operations.js";`,
  `export type * from "./types.js";`,
  `export type { paths, components } from "./schema.js";`,
  `export * from "./runtime/index.js";`,
  "",
].join("\n");
